from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import CollaborationStatus, NotificationKind, WarningRuleKind
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0009_notification_preferences_and_reschedule_requests')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FeedbackPerson',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('feedback', fields.ForeignKeyField('models.Feedback', source_field='feedback_id', db_constraint=True, to_field='id', related_name='people', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='feedback_naming', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'feedback_person', 'app': 'models', 'unique_together': (('feedback', 'user'),), 'pk_attr': 'id', 'table_description': 'A person a feedback item names (praised for what they did, or involved in a problem).'},
            bases=['TimestampedModel'],
        ),
        ops.AddField(
            model_name='Archive',
            name='confidential',
            field=fields.BooleanField(default=False, description="Confidential archives are read by the requirement's participants only.", db_default=False),
        ),
        ops.AlterField(
            model_name='CollaborationRequest',
            name='status',
            field=fields.CharEnumField(default=CollaborationStatus.OPEN, description='OPEN: OPEN\nANSWERED: ANSWERED\nPARTLY_ANSWERED: PARTLY_ANSWERED\nDECLINED: DECLINED', enum_type=CollaborationStatus, max_length=16),
        ),
        ops.AddField(
            model_name='CollaborationRequest',
            name='reason',
            field=fields.TextField(default='', description='Why it was declined, or what a partial answer still leaves open.', db_default='', unique=False),
        ),
        ops.AddField(
            model_name='Feedback',
            name='handled_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Feedback',
            name='handled_by',
            field=fields.ForeignKeyField('models.User', source_field='handled_by_id', null=True, db_constraint=True, to_field='id', related_name='feedback_handled', on_delete=OnDelete.RESTRICT),
        ),
        ops.AlterField(
            model_name='Notification',
            name='kind',
            field=fields.CharEnumField(description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nPROGRESS_ISSUE: PROGRESS_ISSUE\nRESCHEDULE_REQUESTED: RESCHEDULE_REQUESTED\nRESCHEDULE_DECIDED: RESCHEDULE_DECIDED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_COLLABORATION_DUE: ALERT_COLLABORATION_DUE\nCOLLABORATION_DECLINED: COLLABORATION_DECLINED\nRESULT_REPORT_WRITTEN: RESULT_REPORT_WRITTEN\nANALYSIS_REPORT_READY: ANALYSIS_REPORT_READY\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32),
        ),
        ops.AlterField(
            model_name='NotificationDefault',
            name='kind',
            field=fields.CharEnumField(unique=True, description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nPROGRESS_ISSUE: PROGRESS_ISSUE\nRESCHEDULE_REQUESTED: RESCHEDULE_REQUESTED\nRESCHEDULE_DECIDED: RESCHEDULE_DECIDED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_COLLABORATION_DUE: ALERT_COLLABORATION_DUE\nCOLLABORATION_DECLINED: COLLABORATION_DECLINED\nRESULT_REPORT_WRITTEN: RESULT_REPORT_WRITTEN\nANALYSIS_REPORT_READY: ANALYSIS_REPORT_READY\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32),
        ),
        ops.AlterField(
            model_name='NotificationPreference',
            name='kind',
            field=fields.CharEnumField(description='REVIEW_REQUESTED: REVIEW_REQUESTED\nREVIEW_REJECTED: REVIEW_REJECTED\nREVIEW_REMINDER: REVIEW_REMINDER\nREQUIREMENT_SUBMITTED: REQUIREMENT_SUBMITTED\nREQUIREMENT_APPROVED: REQUIREMENT_APPROVED\nREQUIREMENT_INITIATED: REQUIREMENT_INITIATED\nTASK_ASSIGNED: TASK_ASSIGNED\nMENTION: MENTION\nCOLLABORATION_REQUEST: COLLABORATION_REQUEST\nCOLLABORATION_ANSWERED: COLLABORATION_ANSWERED\nMEETING_SCHEDULED: MEETING_SCHEDULED\nTASK_RESCHEDULED: TASK_RESCHEDULED\nRESULT_SUBMITTED: RESULT_SUBMITTED\nRESULT_ACCEPTED: RESULT_ACCEPTED\nRESULT_REJECTED: RESULT_REJECTED\nFEEDBACK_REQUESTED: FEEDBACK_REQUESTED\nPROGRESS_ISSUE: PROGRESS_ISSUE\nRESCHEDULE_REQUESTED: RESCHEDULE_REQUESTED\nRESCHEDULE_DECIDED: RESCHEDULE_DECIDED\nALERT_DUE_SOON: ALERT_DUE_SOON\nALERT_STALE: ALERT_STALE\nALERT_ESCALATION: ALERT_ESCALATION\nALERT_OVERDUE: ALERT_OVERDUE\nALERT_REVIEW_SLA: ALERT_REVIEW_SLA\nALERT_ACCEPTANCE_SLA: ALERT_ACCEPTANCE_SLA\nALERT_COLLABORATION_SLA: ALERT_COLLABORATION_SLA\nALERT_COLLABORATION_DUE: ALERT_COLLABORATION_DUE\nCOLLABORATION_DECLINED: COLLABORATION_DECLINED\nRESULT_REPORT_WRITTEN: RESULT_REPORT_WRITTEN\nANALYSIS_REPORT_READY: ANALYSIS_REPORT_READY\nALERT_DIGEST: ALERT_DIGEST\nSYSTEM: SYSTEM', enum_type=NotificationKind, max_length=32),
        ),
        ops.AddField(
            model_name='RequirementTemplate',
            name='urgent_intake',
            field=fields.BooleanField(default=False, description='Urgent intake (快速触发, complaints): a requirement made from it is initiated at once,', db_default=False),
        ),
        ops.AddField(
            model_name='Suggestion',
            name='planned_for',
            field=fields.DateField(null=True, description='When an adopted or planned suggestion is to take effect (e.g. 计划8月上线).'),
        ),
        ops.AddField(
            model_name='TemplateDepartment',
            name='on_duty',
            field=fields.ForeignKeyField('models.User', source_field='on_duty_id', null=True, description="Who takes this department's work orders of an urgent-intake requirement (值班人).", db_constraint=True, to_field='id', related_name='on_duty_templates', on_delete=OnDelete.SET_NULL),
        ),
        ops.AlterField(
            model_name='TemplateWarningThreshold',
            name='kind',
            field=fields.CharEnumField(description='DUE_SOON: DUE_SOON\nSTALE: STALE\nESCALATION: ESCALATION\nOVERDUE: OVERDUE\nREVIEW_SLA: REVIEW_SLA\nACCEPTANCE_SLA: ACCEPTANCE_SLA\nCOLLABORATION_SLA: COLLABORATION_SLA\nCOLLABORATION_DUE: COLLABORATION_DUE', enum_type=WarningRuleKind, max_length=24),
        ),
        ops.AlterField(
            model_name='WarningRule',
            name='kind',
            field=fields.CharEnumField(unique=True, description='DUE_SOON: DUE_SOON\nSTALE: STALE\nESCALATION: ESCALATION\nOVERDUE: OVERDUE\nREVIEW_SLA: REVIEW_SLA\nACCEPTANCE_SLA: ACCEPTANCE_SLA\nCOLLABORATION_SLA: COLLABORATION_SLA\nCOLLABORATION_DUE: COLLABORATION_DUE', enum_type=WarningRuleKind, max_length=24),
        ),
    ]
