from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from models.enums import FormFieldType, Priority, ThresholdUnit, WarningRuleKind
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0003_reports')]

    initial = False

    operations = [
        ops.CreateModel(
            name='RequirementFieldValue',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('requirement', fields.ForeignKeyField('models.Requirement', source_field='requirement_id', db_constraint=True, to_field='id', related_name='field_values', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=64)),
                ('text_value', fields.CharField(null=True, max_length=255)),
                ('number_value', fields.DecimalField(null=True, max_digits=18, decimal_places=2)),
                ('date_value', fields.DateField(null=True)),
            ],
            options={'table': 'requirement_field_value', 'app': 'models', 'indexes': [Index(fields=['key', 'text_value']), Index(fields=['key', 'number_value']), Index(fields=['key', 'date_value'])], 'pk_attr': 'id', 'table_description': 'One scalar value of a custom field, indexed so ``requirements(filter:)`` can use it.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='RequirementFormVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('version', fields.IntField(unique=True)),
                ('snapshot', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('changed_by', fields.ForeignKeyField('models.User', source_field='changed_by_id', null=True, db_constraint=True, to_field='id', related_name='form_versions', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'requirement_form_version', 'app': 'models', 'pk_attr': 'id', 'table_description': "The requirement form's own fields (those of no template) at one version."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='RequirementTemplate',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('key', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=100)),
                ('name_en', fields.CharField(default='', max_length=100)),
                ('description', fields.TextField(default='', unique=False)),
                ('priority', fields.CharEnumField(default=Priority.NORMAL, description='NORMAL: NORMAL\nURGENT: URGENT', enum_type=Priority, max_length=16)),
                ('enabled', fields.BooleanField(default=True)),
                ('version', fields.IntField(default=1, description='Raised by every change of the template or of its rows (departments, tasks, limits).')),
                ('updated_by', fields.ForeignKeyField('models.User', source_field='updated_by_id', null=True, db_constraint=True, to_field='id', related_name='templates_updated', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'requirement_template', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A scenario such as a large marketing event or a cross-department customer complaint.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='FormField',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('template', fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', null=True, db_constraint=True, to_field='id', related_name='form_fields', on_delete=OnDelete.CASCADE)),
                ('key', fields.CharField(max_length=64)),
                ('label', fields.CharField(max_length=100)),
                ('label_en', fields.CharField(default='', max_length=100)),
                ('field_type', fields.CharEnumField(description='TEXT: TEXT\nNUMBER: NUMBER\nMONEY: MONEY\nDATE: DATE\nCHOICE: CHOICE\nMULTI_CHOICE: MULTI_CHOICE\nUSER: USER\nDEPARTMENT: DEPARTMENT\nFILE: FILE', enum_type=FormFieldType, max_length=16)),
                ('required', fields.BooleanField(default=False)),
                ('options', fields.JSONField(default=list, description='Choices as ``[{"value": ..., "label": ..., "labelEn": ...}]`` for the choice types.', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('help_text', fields.CharField(default='', max_length=255)),
                ('position', fields.IntField(default=0)),
                ('active', fields.BooleanField(default=True)),
            ],
            options={'table': 'form_field', 'app': 'models', 'unique_together': (('template', 'key'),), 'pk_attr': 'id', 'table_description': "One field of the requirement form (no template) or of a template's form."},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='RequirementTemplateVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('template', fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.CASCADE)),
                ('version', fields.IntField()),
                ('snapshot', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('changed_by', fields.ForeignKeyField('models.User', source_field='changed_by_id', null=True, db_constraint=True, to_field='id', related_name='template_versions', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'requirement_template_version', 'app': 'models', 'unique_together': (('template', 'version'),), 'pk_attr': 'id', 'table_description': 'The full definition of a template at one version, kept for the requirements made from it.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='TemplateDepartment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('template', fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', db_constraint=True, to_field='id', related_name='departments', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='template_involvements', on_delete=OnDelete.RESTRICT)),
                ('is_lead', fields.BooleanField(default=False)),
                ('contribution', fields.CharField(default='', max_length=255)),
            ],
            options={'table': 'template_department', 'app': 'models', 'unique_together': (('template', 'department'),), 'pk_attr': 'id', 'table_description': 'A department a template involves by default, the lead or a helper.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='TemplateResponseLimit',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('template', fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', db_constraint=True, to_field='id', related_name='response_limits', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='template_response_limits', on_delete=OnDelete.RESTRICT)),
                ('hours', fields.IntField()),
                ('standard', fields.CharField(default='', description='What the response is, for example a quality trace or contacting the customer.', max_length=255)),
            ],
            options={'table': 'template_response_limit', 'app': 'models', 'unique_together': (('template', 'department'),), 'pk_attr': 'id', 'table_description': 'How fast a department must respond in this scenario, and to what standard.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='TemplateTask',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('template', fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', db_constraint=True, to_field='id', related_name='tasks', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='template_tasks', on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=200)),
                ('description', fields.TextField(default='', unique=False)),
                ('offset_days', fields.IntField(default=0, description="Calendar days from the requirement's initiation to the task's deadline.")),
                ('position', fields.IntField(default=0)),
            ],
            options={'table': 'template_task', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A task the template adds on confirmation, due a number of days after initiation.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='TemplateWarningThreshold',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('template', fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', db_constraint=True, to_field='id', related_name='thresholds', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='DUE_SOON: DUE_SOON\nSTALE: STALE\nESCALATION: ESCALATION\nOVERDUE: OVERDUE\nREVIEW_SLA: REVIEW_SLA\nACCEPTANCE_SLA: ACCEPTANCE_SLA\nCOLLABORATION_SLA: COLLABORATION_SLA', enum_type=WarningRuleKind, max_length=24)),
                ('threshold_normal', fields.IntField()),
                ('threshold_urgent', fields.IntField()),
                ('unit', fields.CharEnumField(default=ThresholdUnit.HOURS, description='HOURS: HOURS\nDAYS: DAYS\nWORKING_DAYS: WORKING_DAYS', enum_type=ThresholdUnit, max_length=16)),
            ],
            options={'table': 'template_warning_threshold', 'app': 'models', 'unique_together': (('template', 'kind'),), 'pk_attr': 'id', 'table_description': "A warning threshold that replaces the global rule's for requirements of this template."},
            bases=['TimestampedModel'],
        ),
        ops.AddField(
            model_name='Requirement',
            name='custom_fields',
            field=fields.JSONField(default=dict, description='Admin-defined field values by key, as validated when they were written.', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='Requirement',
            name='form_version',
            field=fields.IntField(null=True, description='The requirement form version (fields of no template) it was made with.'),
        ),
        ops.AddField(
            model_name='Requirement',
            name='template',
            field=fields.ForeignKeyField('models.RequirementTemplate', source_field='template_id', null=True, db_constraint=True, to_field='id', related_name='requirements', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='Requirement',
            name='template_version',
            field=fields.IntField(null=True, description='The template version the requirement was made with (its snapshot stays readable).'),
        ),
    ]
