from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor
from tortoise.migrations.schema_generator.state_apps import StateApps

from core import participation_log

# The log of participation changes, written by triggers on the tables that make someone
# take part in a requirement (core/participation_log.py): a server keeps a viewer's
# requirement ids and proves them current in the statement that uses them. PostgreSQL only;
# the compiled path that reads it is PostgreSQL's.


async def install(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "sqlite":
        return
    for statement in participation_log.install_statements():
        await schema_editor.client.execute_script(statement)


async def uninstall(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT == "sqlite":
        return
    for statement in participation_log.uninstall_statements():
        await schema_editor.client.execute_script(statement)


class Migration(migrations.Migration):
    dependencies = [('models', '0017_acceptance_acts')]

    initial = False

    operations = [
        ops.RunPython(install, uninstall),
    ]
