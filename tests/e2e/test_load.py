"""Load: 50 simulated users with a realistic mix against a real server on PostgreSQL.

Board and task-list reads, progress updates hammering one task, comments, and reviews of one
requirement by every involved head at once — for ``CROSSFLOW_LOAD_SECONDS`` (10 in CI; the
documented full run is 60). Promises: no 5xx, every error coded, no lost update (each
accepted write is in the database), and the p99 latency recorded.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from strawberry.relay import to_base64

from core import db
from core.settings import Mode, Settings, configure
from crossflow.demo import load_demo_data
from models import (
    Comment,
    Department,
    ProgressUpdate,
    Requirement,
    RequirementDepartment,
    Review,
    ReviewRound,
    Task,
    User,
)
from models.enums import RequirementStatus
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

SECONDS = float(os.environ.get("CROSSFLOW_LOAD_SECONDS", "10"))
USERS = 50
LOGIN = 'mutation($u: String!) { login(input: {username: $u, password: "demo"}) { token } }'
BOARD = "query($id: ID!) { requirementBoard(requirementId: $id) { total delayed summary } }"
TASKS = """{ tasks(first: 20) { totalCount edges { node { code title progress isOverdue
  requirement { title } assignee { displayName department { name } } } } } }"""
PROGRESS = """mutation($id: ID!, $p: Int!) { reportProgress(input: {taskId: $id, percent: $p,
  summary: "负载测试进度更新"}) { progress } }"""
COMMENT = """mutation($id: ID!) { addComment(input: {taskId: $id, body: "负载测试评论"}) { id } }"""
REVIEW = """mutation($id: ID!) { reviewRequirement(input: {requirementId: $id, approve: true})
  { status } }"""


async def _prepare(settings: Settings) -> dict[str, Any]:
    await db.migrate(settings)
    async with db.orm(settings):
        await load_demo_data()
        q3 = await Requirement.get(title="2024年Q3新品上市推广方案")
        hot = await Task.get(requirement=q3, title="完成主视觉图初稿")
        initiator = await User.get(username="market_staff")
        reviewed = await Requirement.create(
            code="XQ209911001",
            title="负载测试：多部门同时审核",
            initiator=initiator,
            initiating_department_id=initiator.department_id,
            status=RequirementStatus.PENDING_REVIEW,
            current_round=1,
        )
        heads = []
        for code in ("design", "sales", "finance", "rnd", "tech", "it"):
            await RequirementDepartment.create(
                requirement=reviewed, department=await Department.get(code=code)
            )
            heads.append(f"{code}_head")
        from core import clock

        await ReviewRound.create(requirement=reviewed, number=1, opened_at=clock.now())
    return {
        "q3": to_base64("Requirement", q3.id),
        "hot": to_base64("Task", hot.id),
        "hot_pk": hot.id,
        "reviewed": to_base64("Requirement", reviewed.id),
        "reviewed_pk": reviewed.id,
        "heads": heads,
    }


async def test_fifty_users_for_a_while_no_5xx_and_no_lost_update(
    postgres_url: str, tmp_path: Path
) -> None:
    settings = configure(
        Settings(
            mode=Mode.DEMO,
            database_url=postgres_url,
            data_dir=tmp_path,
            secret_key="load-key",
            _env_file=None,
        )
    )  # type: ignore[call-arg]
    ids = await _prepare(settings)
    env = {
        "CROSSFLOW_DATABASE_URL": postgres_url,
        "CROSSFLOW_SECRET_KEY": "load-key",
        "CROSSFLOW_MODE": "demo",
        "CROSSFLOW_DATA_DIR": str(tmp_path),
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    latencies: list[float] = []
    outcomes: Counter[str] = Counter()
    accepted = Counter[str]()
    with crossflow_process(["serve", "--port", str(port)], env, tmp_path, tmp_path / "s.log") as s:
        wait_until_ready(base, s, tmp_path / "s.log")
        limits = httpx.Limits(max_connections=USERS)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:

            async def token(username: str) -> str:
                body = (
                    await http.post("/graphql", json={"query": LOGIN, "variables": {"u": username}})
                ).json()
                return str(body["data"]["login"]["token"])

            readers = ["market_staff", "sales_staff", "finance_head", "design_head", "ceo"]
            tokens = {u: await token(u) for u in {*readers, "design_staff", *ids["heads"]}}

            async def call(username: str, kind: str, query: str, variables: dict[str, Any]) -> None:
                started = time.perf_counter()
                response = await http.post(
                    "/graphql",
                    json={"query": query, "variables": variables},
                    headers={"authorization": f"Bearer {tokens[username]}"},
                )
                latencies.append(time.perf_counter() - started)
                assert response.status_code < 500, response.text[:300]
                body = response.json()
                if body.get("errors"):
                    code = body["errors"][0].get("extensions", {}).get("code")
                    assert code, body
                    outcomes[f"{kind}:{code}"] += 1
                else:
                    outcomes[f"{kind}:OK"] += 1
                    accepted[kind] += 1

            async def user(number: int) -> None:
                rng = random.Random(number)
                if number < len(ids["heads"]):  # the heads all review at the same moment
                    await call(ids["heads"][number], "review", REVIEW, {"id": ids["reviewed"]})
                deadline = time.monotonic() + SECONDS
                while time.monotonic() < deadline:
                    roll = rng.random()
                    if roll < 0.35:
                        await call(rng.choice(readers), "board", BOARD, {"id": ids["q3"]})
                    elif roll < 0.70:
                        await call(rng.choice(readers), "tasks", TASKS, {})
                    elif roll < 0.85:
                        await call(
                            "design_staff",
                            "progress",
                            PROGRESS,
                            {"id": ids["hot"], "p": rng.randrange(100)},
                        )
                    else:
                        await call(rng.choice(readers[:4]), "comment", COMMENT, {"id": ids["hot"]})

            await asyncio.gather(*(user(n) for n in range(USERS)))
    async with db.orm(settings):
        progress_rows = await ProgressUpdate.filter(
            task_id=ids["hot_pk"], summary="负载测试进度更新"
        ).count()
        comment_rows = await Comment.filter(task_id=ids["hot_pk"], body="负载测试评论").count()
        reviews = await Review.filter(requirement_id=ids["reviewed_pk"]).count()
        status = (await Requirement.get(id=ids["reviewed_pk"])).status
    # no lost update: every accepted write is there, and no more
    assert progress_rows == accepted["progress"] > 0
    assert comment_rows == accepted["comment"] > 0
    assert reviews == accepted["review"] == len(ids["heads"])
    assert status == RequirementStatus.APPROVED
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    report = (
        f"{len(latencies)} requests in {SECONDS:.0f} s by {USERS} users "
        f"({len(latencies) / SECONDS:.0f}/s): p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms;"
        f" outcomes {dict(outcomes)}"
    )
    (tmp_path / "load.txt").write_text(report)
    print(report)
