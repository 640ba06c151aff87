from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_restore_delivery_index')]

    initial = False

    operations = [
        ops.AddField(
            model_name='OutboxMessage',
            name='request_id',
            field=fields.CharField(default='', description='The request that caused the message (its X-Request-ID), bound again while it runs.', db_default='', max_length=64),
        ),
    ]
