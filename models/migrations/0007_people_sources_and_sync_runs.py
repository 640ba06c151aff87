from tortoise import migrations
from tortoise.migrations import operations as ops
from models.directory import AccountSource, SyncStatus
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import UniqueConstraint

class Migration(migrations.Migration):
    dependencies = [('models', '0006_outbox_request_id')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PeopleSyncRun',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('source', fields.CharEnumField(description='LOCAL: LOCAL\nIMPORT: IMPORT\nLDAP: LDAP\nOIDC: OIDC', enum_type=AccountSource, max_length=16)),
                ('status', fields.CharEnumField(default=SyncStatus.RUNNING, description='RUNNING: RUNNING\nSUCCEEDED: SUCCEEDED\nREFUSED: REFUSED\nFAILED: FAILED', enum_type=SyncStatus, max_length=16)),
                ('dry_run', fields.BooleanField(default=False)),
                ('full', fields.BooleanField(default=False, description="A run that read every entry's attributes (the first, or one asked for), not only changes.")),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('started_by', fields.CharField(default='', description='Who started it: a username, ``scheduler``, ``cli``.', max_length=128)),
                ('file_name', fields.CharField(default='', description="The file's name for an import.", max_length=255)),
                ('created', fields.IntField(default=0)),
                ('updated', fields.IntField(default=0)),
                ('deactivated', fields.IntField(default=0)),
                ('unchanged', fields.IntField(default=0)),
                ('refused', fields.IntField(default=0)),
                ('changes', fields.JSONField(default=list, description='Each change: ``{"action", "key", "username", "fields"}``.', encoder=JSON_DUMPS, decoder=loads)),
                ('refusals', fields.JSONField(default=list, description='Each refusal: ``{"where" (row number or DN), "reason"}``.', encoder=JSON_DUMPS, decoder=loads)),
                ('watermark', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('error', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'people_sync_run', 'app': 'models', 'indexes': [Index(fields=['source', 'status'])], 'pk_attr': 'id', 'table_description': 'One import of a people file or one directory sync: what it changed and refused.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Department',
            name='external_id',
            field=fields.CharField(null=True, description="The stable key in that source (the OU's ``entryUUID`` for LDAP).", max_length=128),
        ),
        ops.AddField(
            model_name='Department',
            name='parent',
            field=fields.ForeignKeyField('models.Department', source_field='parent_id', null=True, description='The department above this one (the tree an import or a directory brings).', db_constraint=True, to_field='id', related_name='children', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Department',
            name='source',
            field=fields.CharEnumField(default=AccountSource.LOCAL, description='LOCAL: LOCAL\nIMPORT: IMPORT\nLDAP: LDAP\nOIDC: OIDC', db_default='LOCAL', enum_type=AccountSource, max_length=16),
        ),
        ops.AddField(
            model_name='User',
            name='external_id',
            field=fields.CharField(null=True, description='The stable key in the source: employee number (or username) for an import, the', max_length=128),
        ),
        ops.AddField(
            model_name='User',
            name='source',
            field=fields.CharEnumField(default=AccountSource.LOCAL, description='LOCAL: LOCAL\nIMPORT: IMPORT\nLDAP: LDAP\nOIDC: OIDC', db_default='LOCAL', enum_type=AccountSource, max_length=16),
        ),
        ops.AddConstraint(
            model_name='User',
            constraint=UniqueConstraint(fields=('source', 'external_id'), name=None),
        ),
    ]
