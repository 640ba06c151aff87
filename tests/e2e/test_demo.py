"""The README's first command: ``crossflow demo`` serves the embedded demo on its own."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

pytestmark = pytest.mark.e2e

LOGIN = (
    "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }"
)


def _sign_in(http: httpx.Client, username: str) -> httpx.Client:
    body = http.post("/graphql", json={"query": LOGIN, "variables": {"u": username, "p": "demo"}})
    token = body.json()["data"]["login"]["token"]
    return httpx.Client(base_url=str(http.base_url), headers={"authorization": f"Bearer {token}"})


def test_the_demo_starts_from_nothing_and_serves_its_users_and_departments(
    tmp_path: Path,
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "demo.log"
    # given an empty folder, when the demo starts there
    with crossflow_process(["demo", "--port", str(port)], {}, tmp_path, log) as demo:
        seconds = wait_until_ready(base, demo, log)
        with httpx.Client(base_url=base) as http:
            # then GraphiQL is served to a browser
            page = http.get("/graphql", headers={"accept": "text/html"})
            assert page.status_code == 200 and "graphiql" in page.text.lower()
            # and demo users sign in and see the twelve departments
            for username, role in [
                ("admin", "ADMIN"),
                ("ceo", "EXECUTIVE"),
                ("market_head", "DEPT_HEAD"),
                ("legal_staff", "EMPLOYEE"),
            ]:
                with _sign_in(http, username) as user:
                    data = user.post(
                        "/graphql",
                        json={"query": "{ viewer { username role } departments { code } }"},
                    ).json()["data"]
                assert data["viewer"] == {"username": username, "role": role}
                assert len(data["departments"]) == 12
    output = log.read_text()
    assert "demo" in output and "http://127.0.0.1:" in output  # the password and address
    assert (tmp_path / "crossflow-data" / "crossflow.sqlite3").is_file()
    print(f"demo ready in {seconds:.2f} s")

    # when it starts again on the same folder, the data is kept, not loaded twice
    with crossflow_process(["demo", "--port", str(port)], {}, tmp_path, log) as demo:
        wait_until_ready(base, demo, log)
        with httpx.Client(base_url=base) as http, _sign_in(http, "admin") as admin:
            data = admin.post("/graphql", json={"query": "{ departments { code } }"}).json()
        assert len(data["data"]["departments"]) == 12
    assert "(existing)" in log.read_text()
