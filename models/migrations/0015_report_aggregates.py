from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0014_outbox_backoff_and_parking')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ReportSnapshot',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('refreshed_at', fields.DatetimeField(description='The instant the figures describe: the data committed then, and "now" for overdue.', auto_now=False, auto_now_add=False)),
                ('took_ms', fields.IntField(default=0, description='How long the refresh took, for the operators.')),
            ],
            options={'table': 'report_snapshot', 'app': 'models', 'pk_attr': 'id', 'table_description': "One refresh of every report's cells, as of one instant."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ReportCell',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('snapshot', fields.ForeignKeyField('models.ReportSnapshot', source_field='snapshot_id', db_constraint=True, to_field='id', related_name='cells', on_delete=OnDelete.CASCADE)),
                ('report', fields.CharField(description='Which report the cell belongs to (``resolvers/reports/snapshots.py``).', max_length=32)),
                ('day', fields.DateField(description='The Beijing date of the instant the report filters its period on.')),
                ('department_id', fields.IntField(null=True, description="The report's department (the asking one for collaboration, none if the row has none).")),
                ('peer_department_id', fields.IntField(null=True, description='The addressed department of a collaboration request.')),
                ('label', fields.CharField(default='', description='The task status or feedback kind the cell counts, empty for the other reports.', max_length=16)),
                ('count', fields.BigIntField(default=0)),
                ('count_2', fields.BigIntField(default=0)),
                ('count_3', fields.BigIntField(default=0)),
                ('count_4', fields.BigIntField(default=0)),
                ('seconds', fields.DecimalField(default=0, max_digits=24, decimal_places=6)),
            ],
            options={'table': 'report_cell', 'app': 'models', 'indexes': [Index(fields=['snapshot_id', 'report', 'day'])], 'pk_attr': 'id', 'table_description': "One report's figures for one Beijing day and department (and label, peer)."},
            bases=['Model'],
        ),
    ]
