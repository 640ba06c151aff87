from tortoise import migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor
from tortoise.migrations.schema_generator.state_apps import StateApps

from core import participation_log

# Whether any @mention names a person is read ahead with their requirement ids
# (resolvers/access/participation.py): an index answers it, and the participation log's
# triggers now watch the mention table too, so kept ids are read again when a mention of
# the person comes or goes. install() is idempotent: it adds the new table's triggers.


async def install(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    await participation_log.install(schema_editor.client)  # (nothing on SQLite)


async def drop_mention_triggers(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "sqlite":
        return
    for name in participation_log.trigger_names("mention"):
        await schema_editor.client.execute_script(f'DROP TRIGGER IF EXISTS "{name}" ON "mention"')


class Migration(migrations.Migration):
    dependencies = [('models', '0018_participation_log')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Mention',
            index=Index(fields=['user_id']),
        ),
        ops.RunPython(install, drop_mention_triggers),
    ]
