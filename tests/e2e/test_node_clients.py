"""The JavaScript clients frontend teams use, run with Node against the demo.

Python clients accept what the Node ones refuse (binary websocket frames went unnoticed
that way), so these tests drive the real packages, pinned in ``tests/e2e/node`` (installed
there by ``npm ci``, as ``.ci/run`` does): the ``graphql-ws`` client, Apollo Client and
GraphQL Code Generator's client preset. Without Node or those packages the tests skip,
unless ``CROSSFLOW_REQUIRE_SERVICES=1`` (CI), where they fail.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.processes import REPOSITORY, crossflow_process, free_port, wait_until_ready
from tests.support.services import _unavailable
from tests.test_api_docs import examples

pytestmark = pytest.mark.e2e

NODE_DIR = Path(__file__).with_name("node")
DOCS = REPOSITORY / "docs" / "api.md"
LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)
CREATE = """mutation($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }"""
#: The form's key points, which a submission needs.
KEY_POINTS = {
    "background": "评审通知测试",
    "goals": "负责人实时收到评审请求",
    "deliverables": "通知消息",
    "acceptanceCriteria": "订阅端收到 REVIEW_REQUESTED",
}
SUBMIT = "mutation($id: ID!) { submitRequirement(id: $id) { status } }"


@pytest.fixture(scope="module")
def node() -> str:
    """The ``node`` binary, once the pinned packages are installed next to the scripts."""
    binary = shutil.which("node")
    if binary is None:
        _unavailable("node is not installed")
    if not (NODE_DIR / "node_modules" / ".package-lock.json").is_file():
        _unavailable(f"the Node packages are not installed (npm ci in {NODE_DIR})")
    return binary


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``crossflow demo`` (demo data, embedded worker) on a free loopback port."""
    folder = tmp_path_factory.mktemp("node-demo")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "demo.log"
    with crossflow_process(["demo", "--port", str(port)], {}, folder, log) as server:
        wait_until_ready(base, server, log)
        yield base


def _graphql(base: str, query: str, variables: dict[str, Any], token: str | None = None) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    body = httpx.post(
        f"{base}/graphql", json={"query": query, "variables": variables}, headers=headers
    ).json()
    assert not body.get("errors"), body
    return body["data"]


def _token(base: str, username: str) -> str:
    token: str = _graphql(base, LOGIN, {"u": username, "p": "demo"})["login"]["token"]
    return token


def _department_id(base: str, token: str, code: str) -> str:
    departments = _graphql(base, "{ departments { id code } }", {}, token)["departments"]
    return next(d["id"] for d in departments if d["code"] == code)


def _run(node: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node, *args], cwd=NODE_DIR, capture_output=True, text=True, timeout=timeout
    )


def _events(process: subprocess.Popen[str]) -> Iterator[dict[str, Any]]:
    """The JSON lines a listener prints (it gives up by itself after 30 s)."""
    assert process.stdout is not None
    for line in process.stdout:
        yield json.loads(line)


def test_graphql_ws_hears_a_review_request_another_user_caused(node: str, demo_url: str) -> None:
    # given the design head listening with graphql-ws, signed in through connectionParams
    head = _token(demo_url, "design_head")
    staff = _token(demo_url, "market_staff")
    ws_url = demo_url.replace("http://", "ws://") + "/graphql"
    with subprocess.Popen(
        [node, "live_notification.mjs", ws_url, head],
        cwd=NODE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as listener:
        events = _events(listener)
        assert next(events) == {"event": "connected"}
        # when market staff submits a requirement that involves the design department
        design = _department_id(demo_url, staff, "design")
        title = "graphql-ws 收到的评审请求"
        created = _graphql(
            demo_url,
            CREATE,
            {"input": {"title": title, "involvedDepartmentIds": [design], **KEY_POINTS}},
            staff,
        )
        _graphql(demo_url, SUBMIT, {"id": created["createRequirement"]["id"]}, staff)
        # then the Node client receives the review request, as messages it could parse
        heard = []
        for event in events:
            assert event["event"] == "next" and event["errors"] is None, event
            heard.append(event["data"]["notificationAdded"])
            if event["data"]["notificationAdded"]["kind"] == "REVIEW_REQUESTED":
                break
        listener.terminate()
    assert heard and heard[-1]["kind"] == "REVIEW_REQUESTED", heard
    assert title in heard[-1]["title"]


def test_graphql_ws_sees_the_close_code_of_a_refused_token(node: str, demo_url: str) -> None:
    # when graphql-ws connects with a token the server does not know
    ws_url = demo_url.replace("http://", "ws://") + "/graphql"
    result = _run(node, "live_notification.mjs", ws_url, "forged-token", timeout=60)
    # then it never connects and sees the socket closed with 4403 Forbidden
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [{"event": "closed", "code": 4403, "reason": "Forbidden"}], result.stderr


def test_apollo_client_pages_a_task_list_with_fetch_more_and_creates_a_requirement(
    node: str, demo_url: str
) -> None:
    # given market staff, and the tasks they see in code order
    staff = _token(demo_url, "market_staff")
    listed = _graphql(
        demo_url,
        "{ tasks(first: 100, orderBy: {field: CODE}) { edges { node { code } } } }",
        {},
        staff,
    )
    codes = [edge["node"]["code"] for edge in listed["tasks"]["edges"]]
    assert len(codes) > 2
    # when Apollo Client reads them one task per page, then raises a requirement
    design = _department_id(demo_url, staff, "design")
    title = "Apollo Client 建的需求"
    result = _run(node, "apollo_pages.mjs", f"{demo_url}/graphql", staff, "1", title, design)
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)
    # then relayStylePagination grew the cached list page by page to the same tasks
    assert run["cachedLengths"] == list(range(1, len(codes) + 1))
    assert run["codes"] == codes and run["hasNextPage"] is False
    # and the requirement it created is there for the API too
    created = run["created"]
    assert (created["title"], created["status"]) == (title, "DRAFT")
    node_query = "query($id: ID!) { node(id: $id) { ... on Requirement { code title } } }"
    found = _graphql(demo_url, node_query, {"id": created["id"]}, staff)["node"]
    assert found == {"code": created["code"], "title": title}


def _documented_codegen_config() -> str:
    """The ``codegen.ts`` shown in docs/api.md (its block starts ``// codegen.ts``)."""
    found = re.search(r"```ts\n// codegen\.ts\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert found, "docs/api.md shows no codegen.ts"
    return found.group(1)


def _codegen_project(folder: Path, documents: list[str]) -> Path:
    """A frontend project: the SDL, the documents, the documented config, the packages."""
    (folder / "src").mkdir(parents=True)
    shutil.copy(REPOSITORY / "schema.graphql", folder / "schema.graphql")
    for number, document in enumerate(documents):
        (folder / "src" / f"example_{number:02d}.graphql").write_text(document, "utf-8")
    (folder / "codegen.ts").write_text(_documented_codegen_config(), "utf-8")
    (folder / "node_modules").symlink_to(NODE_DIR / "node_modules")
    return folder


def _codegen(node: str, folder: Path) -> subprocess.CompletedProcess[str]:
    cli = NODE_DIR / "node_modules" / "@graphql-codegen" / "cli" / "esm" / "bin.js"
    return subprocess.run(
        [node, str(cli), "--config", "codegen.ts"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_codegen_types_every_example_of_the_api_docs_with_the_documented_config(
    node: str, tmp_path: Path
) -> None:
    # given every GraphQL example of docs/api.md in a project using the documented codegen.ts
    project = _codegen_project(tmp_path, [example.document for example in examples()])
    # when GraphQL Code Generator's client preset runs
    result = _codegen(node, project)
    # then every example validates against schema.graphql and gets its types
    assert result.returncode == 0, result.stdout + result.stderr
    generated = (project / "src" / "gql" / "graphql.ts").read_text("utf-8")
    assert "export type WhoAmIQuery = " in generated


def test_codegen_refuses_an_example_the_schema_does_not_have(node: str, tmp_path: Path) -> None:
    # given an example asking for a field the schema lacks
    project = _codegen_project(tmp_path, ["query Wrong { viewer { salary } }"])
    # when the documented codegen runs, then it fails and names the field
    result = _codegen(node, project)
    assert result.returncode != 0
    assert "salary" in result.stdout + result.stderr
