"""Fuzzing the GraphQL API with schemathesis, as an ADMIN and as an EMPLOYEE.

Schemathesis reads the schema by introspection from a running demo server and generates
queries and mutations with arguments for every root field. Our own check fails on any HTTP
5xx, any error without ``extensions.code``, and any internal detail reaching the client.
The seed is fixed (``derandomize``) and the examples per field are bounded:
``CROSSFLOW_FUZZ_EXAMPLES`` (default 4; the full run in docs uses 25).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import hypothesis
import pytest
import schemathesis
from graphql import StringValueNode
from hypothesis import strategies as st

from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

pytestmark = pytest.mark.e2e

EXAMPLES = int(os.environ.get("CROSSFLOW_FUZZ_EXAMPLES", "4"))

# A JSON request cannot carry a file: fuzz ``Upload`` arguments with strings (a client error).
schemathesis.graphql.scalar("Upload", st.just(StringValueNode(value="not-a-file")))
INTERNALS = re.compile(r"Traceback|File \"|asyncpg|tortoise\.|sqlite3|strawberry\.|\.py\b")


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("fuzz")
    port = free_port()
    with crossflow_process(["demo", "--port", str(port)], {}, folder, folder / "demo.log") as demo:
        base = f"http://127.0.0.1:{port}"
        wait_until_ready(base, demo, folder / "demo.log")
        yield base


def token(base: str, username: str) -> str:
    body = httpx.post(
        f"{base}/graphql",
        json={
            "query": (
                'mutation($u: String!) { login(input: {username: $u, password: "demo"}) { token } }'
            ),
            "variables": {"u": username},
        },
    ).json()
    return str(body["data"]["login"]["token"])


def check(response: Any) -> None:
    """Our verdict on one response (schemathesis's own checks assume REST semantics)."""
    assert response.status_code < 500, response.text[:500]
    try:
        body = response.json()
    except ValueError:
        return  # not JSON: a 4xx page from the HTTP layer
    for error in body.get("errors") or []:
        assert (error.get("extensions") or {}).get("code"), error
    assert not INTERNALS.search(json.dumps(body.get("errors") or [], ensure_ascii=False)), body


@pytest.mark.parametrize("username", ["admin", "market_staff"])
def test_no_generated_request_breaks_the_api(
    demo_server: str, username: str, tmp_path: Path
) -> None:
    headers = {"Authorization": f"Bearer {token(demo_server, username)}"}
    schema = schemathesis.graphql.from_url(f"{demo_server}/graphql", headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40
    sent = 0

    for operation in operations:

        @hypothesis.settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        )
        @hypothesis.given(case=operation.as_strategy())
        def fuzz(case: Any) -> None:
            nonlocal sent
            check(case.call(headers=headers, timeout=30))
            sent += 1

        fuzz()
    # the server is still healthy after all of it
    assert httpx.get(f"{demo_server}/readyz").status_code == 200
    (tmp_path / "examples.txt").write_text(str(sent))
    print(f"{username}: {sent} generated requests over {len(operations)} root fields")
