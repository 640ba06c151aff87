"""Building the admin panel (starlette-admin) and mounting it at ``/admin``.

The pages are generated from the Tortoise models. starlette-admin reads each model's
relations when its view is built, so the models' relations are resolved first with
``Tortoise.init_models`` inside a throw-away ORM context: that touches only the model
classes (no connection), and leaves no context active that would hide the server's
(global) one or a test's own from the requests.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette_admin import DropDown, TimezoneConfig
from starlette_admin.contrib.tortoise import Admin
from tortoise import Tortoise
from tortoise.context import TortoiseContext

from admin_ui import csp
from admin_ui.auth import AdminAuthProvider, session_middleware, session_secret
from admin_ui.dashboard import Dashboard
from admin_ui.graphiql import GraphiQLPage
from admin_ui.i18n import I18N, t
from admin_ui.views.alerts import (
    CalendarOverrideView,
    NotificationDefaultView,
    RulePreview,
    WarningRuleView,
    WebhookChannelView,
)
from admin_ui.views.form_fields import RequirementFormFieldView, TemplateFormFieldView
from admin_ui.views.organisation import (
    DelegationView,
    DepartmentHeadView,
    DepartmentView,
    UserView,
)
from admin_ui.views.outbox import ParkedMessageView
from admin_ui.views.people import DirectorySyncPage, PeopleImportPage, PeopleSyncRunView
from admin_ui.views.records import (
    ArchiveView,
    AuditEntryView,
    CollaborationRequestView,
    CommentView,
    FeedbackView,
    ProgressUpdateView,
    RequirementView,
    TaskView,
)
from admin_ui.views.templates import template_views
from admin_ui.views.tokens import ApiTokenView
from core.db import APP_LABEL, MODEL_MODULES
from core.settings import Settings

PACKAGE = Path(__file__).resolve().parent
BASE_URL = "/admin"
#: The users' time zone: forms and lists show Beijing time, the database keeps UTC.
TIMEZONE = TimezoneConfig(
    default_timezone="Asia/Shanghai", database_timezone="UTC", use_user_locale_timezone=False
)


def resolve_model_relations() -> None:
    """Resolve relations on the model classes (idempotent; no connection is opened)."""
    with TortoiseContext():
        Tortoise.init_models(MODEL_MODULES, APP_LABEL)


def build_admin(settings: Settings) -> Admin:
    """The panel: sign-in, dashboard, configuration pages, records, GraphiQL."""
    resolve_model_relations()
    admin = Admin(
        title=t("CrossFlow 管理后台", "CrossFlow Admin"),
        base_url=BASE_URL,
        route_name="admin",
        templates_dir=str(PACKAGE / "templates"),
        static_dir=str(PACKAGE / "static"),
        index_view=Dashboard(),
        auth_provider=AdminAuthProvider(settings),
        secret_key=session_secret(settings),
        middlewares=[session_middleware(settings)],
        i18n_config=I18N,
        timezone_config=TIMEZONE,
    )
    rules = WarningRuleView()
    admin.add_view(
        DropDown(
            t("组织与权限", "Organisation"),
            icon="fa fa-building",
            views=[
                DepartmentView(),
                DepartmentHeadView(),
                UserView(settings),
                DelegationView(),
                PeopleImportPage(settings),
                DirectorySyncPage(settings),
                PeopleSyncRunView(),
            ],
        )
    )
    admin.add_view(
        DropDown(
            t("预警与集成", "Warnings & integration"),
            icon="fa fa-bell",
            views=[
                rules,
                WebhookChannelView(),
                NotificationDefaultView(),
                CalendarOverrideView(),
                ApiTokenView(),
                ParkedMessageView(),
            ],
        )
    )
    admin.add_view(DropDown(t("需求模板", "Templates"), icon="fa fa-clone", views=template_views()))
    admin.add_view(
        DropDown(
            t("自定义表单", "Custom forms"),
            icon="fa fa-pen-ruler",
            views=[RequirementFormFieldView(), TemplateFormFieldView()],
        )
    )
    admin.add_view(
        DropDown(
            t("协作记录", "Collaboration records"),
            icon="fa fa-folder-open",
            views=[
                RequirementView(),
                TaskView(),
                ProgressUpdateView(),
                CommentView(),
                CollaborationRequestView(),
                ArchiveView(),
                FeedbackView(),
            ],
        )
    )
    admin.add_view(AuditEntryView())
    admin.add_view(GraphiQLPage(settings))
    admin.add_view(RulePreview(settings, rules))
    csp.install(admin)
    return admin


def mount_admin(app: Starlette, settings: Settings) -> Admin:
    """Mount the panel on ``app`` at ``/admin``."""
    admin = build_admin(settings)
    admin.mount_to(app)
    return admin
