from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import NotificationKind, ResultDecision, SignOffMode
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0007_people_sources_and_sync_runs')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ResultSignoff',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('result', fields.ForeignKeyField('models.TaskResult', source_field='result_id', db_constraint=True, to_field='id', related_name='signoffs', on_delete=OnDelete.CASCADE)),
                ('seat', fields.CharField(max_length=32)),
                ('decision', fields.CharEnumField(description='PENDING: PENDING\nACCEPTED: ACCEPTED\nREJECTED: REJECTED', enum_type=ResultDecision, max_length=16)),
                ('comment', fields.TextField(default='', unique=False)),
                ('signed_by', fields.ForeignKeyField('models.User', source_field='signed_by_id', db_constraint=True, to_field='id', related_name='result_signoffs', on_delete=OnDelete.RESTRICT)),
                ('on_behalf_of', fields.ForeignKeyField('models.User', source_field='on_behalf_of_id', null=True, db_constraint=True, to_field='id', related_name='result_signoffs_delegated', on_delete=OnDelete.RESTRICT)),
                ('signed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'result_signoff', 'app': 'models', 'unique_together': (('result', 'seat'),), 'pk_attr': 'id', 'table_description': "One acceptance group member's decision on submitted results."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='ResultVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('result', fields.ForeignKeyField('models.TaskResult', source_field='result_id', db_constraint=True, to_field='id', related_name='pinned_versions', on_delete=OnDelete.CASCADE)),
                ('version', fields.ForeignKeyField('models.AttachmentVersion', source_field='version_id', db_constraint=True, to_field='id', related_name='pinned_by', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'result_version', 'app': 'models', 'unique_together': (('result', 'version'),), 'pk_attr': 'id', 'table_description': 'A file version a result was submitted with: what its acceptance accepts (pinned).'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='ReviewHandover',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('round', fields.ForeignKeyField('models.ReviewRound', source_field='round_id', db_constraint=True, to_field='id', related_name='handovers', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='review_handovers', on_delete=OnDelete.RESTRICT)),
                ('from_user', fields.ForeignKeyField('models.User', source_field='from_user_id', db_constraint=True, to_field='id', related_name='reviews_handed_over', on_delete=OnDelete.RESTRICT)),
                ('to_user', fields.ForeignKeyField('models.User', source_field='to_user_id', db_constraint=True, to_field='id', related_name='reviews_received', on_delete=OnDelete.RESTRICT)),
                ('head', fields.ForeignKeyField('models.User', source_field='head_id', description='The head the review belongs to, so the sign-off records "X on behalf of Y".', db_constraint=True, to_field='id', related_name='reviews_handed_for', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'review_handover', 'app': 'models', 'indexes': [Index(fields=['round_id', 'department_id'])], 'pk_attr': 'id', 'table_description': "转交: a department's pending review in a round handed to a person of that department."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='ReviewReminder',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('round', fields.ForeignKeyField('models.ReviewRound', source_field='round_id', db_constraint=True, to_field='id', related_name='reminders', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='review_reminders', on_delete=OnDelete.RESTRICT)),
                ('sent_by', fields.ForeignKeyField('models.User', source_field='sent_by_id', db_constraint=True, to_field='id', related_name='reminders_sent', on_delete=OnDelete.RESTRICT)),
                ('day', fields.DateField(description='The Beijing working day it was sent on: one per department, round and day.')),
            ],
            options={'table': 'review_reminder', 'app': 'models', 'unique_together': (('round', 'department', 'day'),), 'pk_attr': 'id', 'table_description': "催办: the initiator nudged a department's pending review (once per working day)."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='RoundSigner',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('round', fields.ForeignKeyField('models.ReviewRound', source_field='round_id', db_constraint=True, to_field='id', related_name='added_signers', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='added_signings', on_delete=OnDelete.RESTRICT)),
                ('added_by', fields.ForeignKeyField('models.User', source_field='added_by_id', db_constraint=True, to_field='id', related_name='signers_added', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'round_signer', 'app': 'models', 'unique_together': (('round', 'department'),), 'pk_attr': 'id', 'table_description': "加签: a reviewing head adds another head's department to the current round."},
            bases=['TimestampedModel'],
        ),
        ops.AlterField(
            model_name='Notification',
            name='kind',
            field=fields.CharEnumField(description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32),
        ),
        ops.AddField(
            model_name='Requirement',
            name='acceptance_mode',
            field=fields.CharEnumField(default=SignOffMode.ALL, description='ALL: ALL\nANY: ANY', db_default='ALL', enum_type=SignOffMode, max_length=8),
        ),
        ops.AddField(
            model_name='Requirement',
            name='signoff_mode',
            field=fields.CharEnumField(default=SignOffMode.ALL, description='ALL: ALL\nANY: ANY', db_default='ALL', enum_type=SignOffMode, max_length=8),
        ),
        ops.AddField(
            model_name='RequirementTemplate',
            name='acceptance_mode',
            field=fields.CharEnumField(default=SignOffMode.ALL, description='ALL: ALL\nANY: ANY', db_default='ALL', enum_type=SignOffMode, max_length=8),
        ),
        ops.AddField(
            model_name='RequirementTemplate',
            name='signoff_mode',
            field=fields.CharEnumField(default=SignOffMode.ALL, description='ALL: ALL\nANY: ANY', db_default='ALL', enum_type=SignOffMode, max_length=8),
        ),
    ]
