"""Only the platform administrator enters the panel, with the platform's own passwords."""

from __future__ import annotations

import httpx
import pytest
from tortoise.context import TortoiseContext

from core.security import hash_password
from core.settings import Mode, Settings
from crossflow.app import create_app
from models import User
from models.enums import Role
from tests.admin_ui.conftest import Panel


async def test_a_visitor_is_sent_to_the_login_page_in_chinese(panel: Panel, demo: None) -> None:
    # when someone who is not signed in opens the panel
    response = await panel.get("/admin/requirement/list")
    # then they are sent to the login page, which speaks Chinese
    assert response.status_code == 303
    assert "/admin/login" in response.headers["location"]
    login = await panel.get("/admin/login")
    assert '<html lang="zh"' in login.text and "登录" in login.text


async def test_the_admin_signs_in_and_sees_the_panel_in_chinese(admin_panel: Panel) -> None:
    # given the demo admin signed in
    page = await admin_panel.get("/admin/")
    # then the dashboard and the menu use the words of the source document
    assert page.status_code == 200
    for word in ("仪表盘", "需求", "任务", "部门", "用户", "预警规则", "知识库", "审计日志"):
        assert word in page.text, word


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("market_staff", "demo", "仅平台管理员"),  # an employee
        ("market_head", "demo", "仅平台管理员"),  # a department head
        ("ceo", "demo", "仅平台管理员"),  # management reads reports, not the panel
        ("admin", "wrong-password", "用户名或密码错误"),
        ("nobody", "demo", "用户名或密码错误"),
    ],
)
async def test_everyone_else_is_turned_away(
    panel: Panel, demo: None, username: str, password: str, message: str
) -> None:
    # when someone other than the admin (or with a wrong password) signs in
    response = await panel.sign_in(username, password)
    # then the login page says why and no session is opened
    assert response.status_code == 400
    assert message in response.text
    assert (await panel.get("/admin/")).status_code == 303


async def test_the_demo_password_works_only_in_demo_mode(
    db: TortoiseContext, settings: Settings, demo: None
) -> None:
    # given the demo data served outside demo mode
    app = create_app(settings.model_copy(update={"mode": Mode.DEVELOPMENT}), manage_orm=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        panel = Panel(http)
        # when the admin signs in with the published demo password
        response = await panel.sign_in("admin", "demo")
        # then the panel refuses it, as the API does
        assert response.status_code == 400
        assert "演示密码仅限演示模式" in response.text
        assert (await panel.get("/admin/")).status_code == 303


async def test_a_session_ends_when_the_admin_role_is_taken_away(admin_panel: Panel) -> None:
    assert (await admin_panel.get("/admin/user/list")).status_code == 200
    # when the admin's role is changed to employee (by another admin, say)
    await User.filter(username="admin").update(role=Role.EMPLOYEE)
    # then the next request of the open session is sent to the login page
    assert (await admin_panel.get("/admin/user/list")).status_code == 303


async def test_a_session_ends_when_the_password_changes_elsewhere(admin_panel: Panel) -> None:
    # when the admin's tokens are revoked (a new password raises the token epoch)
    user = await User.get(username="admin")
    await User.filter(id=user.id).update(
        password_hash=hash_password("a-new-long-password"), token_epoch=user.token_epoch + 1
    )
    # then the panel session opened before is over too
    assert (await admin_panel.get("/admin/")).status_code == 303


async def test_signing_out_ends_the_session(admin_panel: Panel) -> None:
    response = await admin_panel.post_form("/admin/logout", {})
    assert response.status_code == 303
    assert (await admin_panel.get("/admin/")).status_code == 303


async def test_the_admin_switches_the_panel_to_english(admin_panel: Panel) -> None:
    # when the admin picks English in the language switch (a cookie)
    admin_panel.http.cookies.set("language", "en")
    page = await admin_panel.get("/admin/requirement/list")
    # then starlette-admin's words and CrossFlow's labels are English
    assert '<html lang="en"' in page.text
    assert "Requirements" in page.text and "Initiator" in page.text
    # and a browser's Accept-Language alone does not switch a Chinese panel
    admin_panel.http.cookies.delete("language")
    page = await admin_panel.get("/admin/requirement/list", headers={"accept-language": "en"})
    assert '<html lang="zh"' in page.text and "发起人" in page.text


async def test_a_form_post_without_the_csrf_token_is_refused(admin_panel: Panel) -> None:
    response = await admin_panel.http.post(
        "/admin/department/edit?pk=1", data={"code": "market", "name": "改名"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/graphiql", "/admin/user/list", "/admin/_api/user/relation-lookup"]
)
async def test_no_page_of_the_panel_answers_a_visitor(panel: Panel, demo: None, path: str) -> None:
    response = await panel.get(path)
    assert response.status_code == 303
    assert "/admin/login" in response.headers["location"]


async def test_no_panel_action_answers_a_visitor(panel: Panel, demo: None) -> None:
    # with a valid CSRF token, but no session
    preview = await panel.post_form("/admin/warning-rule-preview", {"_pk": "1"})
    issue = await panel.action("api-token", "issue", data={"name": "x"})
    for response in (preview, issue):
        assert response.status_code == 303
        assert "/admin/login" in response.headers["location"]
