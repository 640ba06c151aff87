from tortoise import migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor
from tortoise.migrations.schema_generator.state_apps import StateApps

# Lists by deadline are ordered ``deadline ASC|DESC NULLS LAST, id`` (resolvers/keyset.py).
# The model's (deadline, id) index serves the ascending order on both backends; PostgreSQL
# reads it backwards as ``DESC NULLS FIRST``, so the descending order gets an index of its
# own there. SQLite (the demo) cannot declare NULLS LAST in an index and sorts instead.
DESCENDING = "idx_task_deadline_desc_nulls_last"


async def descending(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "sqlite":
        return
    await schema_editor.client.execute_query(
        f'CREATE INDEX IF NOT EXISTS "{DESCENDING}"'
        ' ON "task" ("deadline" DESC NULLS LAST, "id" DESC)'
    )


async def drop_descending(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "sqlite":
        return
    await schema_editor.client.execute_query(f'DROP INDEX IF EXISTS "{DESCENDING}"')


class Migration(migrations.Migration):
    dependencies = [('models', '0015_report_aggregates')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Task',
            index=Index(fields=['deadline', 'id']),
        ),
        ops.RunPython(descending, drop_descending),
    ]
