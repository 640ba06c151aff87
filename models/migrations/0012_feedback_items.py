from tortoise import migrations
from tortoise.migrations import operations as ops
from models.enums import FeedbackKind
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

# Each feedback given before items existed becomes its single item, with the people and
# departments it named and the admin's handling result.
COPY_ITEMS = (
    'INSERT INTO "feedback_item" ("feedback_id", "position", "kind", "content", "proposal",'
    ' "handling_result", "handled_by_id", "handled_at", "created_at", "updated_at")'
    ' SELECT "id", 0, "kind", "content", "proposal", "handling_result", "handled_by_id",'
    ' "handled_at", "created_at", "updated_at" FROM "feedback"'
)
COPY_PEOPLE = (
    'INSERT INTO "feedback_item_person" ("item_id", "user_id", "created_at", "updated_at")'
    ' SELECT i."id", p."user_id", p."created_at", p."updated_at" FROM "feedback_person" p'
    ' JOIN "feedback_item" i ON i."feedback_id" = p."feedback_id"'
)
COPY_DEPARTMENTS = (
    'INSERT INTO "feedback_item_department" ("item_id", "department_id", "created_at",'
    ' "updated_at") SELECT i."id", d."department_id", d."created_at", d."updated_at"'
    ' FROM "feedback_department" d JOIN "feedback_item" i ON i."feedback_id" = d."feedback_id"'
)

class Migration(migrations.Migration):
    dependencies = [('models', '0011_directory_settings')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FeedbackItem',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('feedback', fields.ForeignKeyField('models.Feedback', source_field='feedback_id', db_constraint=True, to_field='id', related_name='items', on_delete=OnDelete.CASCADE)),
                ('position', fields.SmallIntField(description='Order on the form, from 0')),
                ('kind', fields.CharEnumField(description='PRAISE: PRAISE\nPROBLEM: PROBLEM\nSUGGESTION: SUGGESTION', enum_type=FeedbackKind, max_length=16)),
                ('content', fields.TextField(unique=False)),
                ('proposal', fields.TextField(default='', unique=False)),
                ('handling_result', fields.TextField(default='', unique=False)),
                ('handled_by', fields.ForeignKeyField('models.User', source_field='handled_by_id', null=True, db_constraint=True, to_field='id', related_name='feedback_items_handled', on_delete=OnDelete.RESTRICT)),
                ('handled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'feedback_item', 'app': 'models', 'unique_together': (('feedback', 'position'),), 'indexes': [Index(fields=['kind', 'created_at'])], 'pk_attr': 'id', 'table_description': "One row of a person's feedback form: a praise, a problem or a suggestion, with what"},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='FeedbackItemDepartment',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('item', fields.ForeignKeyField('models.FeedbackItem', source_field='item_id', db_constraint=True, to_field='id', related_name='departments', on_delete=OnDelete.CASCADE)),
                ('department', fields.ForeignKeyField('models.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='feedback_items_received', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'feedback_item_department', 'app': 'models', 'unique_together': (('item', 'department'),), 'pk_attr': 'id', 'table_description': 'A department one feedback item is about.'},
            bases=['TimestampedModel'],
        ),
        ops.CreateModel(
            name='FeedbackItemPerson',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('item', fields.ForeignKeyField('models.FeedbackItem', source_field='item_id', db_constraint=True, to_field='id', related_name='people', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='feedback_item_naming', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'feedback_item_person', 'app': 'models', 'unique_together': (('item', 'user'),), 'pk_attr': 'id', 'table_description': 'A person one feedback item names.'},
            bases=['TimestampedModel'],
        ),
        ops.AlterModelOptions(
            name='Feedback',
            options={'table': 'feedback', 'app': 'models', 'unique_together': (('requirement', 'author'),), 'indexes': [Index(fields=['kind', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Feedback of one participant on a completed requirement (once per participant); its'},
        ),
        ops.AlterModelOptions(
            name='FeedbackDepartment',
            options={'table': 'feedback_department', 'app': 'models', 'unique_together': (('feedback', 'department'),), 'pk_attr': 'id', 'table_description': 'A department the feedback is about in any of its items (praised, or where a problem'},
        ),
        ops.AlterModelOptions(
            name='FeedbackPerson',
            options={'table': 'feedback_person', 'app': 'models', 'unique_together': (('feedback', 'user'),), 'pk_attr': 'id', 'table_description': 'A person the feedback names in any of its items (praised for what they did, or'},
        ),
        ops.RunSQL(COPY_ITEMS, reverse_sql='SELECT 1'),
        ops.RunSQL(COPY_PEOPLE, reverse_sql='SELECT 1'),
        ops.RunSQL(COPY_DEPARTMENTS, reverse_sql='SELECT 1'),
    ]
