from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0010_intake_feedback_knowledge_collaboration')]

    initial = False

    operations = [
        ops.CreateModel(
            name='DirectorySettings',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('values', fields.JSONField(default=dict, description='Setting name (``ldap_url``, ``ldap_attr_username`` …) -> value.', encoder=JSON_DUMPS, decoder=loads)),
                ('bind_password', fields.CharField(default='', max_length=255)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('updated_by', fields.CharField(default='', max_length=128)),
            ],
            options={'table': 'directory_settings', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The directory connection and mapping as edited in the panel (one row, ``id`` 1).'},
            bases=['Model'],
        ),
    ]
