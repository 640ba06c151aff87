"""The panel sets the organisation's notification channels per kind and which departments a
webhook serves; what it saves is what the one delivery path reads."""

from __future__ import annotations

from models import AuditEntry, Department, NotificationDefault, User, WebhookChannel
from models.enums import NotificationKind
from resolvers.access.auth import Viewer
from resolvers.notifications.preferences import preferences_of
from tests.admin_ui.conftest import Panel


async def test_the_admin_sets_an_organisation_default_that_people_inherit(
    admin_panel: Panel,
) -> None:
    # when the admin chooses e-mail and webhooks for review requests in the panel
    response = await admin_panel.post_form(
        "/admin/notification-default/create",
        {"kind": "REVIEW_REQUESTED", "channels": ["EMAIL", "WEBHOOK"]},
    )
    assert response.status_code == 303, response.text
    # then it is stored and audited as a panel write
    stored = await NotificationDefault.get(kind=NotificationKind.REVIEW_REQUESTED)
    assert sorted(stored.channels) == ["EMAIL", "WEBHOOK"]
    entry = await AuditEntry.get(action="admin.notification-default.create")
    assert (entry.actor_label, entry.via) == ("admin", "admin")
    # and a head who chose nothing inherits it
    head = await User.get(username="design_head")
    viewer = Viewer(
        user_id=head.id, role=head.role, department_id=head.department_id, username=head.username
    )
    found = await preferences_of(viewer)
    review = next(k for k in found.kinds if k.kind == NotificationKind.REVIEW_REQUESTED)
    assert ([str(c) for c in review.channels], review.personal) == (
        ["IN_APP", "EMAIL", "WEBHOOK"],
        False,
    )
    # a second default for the same kind is refused as a form error
    again = await admin_panel.post_form(
        "/admin/notification-default/create", {"kind": "REVIEW_REQUESTED", "channels": ["EMAIL"]}
    )
    assert again.status_code == 422 and "该值已被使用" in again.text
    assert await NotificationDefault.all().count() == 1


async def test_the_admin_routes_a_webhook_to_departments(admin_panel: Panel) -> None:
    design = await Department.get(code="design")
    finance = await Department.get(code="finance")
    # when the admin adds a group bot serving design and finance
    response = await admin_panel.post_form(
        "/admin/webhook-channel/create",
        {
            "name": "设计财务群",
            "format": "FEISHU",
            "url": "https://open.feishu.cn/open-apis/bot/v2/hook/abc",
            "enabled": "on",
            "departments": [str(design.id), str(finance.id)],
        },
    )
    assert response.status_code == 303, response.text
    # then the webhook serves exactly those departments
    channel = await WebhookChannel.get(name="设计财务群")
    assert sorted(await channel.departments.all().values_list("code", flat=True)) == [
        "design",
        "finance",
    ]
    # and the panel write is audited with them
    entry = await AuditEntry.get(action="admin.webhook-channel.create")
    assert entry.after is not None
    assert entry.after["departments"] == sorted([design.id, finance.id])
    # and its page lists them
    page = await admin_panel.get(f"/admin/webhook-channel/detail?pk={channel.id}")
    assert page.status_code == 200 and design.name in page.text
