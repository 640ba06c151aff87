from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0016_deadline_order_index')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ResultHandover',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('result', fields.ForeignKeyField('models.TaskResult', source_field='result_id', db_constraint=True, to_field='id', related_name='handovers', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='acceptance_handovers', on_delete=OnDelete.RESTRICT)),
                ('from_user', fields.ForeignKeyField('models.User', source_field='from_user_id', db_constraint=True, to_field='id', related_name='acceptances_handed_over', on_delete=OnDelete.RESTRICT)),
                ('to_user', fields.ForeignKeyField('models.User', source_field='to_user_id', db_constraint=True, to_field='id', related_name='acceptances_received', on_delete=OnDelete.RESTRICT)),
                ('head', fields.ForeignKeyField('models.User', source_field='head_id', description='The head the acceptance belongs to, so the decision records "X on behalf of Y".', db_constraint=True, to_field='id', related_name='acceptances_handed_for', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'result_handover', 'app': 'models', 'indexes': [Index(fields=['result_id', 'department_id'])], 'pk_attr': 'id', 'table_description': "转交 in acceptance: a department's pending acceptance of one submission handed to a"},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='ResultReminder',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('result', fields.ForeignKeyField('models.TaskResult', source_field='result_id', db_constraint=True, to_field='id', related_name='reminders', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='acceptance_reminders', on_delete=OnDelete.RESTRICT)),
                ('sent_by', fields.ForeignKeyField('models.User', source_field='sent_by_id', db_constraint=True, to_field='id', related_name='acceptance_reminders_sent', on_delete=OnDelete.RESTRICT)),
                ('day', fields.DateField(description='The Beijing working day it was sent on: one per department, submission and day.')),
            ],
            options={'table': 'result_reminder', 'app': 'models', 'unique_together': (('result', 'department', 'day'),), 'pk_attr': 'id', 'table_description': "催办 in acceptance: the initiator nudged a department's pending acceptance of one"},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='ResultSigner',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('result', fields.ForeignKeyField('models.TaskResult', source_field='result_id', db_constraint=True, to_field='id', related_name='added_signers', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='added_acceptances', on_delete=OnDelete.RESTRICT)),
                ('added_by', fields.ForeignKeyField('models.User', source_field='added_by_id', db_constraint=True, to_field='id', related_name='acceptance_signers_added', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'result_signer', 'app': 'models', 'unique_together': (('result', 'department'),), 'pk_attr': 'id', 'table_description': "加签 in acceptance: a member of the acceptance group adds another head's department"},
            bases=['TimestampedModel'],
        ),
    ]
