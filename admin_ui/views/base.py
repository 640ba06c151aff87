"""What every panel page shares: labels, read-only records, audited writes, use-case actions.

Three kinds of pages:

* :class:`ReadOnlyView` — records the API owns (requirements, tasks, audit …): list, filter,
  search, export, never create, edit or delete.
* :class:`AuditedView` — configuration the administrator owns (departments, users, rules …):
  every create, edit and delete runs in one transaction with its audit entry
  (``via="admin"``, before and after), so a write that cannot be audited is not made.
* :func:`perform` — a panel action calls the same use case as the GraphQL mutation, with
  the signed-in administrator as the viewer; a refusal (``DomainError``) is shown as the
  action's error message and changes nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar, cast

from starlette.requests import Request
from starlette_admin import BaseField, EnumField, RelationField
from starlette_admin.contrib.tortoise import ModelView
from starlette_admin.exceptions import ActionFailed, FormValidationError
from starlette_admin.types import Formatter, RequestAction
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from admin_ui.auth import admin_viewer
from admin_ui.export import DefusedCsvExporter
from admin_ui.i18n import enum_choices, field_label, pick, t
from core.text_rules import FORBIDDEN
from resolvers import audit
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, DomainError
from resolvers.workflow import snapshot

R = TypeVar("R")

#: Form fields of the use cases (camelCase, as the API names them) → panel field names.
API_FIELD_NAMES = {
    "thresholdNormal": "threshold_normal",
    "thresholdUrgent": "threshold_urgent",
    "delegateId": "delegate",
    "headId": "head",
    "startsAt": "starts_at",
    "endsAt": "ends_at",
    "newDeadline": "new_deadline",
}

#: Where a form-level error goes (shown above the form by ``crossflow/edit.html``).
FORM_ERROR = "__all__"


def aware(value: datetime | None) -> datetime | None:
    """A datetime from a panel form (naive, already converted to UTC) as an aware instant.

    starlette-admin converts the admin's local time to the database zone (UTC) and drops
    the zone; CrossFlow stores aware UTC instants only (docs/decisions.md).
    """
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def form_error(exc: DomainError, fields: Sequence[str] = ()) -> FormValidationError:
    """A use case's refusal as a form error on the field it names (or above the form)."""
    name = FORM_ERROR
    if isinstance(exc, BadUserInput):
        candidate = API_FIELD_NAMES.get(exc.field, exc.field)
        if candidate in fields:
            name = candidate
    return FormValidationError({name: exc.message})


def enum_field(name: str, enum: Any, **kwargs: Any) -> EnumField:
    """An enum column shown with the source document's words (待审核, 已立项 …)."""
    return EnumField(name, choices_loader=enum_choices(enum), **kwargs)


def multi_enum_field(name: str, enum: Any, **kwargs: Any) -> EnumField:
    """A list of enum values (a JSON column), shown as words joined with 、 on pages."""
    choices = enum_choices(enum)

    def words(request: Request, value: Any) -> str:
        labels = dict(choices(request))
        return "、".join(labels.get(str(v), str(v)) for v in value or [])

    shown: dict[RequestAction, Formatter] = {RequestAction.LIST: words, RequestAction.DETAIL: words}
    return EnumField(name, choices_loader=choices, multiple=True, formatter=shown, **kwargs)


class CrossFlowView(ModelView):
    """A Tortoise model page with CrossFlow's labels and defaults."""

    model: type[Model]
    label: ClassVar[tuple[str, str]]
    icon_name: ClassVar[str] = "fa fa-table"
    page_size = 25
    edit_template = "crossflow/edit.html"
    create_template = "crossflow/create.html"
    #: No CSV/JSON import: an import would create rows past the use cases and their rules.
    importers: Sequence[Any] = []
    #: CSV cells that would start a formula are defused, as in ``/reports`` CSV.
    exporters: Sequence[Any] = [DefusedCsvExporter(), "json"]

    def __init__(self) -> None:
        # Names are converted to fields by ModelView.__init__; instances pass through.
        self.fields = cast(list[BaseField], list(self.build_fields()))
        super().__init__(
            self.model,
            icon=self.icon_name,
            display_name=t(*self.label),
            menu_label=t(*self.label),
        )
        columns = self.model._meta.fields_map
        for field in self._all_fields:
            if field.label == field.name.replace("_", " ").capitalize():
                field.label = field_label(field.name) or field.label
            if field.name not in columns:
                # Not a column (a password, a derived value): no search, filter or sort on
                # it, since the query would name a column that is not there.
                field.searchable = field.orderable = False
        self.searchable_fields = [f.name for f in self._all_fields if f.searchable]
        self.sortable_fields = [f.name for f in self._all_fields if f.orderable]

    def build_fields(self) -> Sequence[str | BaseField]:
        """The page's fields, fresh for each view (fields carry per-view state)."""
        raise NotImplementedError

    def can_import(self, request: Request) -> bool:
        return False


class ReadOnlyView(CrossFlowView):
    """Records the API owns: the panel reads, filters, searches and exports them."""

    #: Newest first, as the API's lists.
    fields_default_sort = (("id", True),)

    def can_create(self, request: Request) -> bool:
        return False

    def can_edit(self, request: Request) -> bool:
        return False

    def can_delete(self, request: Request) -> bool:
        return False


class AuditedView(CrossFlowView):
    """Configuration the admin edits; every write is audited in its own transaction."""

    #: Fields whose values are unique in the table (checked before saving, as a form error).
    unique_fields: ClassVar[tuple[str, ...]] = ()
    #: Fields never written to the audit log in clear (only whether they were set).
    secret_fields: ClassVar[tuple[str, ...]] = ()

    @property
    def subject_type(self) -> str:
        return self.model.__name__

    def audit_columns(self) -> list[str]:
        """The columns an audit entry records: every field the forms can write."""
        columns = []
        for field in self.fields:
            if field.read_only or field.name not in self.model._meta.fields_map:
                continue
            columns.append(f"{field.name}_id" if isinstance(field, RelationField) else field.name)
        return columns

    def snapshot(self, obj: Model) -> dict[str, Any]:
        values = snapshot(obj, self.audit_columns())
        for name in self.secret_fields:
            if name in values:
                values[name] = "***" if values[name] else ""
        return values

    async def validate(self, request: Request, data: dict[str, Any]) -> None:
        self._fill_defaults(data)
        errors: dict[str | int, Any] = {}
        editing = request.state.action in (RequestAction.EDIT, RequestAction.INLINE_EDIT)
        current = self._coerce_pk(request.query_params.get("pk")) if editing else None
        for name, value in data.items():  # as the API refuses them (schema/hygiene.py)
            if isinstance(value, str) and FORBIDDEN.search(value):
                errors[name] = pick("含有不允许的控制字符", "Contains a control character")
        for name in self.unique_fields:
            value = data.get(name)
            if value is None or value == "":
                continue
            if isinstance(value, Model):
                query = self.model.filter(**{f"{name}_id": value.pk})
            else:
                query = self.model.filter(**{name: value})
            if current is not None:
                query = query.exclude(id=current)
            if await query.exists():
                errors[name] = pick("该值已被使用", "This value is already taken")
        errors.update(await self.check(request, data))
        if errors:
            raise FormValidationError(errors)

    def _fill_defaults(self, data: dict[str, Any]) -> None:
        """A field left out of a post keeps the column's default, not NULL (``email = ""``)."""
        for name, value in data.items():
            column = self.model._meta.fields_map.get(name)
            if value is not None or column is None or column.null:
                continue
            if column.default is not None and not callable(column.default):
                data[name] = column.default

    async def check(self, request: Request, data: dict[str, Any]) -> dict[str | int, Any]:
        """Rules of this kind of record, as form errors by field name (none by default)."""
        return {}

    async def create(self, request: Request, data: dict[str, Any]) -> Any:
        viewer = admin_viewer(request)
        async with in_transaction():
            obj = await super().create(request, data)
            await self.record(viewer, "create", obj, None, self.snapshot(obj))
        return obj

    async def edit(self, request: Request, pk: Any, data: dict[str, Any]) -> Any:
        viewer = admin_viewer(request)
        async with in_transaction():
            current = await self.find_by_pk(request, pk)
            before = self.snapshot(current) if current is not None else None
            obj = await super().edit(request, pk, data)
            await self.record(viewer, "update", obj, before, self.snapshot(obj))
        return obj

    async def delete(self, request: Request, pks: list[Any]) -> int | None:
        viewer = admin_viewer(request)
        deleted = 0
        try:
            async with in_transaction():
                for pk in pks:
                    obj = await self.find_by_pk(request, pk)
                    if obj is None:
                        continue
                    before = self.snapshot(obj)
                    await obj.delete()
                    await self.record(viewer, "delete", obj, before, None)
                    deleted += 1
        except IntegrityError as exc:
            raise ActionFailed(
                pick("仍有记录引用它，无法删除", "Still referenced by other records")
            ) from exc
        return deleted

    async def record(
        self,
        viewer: Viewer,
        verb: str,
        obj: Model,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        await audit.record(
            viewer,
            f"admin.{self.key}.{verb}",
            self.subject_type,
            obj.pk,
            subject_code=str(getattr(obj, "code", "") or "")[:40],
            before=before,
            after=after,
            via="admin",
        )


async def perform(
    request: Request,
    call: Callable[[Viewer], Awaitable[R]],
) -> R:
    """Run a use case as the signed-in admin; a refusal becomes the action's error message.

    The use case's audit entry, written in the change's own transaction, is the one record
    of the action; it names the panel (``via="admin"``) because the call runs through it.
    """
    viewer = admin_viewer(request)
    try:
        with audit.through("admin"):
            return await call(viewer)
    except DomainError as exc:
        raise ActionFailed(exc.message) from exc
