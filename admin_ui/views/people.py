"""Getting people in from the panel: the import page, the directory page, the sync report.

The import page uploads a file and shows the dry run's preview (created, changed,
deactivated, unchanged, and each refused row); "apply" then imports the very file the
preview was made from (kept under the data folder by a random name until applied). The
directory page edits the connection and the attribute mapping (over the environment's
``CROSSFLOW_LDAP_*``; the bind password write-only), runs a sync now, and lists the runs.
Both call the same use cases as the command line, as the signed-in administrator.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette_admin import BaseField, CustomView, IntegerField, JSONField
from starlette_admin.routing import route

from admin_ui.auth import admin_viewer
from admin_ui.i18n import pick, t
from admin_ui.views.base import ReadOnlyView, enum_field
from core.settings import Settings
from models import PeopleSyncRun
from models.directory import AccountSource, SyncStatus
from resolvers.errors import DomainError
from resolvers.people import directory_settings
from resolvers.people.directory_settings import EDITABLE
from resolvers.people.directory_sync import sync_directory
from resolvers.people.importing import import_people

#: The stored upload's name: a random token and the file's kind, nothing from the client.
PENDING = re.compile(r"^[0-9a-f]{32}\.(csv|xlsx)$")
#: Rows of the preview table shown (the counts are always complete).
PREVIEW_ROWS = 300


class PeopleImportPage(CustomView):
    """``/admin/people-import``: upload, preview (dry run), apply."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(
            menu_label=t("导入人员", "Import people"),
            icon="fa fa-file-import",
            path="/people-import",
            route_name="people_import",
        )
        self.settings = settings

    @property
    def pending_dir(self) -> Path:
        return self.settings.data_dir / "pending-imports"

    @route("", methods=["GET", "POST"], name="people_import")
    async def index(self, request: Request) -> Response:
        context: dict[str, Any] = {"run": None, "error": None, "pending": None}
        if request.method == "POST":
            form = await request.form()
            context["deactivate_missing"] = bool(form.get("deactivate_missing"))
            try:
                if form.get("pending"):
                    context["run"] = await self._apply(request, str(form["pending"]), form)
                else:
                    run, pending = await self._preview(request, form.get("file"), form)
                    context.update(run=run, pending=pending)
            except DomainError as exc:
                context["error"] = exc.message
        context["recent"] = await PeopleSyncRun.filter(source=AccountSource.IMPORT).limit(10)
        context["rows"] = (context["run"].changes if context["run"] else [])[:PREVIEW_ROWS]
        return self._render(request, context)

    def _render(self, request: Request, context: dict[str, Any]) -> Response:
        assert self._admin is not None
        context["title"] = self.title(request)
        response = self._admin._template_response(request, "crossflow/people_import.html", context)
        response.headers["cache-control"] = "no-store"
        return response

    async def _preview(
        self, request: Request, upload: Any, form: Any
    ) -> tuple[PeopleSyncRun, str | None]:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise DomainError(pick("请选择 CSV 或 XLSX 文件", "Choose a CSV or XLSX file"))
        kind = "xlsx" if upload.filename.lower().endswith(".xlsx") else "csv"
        data = await upload.read(self.settings.upload_max_bytes + 1)
        if len(data) > self.settings.upload_max_bytes:
            raise DomainError(pick("文件过大", "The file is too large"))
        run = await import_people(
            admin_viewer(request),
            data,
            upload.filename,
            dry_run=True,
            deactivate_missing=bool(form.get("deactivate_missing")),
        )
        if run.status is not SyncStatus.SUCCEEDED:
            return run, None
        self.pending_dir.mkdir(parents=True, exist_ok=True)
        pending = f"{secrets.token_hex(16)}.{kind}"
        (self.pending_dir / pending).write_bytes(data)
        return run, pending

    async def _apply(self, request: Request, pending: str, form: Any) -> PeopleSyncRun:
        path = self.pending_dir / pending
        if not PENDING.match(pending) or not path.is_file():
            raise DomainError(
                pick("预览已失效，请重新上传", "The preview has expired: upload the file again")
            )
        data = path.read_bytes()
        run = await import_people(
            admin_viewer(request),
            data,
            str(form.get("file_name") or pending),
            dry_run=False,
            deactivate_missing=bool(form.get("deactivate_missing")),
        )
        path.unlink(missing_ok=True)
        return run


class DirectorySyncPage(CustomView):
    """``/admin/directory-sync``: the connection and mapping, "sync now", the latest runs."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(
            menu_label=t("目录同步", "Directory sync"),
            icon="fa fa-network-wired",
            path="/directory-sync",
            route_name="directory_sync",
        )
        self.settings = settings

    @route("", methods=["GET", "POST"], name="directory_sync")
    async def index(self, request: Request) -> Response:
        assert self._admin is not None
        context: dict[str, Any] = {"run": None, "error": None, "saved": False}
        if request.method == "POST":
            form = await request.form()
            try:
                if form.get("action") == "save":
                    values = {name: str(form.get(name) or "") for name in EDITABLE}
                    password = str(form.get("ldap_bind_password") or "") or None
                    await directory_settings.save(
                        self.settings, admin_viewer(request), values, password
                    )
                    context["saved"] = True
                else:
                    context["run"] = await sync_directory(
                        self.settings, admin_viewer(request), full=bool(form.get("full"))
                    )
            except DomainError as exc:
                context["error"] = exc.message
        current = await directory_settings.effective(self.settings)
        context.update(
            title=self.title(request),
            settings=[(name, getattr(current, name)) for name in EDITABLE],
            password_set=bool(current.ldap_bind_password),
            sync_minutes=current.ldap_sync_minutes,
            recent=await PeopleSyncRun.filter(source=AccountSource.LDAP).limit(10),
        )
        response = self._admin._template_response(request, "crossflow/directory_sync.html", context)
        response.headers["cache-control"] = "no-store"
        return response


class PeopleSyncRunView(ReadOnlyView):
    """The sync report: every import and directory sync, what it changed and refused."""

    model = PeopleSyncRun
    label = ("同步记录", "Sync reports")
    icon_name = "fa fa-list-check"

    def build_fields(self) -> Sequence[str | BaseField]:
        return [
            "id",
            enum_field("source", AccountSource),
            enum_field("status", SyncStatus),
            "dry_run",
            "full",
            "started_at",
            "finished_at",
            "started_by",
            "file_name",
            IntegerField("created"),
            IntegerField("updated"),
            IntegerField("deactivated"),
            IntegerField("unchanged"),
            IntegerField("refused"),
            JSONField("refusals", read_only=True, exclude_from_list=True),
            JSONField("changes", read_only=True, exclude_from_list=True),
            "error",
        ]
