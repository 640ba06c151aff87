from tortoise import migrations
from tortoise.migrations import operations as ops

# On SQLite, 0002 altered delivery.status by rebuilding the table, and the rebuild dropped
# the (status, created_at) index that 0001 created; PostgreSQL altered the column in place
# and kept it. Recreate it where it is missing (the same name generate_schemas gives it).


class Migration(migrations.Migration):
    dependencies = [('models', '0004_templates_and_forms')]

    initial = False

    operations = [
        ops.RunSQL(
            'CREATE INDEX IF NOT EXISTS "idx_delivery_status_70e041"'
            ' ON "delivery" ("status", "created_at")',
            reverse_sql='SELECT 1',
        ),
    ]
