from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from models.enums import AnalysisReportStatus
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0002_alert_scan_watermarks')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AnalysisReport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('month', fields.CharField(unique=True, description='The Beijing calendar month the report covers, as YYYY-MM.', max_length=7)),
                ('status', fields.CharEnumField(default=AnalysisReportStatus.QUEUED, description='QUEUED: QUEUED\nREADY: READY\nFAILED: FAILED', enum_type=AnalysisReportStatus, max_length=16)),
                ('html', fields.TextField(default='', unique=False)),
                ('xlsx', fields.BinaryField(null=True)),
                ('summary', fields.JSONField(default=dict, description='Headline numbers of the month, shown in lists without reading the documents.', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('requested_by', fields.ForeignKeyField('models.User', source_field='requested_by_id', null=True, description='Who asked for the latest build, empty when the monthly schedule did.', db_constraint=True, to_field='id', related_name='analysis_reports', on_delete=OnDelete.SET_NULL)),
                ('requested_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('generated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('error', fields.TextField(default='', description='Why the latest build failed, empty after a successful one.', unique=False)),
            ],
            options={'table': 'analysis_report', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The monthly Collaboration Analysis Report (协作分析报告), one row per month.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='SavedReport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('name', fields.CharField(unique=True, description='The slug in the download address, lower case letters, digits and hyphens.', max_length=64)),
                ('title', fields.CharField(max_length=200)),
                ('description', fields.TextField(default='', unique=False)),
                ('document', fields.TextField(unique=False)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='saved_reports', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'saved_report', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A named GraphQL query (a persisted query) that BI tools run by its name.'},
            bases=['TimestampedModel'],
        ),
    ]
