from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import DeliveryStatus
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Alert',
            name='held_until',
            field=fields.DatetimeField(null=True, description='Found in quiet hours: delivered as part of a digest from this instant on.', auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Alert',
            name='released_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='Alert',
            index=Index(fields=['released_at', 'held_until']),
        ),
        ops.AlterField(
            model_name='Delivery',
            name='status',
            field=fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: PENDING\nSENDING: SENDING\nSENT: SENT\nFAILED: FAILED', enum_type=DeliveryStatus, max_length=16),
        ),
        ops.AddIndex(
            model_name='Task',
            index=Index(fields=['status', 'last_progress_at']),
        ),
        ops.AddIndex(
            model_name='Task',
            index=Index(fields=['status', 'started_at']),
        ),
        ops.AddIndex(
            model_name='Task',
            index=Index(fields=['status', 'submitted_at']),
        ),
        ops.AddIndex(
            model_name='Task',
            index=Index(fields=['status', 'updated_at']),
        ),
        ops.AddField(
            model_name='WarningRule',
            name='scanned_until',
            field=fields.DatetimeField(null=True, description='The scan has looked at every threshold crossing up to this instant (its watermark).', auto_now=False, auto_now_add=False),
        ),
    ]
