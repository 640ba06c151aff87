"""The Feishu adapter against a local server replaying Feishu's documented responses.

open.feishu.cn cannot be reached from here, so a Starlette app on a loopback port answers
the adapter's requests with bodies shaped as Feishu's documentation shows them (the
envelope ``{"code": 0, "msg", "data"}``, ``has_more`` / ``page_token`` paging, the
contact v3 department and user items, the OAuth token and user_info answers). It checks
what the adapter sends (the tenant token, the id types, the PKCE verifier), so a request
the documentation would refuse fails here too. Nothing here was verified against the live
service (README, "Chinese suites").
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tortoise.context import TortoiseContext

from core import db
from core.settings import Settings
from crossflow.app import create_app
from models import AuditEntry, Department, DepartmentHead, User
from models.directory import AccountSource, SyncStatus
from resolvers.access import sso_accounts
from resolvers.people.suite_sync import sync_suite
from resolvers.people.suites import SuiteError
from resolvers.people.suites.feishu import FeishuProvider
from tests.crossflow.test_cli import crossflow
from tests.e2e.processes import free_port

APP_ID, APP_SECRET = "cli_a1b2c3d4e5f6", "test-app-secret"
TENANT_TOKEN = "t-g1044ghJRUIJJ5ELPYRKBWZC3UJX2ZQ7FIJM2WKD"
USER_TOKEN = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.test"
REDEEM = "mutation($c: String!) { redeemSignOnCode(code: $c) { user { username } } }"


def department(department_id: str, name: str, parent: str, leader: str) -> dict[str, Any]:
    """A contact v3 department item as the documentation's example shapes it."""
    return {
        "name": name,
        "i18n_name": {"zh_cn": name, "en_us": ""},
        "parent_department_id": parent,
        "department_id": department_id,
        "open_department_id": f"od-{department_id.lower()}4e6ac4d14bcd5071a37a39de90",
        "leader_user_id": leader,
        "chat_id": "oc_5ad11d72b830411d72b836c20",
        "order": "100",
        "member_count": 2,
        "status": {"is_deleted": False},
    }


def user(user_id: str, name: str, departments: list[str], **status: bool) -> dict[str, Any]:
    """A contact v3 user item as the documentation's example shapes it."""
    return {
        "union_id": f"on_{user_id}94ba9c36c4ee0d3e0cf",
        "user_id": user_id,
        "open_id": f"ou_{user_id}7dab8a3d3cdcc9da365777c7ad",
        "name": name,
        "en_name": "",
        "email": f"{user_id}@example.com",
        "enterprise_email": f"{user_id}@corp.example.com",
        "mobile": "+8613011111111",
        "department_ids": departments,
        "leader_user_id": "",
        "status": {
            "is_frozen": status.get("frozen", False),
            "is_resigned": status.get("resigned", False),
            "is_activated": True,
            "is_exited": False,
            "is_unjoin": False,
        },
        "employee_no": "1",
        "is_tenant_manager": False,
    }


@dataclass
class Tenant:
    """What the replayed tenant holds, and what the adapter asked of it."""

    departments: list[dict[str, Any]]
    members: dict[str, list[dict[str, Any]]]
    secret: str = APP_SECRET
    requests: list[str] = field(default_factory=list)
    token_requests: list[dict[str, Any]] = field(default_factory=list)


def error(code: int, message: str) -> JSONResponse:
    return JSONResponse({"code": code, "msg": message, "data": {}}, status_code=400)


def replay(tenant: Tenant) -> Starlette:
    """Feishu's endpoints, answering as documented (two departments per page)."""

    def authorised(request: Request) -> bool:
        tenant.requests.append(f"{request.method} {request.url.path}?{request.url.query}")
        return request.headers.get("authorization") == f"Bearer {TENANT_TOKEN}"

    async def tenant_token(request: Request) -> JSONResponse:
        body = await request.json()
        if body != {"app_id": APP_ID, "app_secret": tenant.secret}:
            return error(10014, "app secret invalid")
        return JSONResponse(
            {"code": 0, "msg": "ok", "tenant_access_token": TENANT_TOKEN, "expire": 7200}
        )

    def page(items: list[dict[str, Any]], request: Request) -> JSONResponse:
        start = int(request.query_params.get("page_token") or 0)
        end = start + 2
        more = end < len(items)
        data = {"has_more": more, "items": items[start:end]}
        if more:
            data["page_token"] = str(end)
        return JSONResponse({"code": 0, "msg": "success", "data": data})

    async def children(request: Request) -> JSONResponse:
        if not authorised(request):
            return error(99991663, "Invalid access token for authorization.")
        query = request.query_params
        assert request.path_params["department_id"] == "0" and query["fetch_child"] == "true"
        assert query["department_id_type"] == "department_id"
        return page(tenant.departments, request)

    async def find_by_department(request: Request) -> JSONResponse:
        if not authorised(request):
            return error(99991663, "Invalid access token for authorization.")
        query = request.query_params
        assert query["user_id_type"] == "user_id"
        if query["department_id"] not in tenant.members and query["department_id"] != "0":
            return error(40004, "no dept authority error")
        return page(tenant.members.get(query["department_id"], []), request)

    async def oauth_token(request: Request) -> JSONResponse:
        body = await request.json()
        tenant.token_requests.append(body)
        if body.get("code") != "valid-code" or body.get("client_secret") != tenant.secret:
            return JSONResponse(
                {"code": 20003, "error": "invalid_grant", "error_description": "code expired"},
                status_code=400,
            )
        return JSONResponse(
            {
                "code": 0,
                "access_token": USER_TOKEN,
                "expires_in": 7200,
                "refresh_token": "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.refresh",
                "refresh_token_expires_in": 604800,
                "token_type": "Bearer",
                "scope": "auth:user.id:read",
            }
        )

    async def user_info(request: Request) -> JSONResponse:
        if request.headers.get("authorization") != f"Bearer {USER_TOKEN}":
            return error(20005, "the user access token passed is invalid")
        return JSONResponse(
            {
                "code": 0,
                "msg": "success",
                "data": {
                    "name": "林晓",
                    "en_name": "Lin Xiao",
                    "avatar_url": "https://example.com/avatar.png",
                    "open_id": "ou_caecc734c2e3328a62489fe0648c4b98779515d3",
                    "union_id": "on_d89jhsdhjsajkda7828enjdj328ydhhw3u43yjhdj",
                    "email": "linxiao@example.com",
                    "enterprise_email": "linxiao@corp.example.com",
                    "user_id": "linxiao",
                    "mobile": "+86130002883xx",
                    "tenant_key": "736588c92lxf175d",
                    "employee_no": "111222333",
                },
            }
        )

    return Starlette(
        routes=[
            Route(
                "/open-apis/auth/v3/tenant_access_token/internal", tenant_token, methods=["POST"]
            ),
            Route("/open-apis/contact/v3/departments/{department_id}/children", children),
            Route("/open-apis/contact/v3/users/find_by_department", find_by_department),
            Route("/open-apis/authen/v2/oauth/token", oauth_token, methods=["POST"]),
            Route("/open-apis/authen/v1/user_info", user_info),
        ]
    )


@contextlib.asynccontextmanager
async def serving(app: Starlette) -> AsyncIterator[str]:
    """``app`` on a loopback port while the block runs."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, timeout=10)


@pytest.fixture
def tenant() -> Tenant:
    return Tenant(
        departments=[
            department("D100", "华东销售部", "0", "chenyu"),
            department("D110", "上海销售组", "D100", "linxiao"),
            department("D200", "品牌市场部", "0", "hemei"),
        ],
        members={
            "D100": [user("chenyu", "陈宇", ["D100"])],
            "D110": [user("linxiao", "林晓", ["D110"]), user("sunhao", "孙浩", ["D110"])],
            "D200": [
                user("hemei", "何美", ["D200"]),
                user("zhaoqi", "赵琪", ["D200"]),
                user("qianle", "钱乐", ["D200"]),
            ],
        },
    )


@pytest.fixture
async def feishu(db: TortoiseContext, tenant: Tenant) -> AsyncIterator[FeishuProvider]:
    async with serving(replay(tenant)) as base:
        yield FeishuProvider(APP_ID, APP_SECRET, api_url=base, accounts_url=base)


async def head_of(code: str) -> str:
    head = await DepartmentHead.get(department__code=code).prefetch_related("user")
    return head.user.username


async def test_a_first_sync_brings_in_every_department_person_and_head(
    feishu: FeishuProvider, tenant: Tenant
) -> None:
    # given a tenant of three departments and six people (answered two per page)
    # when the organisation is synced
    run = await sync_suite(feishu, started_by="test")
    # then everything is created, the tree and the heads follow Feishu, all audited as feishu
    assert (run.status, run.created, run.refused) == (SyncStatus.SUCCEEDED, 6, 0)
    child = await Department.get(code="D110").prefetch_related("parent")
    assert child.name == "上海销售组" and child.parent is not None and child.parent.code == "D100"
    assert [await head_of(code) for code in ("D100", "D110", "D200")] == [
        "chenyu",
        "linxiao",
        "hemei",
    ]
    person = await User.get(username="qianle").prefetch_related("department")
    assert (person.display_name, person.email, person.source) == (
        "钱乐",
        "qianle@corp.example.com",
        AccountSource.OIDC,
    )
    assert person.department is not None and person.department.code == "D200"
    assert await AuditEntry.filter(action="user.create", via="feishu").count() == 6
    # and the second page of 品牌市场部 was asked for with the first page's token
    assert any("department_id=D200" in r and "page_token=2" in r for r in tenant.requests)


async def test_a_person_who_left_is_deactivated_and_a_new_head_follows(
    feishu: FeishuProvider, tenant: Tenant
) -> None:
    # given a synced tenant
    await sync_suite(feishu)
    # when 钱乐 resigns, 赵琪 becomes 品牌市场部's head, and the sync runs again
    tenant.members["D200"][2] = user("qianle", "钱乐", ["D200"], resigned=True)
    tenant.departments[2] = department("D200", "品牌市场部", "0", "zhaoqi")
    run = await sync_suite(feishu)
    # then 钱乐 is deactivated (kept), the head is 赵琪, and nobody else changed
    assert (run.created, run.deactivated) == (0, 1)
    assert not (await User.get(username="qianle")).is_active
    assert await head_of("D200") == "zhaoqi"


async def test_an_error_envelope_fails_the_run_and_changes_nothing(
    feishu: FeishuProvider, tenant: Tenant
) -> None:
    # given the app's secret was rotated at Feishu
    tenant.secret = "rotated"
    # when the organisation is synced
    run = await sync_suite(feishu)
    # then the run failed with Feishu's code, and nobody was created
    assert run.status == SyncStatus.FAILED and "10014" in run.error
    assert not await User.filter(source=AccountSource.OIDC).exists()


async def test_sign_in_trades_the_code_with_pkce_and_finds_the_synced_person(
    feishu: FeishuProvider, tenant: Tenant, settings: Settings
) -> None:
    # given a synced tenant
    await sync_suite(feishu)
    # when 林晓 signs in with Feishu
    url = feishu.authorization_url(
        redirect_uri="https://crossflow.example.com/cb", state="s1", code_challenge="c1"
    )
    claims = await feishu.claims(
        code="valid-code", redirect_uri="https://crossflow.example.com/cb", code_verifier="v1"
    )
    signed_in = await sso_accounts.sign_on(settings, claims)
    # then the authorization asked for S256, the exchange sent the verifier, and it is 林晓
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/open-apis/authen/v1/authorize"
    assert query["code_challenge_method"] == ["S256"] and query["client_id"] == [APP_ID]
    assert tenant.token_requests[0]["code_verifier"] == "v1"
    assert (signed_in.username, signed_in.display_name) == ("linxiao", "林晓")


async def test_sign_in_is_refused_for_a_bad_code_and_for_someone_never_synced(
    feishu: FeishuProvider, settings: Settings
) -> None:
    # given an empty CrossFlow (no sync yet)
    # when a code Feishu refuses is traded, and then a good one
    with pytest.raises(SuiteError) as refused_code:
        await feishu.claims(code="expired", redirect_uri="https://x/cb", code_verifier="v")
    claims = await feishu.claims(code="valid-code", redirect_uri="https://x/cb", code_verifier="v")
    # then the bad code is Feishu's error, and the unknown person maps to no department
    assert refused_code.value.code == 20003
    with pytest.raises(sso_accounts.SignOnRefused) as refused:
        await sso_accounts.sign_on(settings, claims)
    assert refused.value.reason == "NO_DEPARTMENT"


async def test_the_app_signs_a_synced_person_in_with_feishu_and_refuses_a_forged_state(
    feishu: FeishuProvider, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given CrossFlow connected to the (replayed) Feishu tenant, and its organisation synced
    await sync_suite(feishu)
    monkeypatch.setenv("CROSSFLOW_FEISHU_APP_ID", APP_ID)
    monkeypatch.setenv("CROSSFLOW_FEISHU_APP_SECRET", APP_SECRET)
    monkeypatch.setenv("CROSSFLOW_FEISHU_API_URL", feishu.api_url)
    monkeypatch.setenv("CROSSFLOW_FEISHU_ACCOUNTS_URL", feishu.accounts_url)
    app = create_app(settings, manage_orm=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://crossflow.test"
    ) as http:
        offered = (await http.post("/graphql", json={"query": "{ companySignIn }"})).json()
        # when the company-account button is followed to Feishu
        button = await http.get("/auth/company/login")
        start = await http.get(button.headers["location"])
        authorize = urlsplit(start.headers["location"])
        # and Feishu sends the browser back, first with a forged state, then with its own
        forged = await http.get("/auth/feishu/callback?code=valid-code&state=forged")
        again = urlsplit((await http.get(button.headers["location"])).headers["location"])
        state = parse_qs(again.query)["state"][0]
        back = await http.get(f"/auth/feishu/callback?code=valid-code&state={state}")
        code = parse_qs(urlsplit(back.headers["location"]).fragment)["sso_code"][0]
        redeemed = await http.post(
            "/graphql",
            json={"query": REDEEM, "variables": {"c": code}},
        )
    # then the button led to Feishu's authorize page, the forged state was refused,
    # and 林晓 is signed in
    assert offered["data"] == {"companySignIn": True}
    assert button.headers["location"] == "/auth/feishu/login?"
    assert authorize.path == "/open-apis/authen/v1/authorize"
    assert forged.headers["location"] == "/#sso_error=EXPIRED"
    assert redeemed.json()["data"]["redeemSignOnCode"]["user"] == {"username": "linxiao"}


async def test_crossflow_suite_sync_runs_from_the_command_line(
    tenant: Tenant, tmp_path: Path
) -> None:
    # given an empty, migrated CrossFlow and the (replayed) Feishu tenant
    settings = Settings(data_dir=tmp_path / "crossflow-data", _env_file=None)  # type: ignore[call-arg]
    await db.migrate(settings)
    async with serving(replay(tenant)) as base:
        env = {
            "CROSSFLOW_FEISHU_APP_ID": APP_ID,
            "CROSSFLOW_FEISHU_APP_SECRET": APP_SECRET,
            "CROSSFLOW_FEISHU_API_URL": base,
        }
        # when `crossflow suite-sync` runs with Feishu configured, and without
        synced = await asyncio.to_thread(crossflow, "suite-sync", cwd=tmp_path, env=env)
    unconfigured = await asyncio.to_thread(crossflow, "suite-sync", cwd=tmp_path)
    # then the first brings everyone in, the second says nothing is configured
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "SUCCEEDED" in synced.stdout and "6 created" in synced.stdout
    assert unconfigured.returncode == 2 and "no suite is configured" in unconfigured.stdout


@pytest.mark.parametrize(
    ("token", "user_info"),
    [({"code": 0, "token_type": "Bearer"}, {}), ({"code": 0, "access_token": "u-1"}, [])],
    ids=["no-access-token", "data-not-an-object"],
)
async def test_a_malformed_sign_in_answer_is_the_suites_error_not_a_crash(
    token: dict[str, Any], user_info: Any
) -> None:
    # given a suite whose token or user_info answer says success but lacks what it promises
    async def token_endpoint(request: Request) -> JSONResponse:
        return JSONResponse(token)

    async def user_info_endpoint(request: Request) -> JSONResponse:
        return JSONResponse({"code": 0, "msg": "success", "data": user_info})

    app = Starlette(
        routes=[
            Route("/open-apis/authen/v2/oauth/token", token_endpoint, methods=["POST"]),
            Route("/open-apis/authen/v1/user_info", user_info_endpoint),
        ]
    )
    async with serving(app) as base:
        provider = FeishuProvider(APP_ID, APP_SECRET, api_url=base, accounts_url=base)
        # when a code is traded
        with pytest.raises(SuiteError) as refused:
            await provider.claims(code="c", redirect_uri="https://x/cb", code_verifier="v")
    # then it is a SuiteError (the callback's PROVIDER_REFUSED), not a KeyError (a 500)
    assert refused.value.code == 0
