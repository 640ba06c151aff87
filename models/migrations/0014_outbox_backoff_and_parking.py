from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor
from tortoise.migrations.schema_generator.state_apps import StateApps
from core.outbox_message import OutboxStatus
from tortoise import fields

# On SQLite the AlterField below rebuilds the table and the rebuild drops its (status, id)
# index (as in 0013); PostgreSQL alters the column in place and keeps it. Recreate it on
# SQLite under the name generate_schemas gives it (tests/crossflow/test_fresh_schema.py).
INDEX = (
    'CREATE INDEX IF NOT EXISTS "idx_outbox_mess_status_8fe57d"'
    ' ON "outbox_message" ("status", "id")'
)


async def restore_index(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "sqlite":
        await schema_editor.client.execute_query(INDEX)


class Migration(migrations.Migration):
    dependencies = [('models', '0013_restore_sqlite_indexes')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='OutboxMessage',
            name='status',
            field=fields.CharEnumField(default=OutboxStatus.PENDING, description='PENDING: PENDING\nSENT: SENT\nPARKED: PARKED', enum_type=OutboxStatus, max_length=16),
        ),
        ops.AddField(
            model_name='OutboxMessage',
            name='next_attempt_at',
            field=fields.DatetimeField(null=True, description='After a failure, the relay leaves the row alone until then (exponential backoff).', auto_now=False, auto_now_add=False),
        ),
        ops.RunPython(restore_index, ops.RunPython.noop),
    ]
