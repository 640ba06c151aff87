from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.migrations.schema_editor.base import BaseSchemaEditor
from tortoise.migrations.schema_generator.state_apps import StateApps

# On SQLite, the AlterField operations of 0009 and 0010 rebuilt these tables and the rebuild
# dropped their indexes, two of them the unique (person, kind) and (template, kind) rules;
# PostgreSQL altered the columns in place and kept them. Recreate them on SQLite under the
# names generate_schemas gives them (tests/crossflow/test_fresh_schema.py compares), after
# keeping only the latest row of any pair the lost rule let through.
STATEMENTS = (
    'CREATE INDEX IF NOT EXISTS "idx_collaborati_status_36ae3d"'
    ' ON "collaboration_request" ("status", "created_at")',
    'CREATE INDEX IF NOT EXISTS "idx_collaborati_to_depa_ee7c3b"'
    ' ON "collaboration_request" ("to_department_id", "status")',
    'CREATE INDEX IF NOT EXISTS "idx_notificatio_recipie_ece159"'
    ' ON "notification" ("recipient_id", "read_at")',
    'CREATE INDEX IF NOT EXISTS "idx_notificatio_recipie_6a6533"'
    ' ON "notification" ("recipient_id", "created_at")',
    'DELETE FROM "notification_preference" WHERE "id" NOT IN'
    ' (SELECT MAX("id") FROM "notification_preference" GROUP BY "user_id", "kind")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "uid_notificatio_user_id_6cc360"'
    ' ON "notification_preference" ("user_id", "kind")',
    'DELETE FROM "template_warning_threshold" WHERE "id" NOT IN'
    ' (SELECT MAX("id") FROM "template_warning_threshold" GROUP BY "template_id", "kind")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "uid_template_wa_templat_9e677c"'
    ' ON "template_warning_threshold" ("template_id", "kind")',
)


async def restore(apps: StateApps, schema_editor: BaseSchemaEditor) -> None:
    if schema_editor.DIALECT != "sqlite":
        return
    for statement in STATEMENTS:
        await schema_editor.client.execute_query(statement)


class Migration(migrations.Migration):
    dependencies = [('models', '0012_feedback_items')]

    initial = False

    operations = [
        ops.RunPython(restore, ops.RunPython.noop),
    ]
