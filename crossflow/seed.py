"""A large realistic dataset for benchmarks (``crossflow seed --tasks N``), loaded with COPY.

At N=200,000: 12 departments growing towards 50, 5,000 users, 20,000 requirements,
200,000 tasks and 500,000 comments. Deadlines spread over months, so that only a small,
controlled share of tasks is due at any moment (``due_soon`` of them within a day).
PostgreSQL only: a benchmark dataset belongs where production data lives.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import asyncpg
from rich.progress import Progress

from core import clock
from core.security import hash_password
from crossflow.demo_people import DEPARTMENTS

CHUNK = 20_000


def _departments(count: int) -> list[tuple[str, str, str]]:
    base = [(code, name, en) for code, name, en, *_ in DEPARTMENTS]
    extra = [(f"unit{n:02d}", f"业务{n:02d}部", f"Unit {n:02d}") for n in range(len(base), count)]
    return base + extra


async def seed(
    dsn: str,
    tasks: int,
    due_soon: int = 2_000,
    *,
    comments_per_task: float = 2.5,
    seed_value: int = 7,
) -> dict[str, int]:
    """Fill an empty, migrated PostgreSQL database; returns the row counts."""
    rng = random.Random(seed_value)
    now = clock.now()
    departments = _departments(min(50, 12 + tasks // 20_000))
    users = max(50, min(5_000, tasks // 40))
    requirements = max(10, tasks // 10)
    comments = int(tasks * comments_per_task)
    connection = await asyncpg.connect(dsn.replace("postgres://", "postgresql://", 1))
    try:
        with Progress() as progress:
            await _copy(
                connection,
                progress,
                "department",
                ["code", "name", "name_en", "is_active", "sort_order", "created_at", "updated_at"],
                len(departments),
                lambda i: (*departments[i], True, i, now, now),
            )
            password = hash_password("bench-password")
            await _copy(
                connection,
                progress,
                "user",
                [
                    "username",
                    "display_name",
                    "email",
                    "phone",
                    "role",
                    "department_id",
                    "password_hash",
                    "is_active",
                    "language",
                    "token_epoch",
                    "created_at",
                    "updated_at",
                ],
                users,
                lambda i: (
                    f"user{i:05d}",
                    f"员工{i:05d}",
                    f"user{i:05d}@bench.example",
                    "",
                    "DEPT_HEAD" if i < len(departments) else "EMPLOYEE",
                    i % len(departments) + 1,
                    password,
                    True,
                    "zh",
                    0,
                    now,
                    now,
                ),
            )
            await _copy(
                connection,
                progress,
                "department_head",
                ["department_id", "user_id", "created_at", "updated_at"],
                len(departments),
                lambda i: (i + 1, i + 1, now, now),
            )
            await _copy(
                connection,
                progress,
                "requirement",
                [
                    "code",
                    "title",
                    "background",
                    "goals",
                    "deliverables",
                    "acceptance_criteria",
                    "data_needs",
                    "contact",
                    "priority",
                    "status",
                    "initiator_id",
                    "initiating_department_id",
                    "current_round",
                    "version",
                    "custom_fields",
                    "created_at",
                    "updated_at",
                ],
                requirements,
                lambda i: (
                    f"XQ2026{i:07d}",
                    f"需求{i:07d}：跨部门协作事项",
                    "背景",
                    "目标",
                    "交付物",
                    "验收标准",
                    "",
                    "",
                    "NORMAL",
                    "IN_PROGRESS",
                    i % users + 1,
                    i % len(departments) + 1,
                    1,
                    1,
                    "{}",
                    now,
                    now,
                ),
            )
            await _copy(
                connection,
                progress,
                "requirement_department",
                [
                    "requirement_id",
                    "department_id",
                    "is_lead",
                    "contribution",
                    "created_at",
                    "updated_at",
                ],
                requirements * 2,
                lambda i: (
                    i // 2 + 1,
                    (i // 2 + i % 2) % len(departments) + 1,
                    i % 2 == 0,
                    "",
                    now,
                    now,
                ),
            )
            await _copy(
                connection,
                progress,
                "task",
                [
                    "code",
                    "requirement_id",
                    "seq",
                    "title",
                    "description",
                    "executing_department_id",
                    "assignee_id",
                    "deadline",
                    "priority",
                    "status",
                    "progress",
                    "acceptance_criteria",
                    "remarks",
                    "last_progress_at",
                    "started_at",
                    "deadline_instance",
                    "version",
                    "created_at",
                    "updated_at",
                ],
                tasks,
                lambda i: _task_row(
                    i, rng, now, requirements, users, len(departments), tasks, due_soon
                ),
            )
            await _copy(
                connection,
                progress,
                "comment",
                ["task_id", "author_id", "body", "created_at", "updated_at"],
                comments,
                lambda i: (
                    rng.randrange(tasks) + 1,
                    rng.randrange(users) + 1,
                    "进展顺利，已同步相关部门",
                    now,
                    now,
                ),
            )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    return {
        "departments": len(departments),
        "users": users,
        "requirements": requirements,
        "tasks": tasks,
        "comments": comments,
    }


def _task_row(
    i: int,
    rng: random.Random,
    now: datetime,
    requirements: int,
    users: int,
    departments: int,
    tasks: int,
    due_soon: int,
) -> tuple[Any, ...]:
    requirement = i % requirements + 1
    if i < due_soon:  # due within a day (but more than 6 hours away): "due soon" only
        deadline = now + timedelta(hours=12 + 11 * i / max(1, due_soon))
    else:  # 20 to 200 days away: not due
        deadline = now + timedelta(days=20 + rng.random() * 180)
    return (
        f"RW2026{requirement:07d}-{i // requirements + 1:02d}",
        requirement,
        i // requirements + 1,
        f"任务{i:07d}",
        "",
        i % departments + 1,
        i % users + 1,
        deadline,
        "NORMAL",
        "IN_PROGRESS",
        rng.randrange(100),
        "",
        "",
        now - timedelta(hours=2),
        now - timedelta(days=3),
        0,
        1,
        now,
        now,
    )


async def _copy(
    connection: asyncpg.Connection,
    progress: Progress,
    table: str,
    columns: list[str],
    count: int,
    row: Callable[[int], tuple[Any, ...]],
) -> None:
    step = progress.add_task(f"{table:<24}", total=count)
    for chunk in _chunks(count):
        await connection.copy_records_to_table(
            table, records=[row(i) for i in chunk], columns=columns
        )
        progress.advance(step, len(chunk))


def _chunks(count: int) -> Iterator[range]:
    for start in range(0, count, CHUNK):
        yield range(start, min(count, start + CHUNK))
