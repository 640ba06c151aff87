from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import NotificationKind, RescheduleRequestStatus
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0008_signoff_modes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='NotificationDefault',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('kind', fields.CharEnumField(unique=True, description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nPROGRESS_ISSUE: PROGRESS_ISSUE\nRESCHEDULE_REQUESTED: RESCHEDULE_REQUESTED\nRESCHEDULE_DECIDED: RESCHEDULE_DECIDED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32)),
                ('channels', fields.JSONField(default=list, description='Values of :class:`models.enums.Channel`.', encoder=JSON_DUMPS, decoder=loads)),
            ],
            options={'table': 'notification_default', 'app': 'models', 'pk_attr': 'id', 'table_description': "The organisation's channels for one kind (set by the admin in the panel)."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='NotificationPreference',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='notification_preferences', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nPROGRESS_ISSUE: PROGRESS_ISSUE\nRESCHEDULE_REQUESTED: RESCHEDULE_REQUESTED\nRESCHEDULE_DECIDED: RESCHEDULE_DECIDED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32)),
                ('channels', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
            ],
            options={'table': 'notification_preference', 'app': 'models', 'unique_together': (('user_id', 'kind'),), 'pk_attr': 'id', 'table_description': "A person's own channels for one kind, overriding the organisation's default."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='QuietHours',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='quiet_hours', on_delete=OnDelete.CASCADE)),
                ('start_minute', fields.IntField()),
                ('end_minute', fields.IntField()),
            ],
            options={'table': 'quiet_hours', 'app': 'models', 'pk_attr': 'id', 'table_description': "A person's daily quiet period (Beijing time): e-mail and webhooks wait until it ends."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='RescheduleRequest',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('task', fields.ForeignKeyField('models.Task', source_field='task_id', db_constraint=True, to_field='id', related_name='reschedule_requests', on_delete=OnDelete.CASCADE)),
                ('requested_by', fields.ForeignKeyField('models.User', source_field='requested_by_id', db_constraint=True, to_field='id', related_name='reschedule_requests', on_delete=OnDelete.RESTRICT)),
                ('reason', fields.TextField(unique=False)),
                ('deadline_before', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('new_deadline', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('late', fields.BooleanField(default=False, description='Asked later than one working day before the deadline (the source asks for one day).')),
                ('status', fields.CharEnumField(default=RescheduleRequestStatus.PENDING, description='PENDING: PENDING\nAPPROVED: APPROVED\nDECLINED: DECLINED', enum_type=RescheduleRequestStatus, max_length=16)),
                ('decided_by', fields.ForeignKeyField('models.User', source_field='decided_by_id', null=True, db_constraint=True, to_field='id', related_name='reschedule_decisions', on_delete=OnDelete.RESTRICT)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decision_note', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'reschedule_request', 'app': 'models', 'indexes': [Index(fields=['task_id', 'status'])], 'pk_attr': 'id', 'table_description': "A request to move a task's deadline, and the initiator's decision on it."},
            bases=['TimestampedModel'],
        ),
        ops.AddField(
            model_name='Delivery',
            name='not_before',
            field=fields.DatetimeField(null=True, description="Held until then: the recipient's quiet hours were in force when it was staged.", auto_now=False, auto_now_add=False),
        ),
        ops.AlterField(
            model_name='Notification',
            name='kind',
            field=fields.CharEnumField(description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nPROGRESS_ISSUE: PROGRESS_ISSUE\nRESCHEDULE_REQUESTED: RESCHEDULE_REQUESTED\nRESCHEDULE_DECIDED: RESCHEDULE_DECIDED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32),
        ),
        ops.AddField(
            model_name='WebhookChannel',
            name='departments',
            field=fields.ManyToManyField('models.Department', unique=True, description='The departments whose people and warnings it serves (none named: every one).', db_constraint=True, through='webhook_channel_department', forward_key='department_id', backward_key='webhook_channel_id', related_name='webhook_channels', on_delete=OnDelete.CASCADE),
        ),
    ]
