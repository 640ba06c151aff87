"""A worker killed (SIGKILL) in the middle of a delivery batch loses nothing and sends
nothing twice, on real PostgreSQL and Redis with a real SMTP server."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from dramatiq.brokers.redis import RedisBroker

from core import broker as broker_module
from core import clock, db, outbox
from core.settings import Mode, Settings, configure
from crossflow.demo import load_demo_data
from models import Delivery, Department, Notification, Requirement, Task, User
from models.enums import DeliveryStatus, Priority, RequirementStatus, TaskStatus
from resolvers.alerts.scan import scan
from tests.e2e.processes import crossflow_process, signal_group
from tests.support.receivers import Mailbox, smtp_server

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

TASKS = 30


class GatedMailbox(Mailbox):
    """Accepts ``open_for`` messages, then holds every new one at RCPT until released."""

    def __init__(self, open_for: int) -> None:
        super().__init__()
        self.open_for = open_for
        self.gate = threading.Event()
        self.waiting = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        await asyncio.sleep(0.02)
        if len(self.messages) >= self.open_for and not self.gate.is_set():
            self.waiting += 1
            while not self.gate.is_set():  # noqa: ASYNC110 (set from the test's thread)
                await asyncio.sleep(0.01)
        return await super().handle_RCPT(server, session, envelope, address, options)


async def _due_soon_tasks(count: int) -> None:
    staff = await User.filter(username__endswith="_staff").order_by("id")
    design = await Department.get(code="design")
    requirement = await Requirement.create(
        code="XQ209912001",
        title="崩溃测试",
        initiator=staff[0],
        initiating_department_id=staff[0].department_id,
        status=RequirementStatus.IN_PROGRESS,
    )
    for n in range(count):
        await Task.create(
            code=f"RW209912001-{n + 1:02d}",
            seq=n + 1,
            requirement=requirement,
            title=f"任务{n + 1}",
            executing_department=design,
            assignee=staff[n % len(staff)],
            deadline=clock.now() + timedelta(hours=12),
            priority=Priority.NORMAL,
            status=TaskStatus.IN_PROGRESS,
            last_progress_at=clock.now(),
        )


async def test_a_killed_worker_leaves_every_notification_and_email_exactly_once(
    postgres_url: str, redis_url: str, tmp_path: Path
) -> None:
    settings = configure(
        Settings(
            mode=Mode.DEMO,
            database_url=postgres_url,
            redis_url=redis_url,
            data_dir=tmp_path,
            secret_key="crash-test-key",
            _env_file=None,  # type: ignore[call-arg]
        )
    )
    await db.migrate(settings)
    mailbox = GatedMailbox(open_for=15)
    with smtp_server(mailbox) as (_, smtp_port):
        settings.smtp_host, settings.smtp_port = "127.0.0.1", smtp_port  # e-mail is on
        env = {
            "CROSSFLOW_DATABASE_URL": postgres_url,
            "CROSSFLOW_REDIS_URL": redis_url,
            "CROSSFLOW_SECRET_KEY": "crash-test-key",
            "CROSSFLOW_DATA_DIR": str(tmp_path),
            "CROSSFLOW_SMTP_HOST": "127.0.0.1",
            "CROSSFLOW_SMTP_PORT": str(smtp_port),
            "CROSSFLOW_DELIVERY_TIMEOUT_SECONDS": "2",
            "CROSSFLOW_BROKER_HEARTBEAT_SECONDS": "3",
            "CROSSFLOW_BROKER_MAINTENANCE_CHANCE": "1000000",
        }
        async with db.orm(settings):
            # given thirty tasks due soon: a scan stages 90 notifications and 90 e-mails
            await load_demo_data()
            await _due_soon_tasks(TASKS)
            report = await scan(settings)
            emails = report.deliveries  # the demo's own due tasks add a few
            assert report.recorded >= TASKS and emails >= TASKS * 3
            broker_module.install(RedisBroker(url=redis_url))
            import workers  # noqa: F401

            await outbox.relay_all()
            args = ["worker", "--processes", "1", "--threads", "2"]
            with crossflow_process(args, env, tmp_path, tmp_path / "worker1.log") as worker:
                # when the worker is killed while deliveries are in flight
                deadline = time.monotonic() + 60
                while mailbox.waiting < 1 and time.monotonic() < deadline:  # noqa: ASYNC110
                    await asyncio.sleep(0.05)  # (the SMTP server runs in another thread)
                assert mailbox.waiting >= 1, (tmp_path / "worker1.log").read_text()
                signal_group(worker, signal.SIGKILL)
                worker.wait(timeout=10)
            mailbox.gate.set()
            accepted_before_restart = len(mailbox.messages)
            # and a new worker starts
            with crossflow_process(args, env, tmp_path, tmp_path / "worker2.log"):
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline:
                    if not await Delivery.exclude(status=DeliveryStatus.SENT).exists():
                        break
                    await asyncio.sleep(0.25)
                pending = await Delivery.exclude(status=DeliveryStatus.SENT).count()
            # then every e-mail reached the SMTP server exactly once
            assert pending == 0, (tmp_path / "worker2.log").read_text()[-3000:]
            assert accepted_before_restart < emails
            ids = Counter(message["message_id"] for message in mailbox.messages)
            assert len(ids) == emails and set(ids.values()) == {1}
            # and every notification exists exactly once
            keys = await Notification.filter(dedup_key__startswith="DUE_SOON:").values_list(
                "dedup_key", flat=True
            )
            assert len(keys) >= TASKS * 3 and len(keys) == len(set(keys))
            assert await Notification.filter(dedup_key__isnull=False).count() == (
                report.notifications
            )
