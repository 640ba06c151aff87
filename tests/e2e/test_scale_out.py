"""Scale-out: two servers, two workers and two schedulers on one PostgreSQL and one Redis.

A subscriber connected to server A hears about a notification caused through server B;
each warning found by the two schedulers' scans is recorded and delivered once.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
import websockets

from core import db
from core.settings import Mode, Settings, configure
from crossflow.demo import load_demo_data
from models import Alert, Delivery, Department, Notification
from models.enums import DeliveryStatus
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.support.receivers import smtp_server

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

LOGIN = 'mutation($u: String!) { login(input: {username: $u, password: "demo"}) { token } }'


async def _token(base: str, username: str) -> str:
    async with httpx.AsyncClient(base_url=base) as http:
        body = await http.post("/graphql", json={"query": LOGIN, "variables": {"u": username}})
        return str(body.json()["data"]["login"]["token"])


async def test_two_of_everything_deliver_once_and_push_across_replicas(
    postgres_url: str, redis_url: str, tmp_path: Path
) -> None:
    settings = configure(
        Settings(
            mode=Mode.DEMO,
            database_url=postgres_url,
            redis_url=redis_url,
            data_dir=tmp_path,
            secret_key="scale-out-key",
            _env_file=None,  # type: ignore[call-arg]
        )
    )
    await db.migrate(settings)
    async with db.orm(settings):
        await load_demo_data()
        finance = await Department.get(code="finance")
        design = await Department.get(code="design")
    with smtp_server() as (mailbox, smtp_port):
        env = {
            "CROSSFLOW_DATABASE_URL": postgres_url,
            "CROSSFLOW_REDIS_URL": redis_url,
            "CROSSFLOW_SECRET_KEY": "scale-out-key",
            "CROSSFLOW_MODE": "demo",
            "CROSSFLOW_DATA_DIR": str(tmp_path),
            "CROSSFLOW_SMTP_HOST": "127.0.0.1",
            "CROSSFLOW_SMTP_PORT": str(smtp_port),
            "CROSSFLOW_ALERTS_SCAN_MINUTES": "1",
        }
        ports = [free_port(), free_port()]
        a, b = (f"http://127.0.0.1:{port}" for port in ports)
        logs = tmp_path
        with (
            crossflow_process(
                ["serve", "--port", str(ports[0])], env, tmp_path, logs / "a.log"
            ) as sa,
            crossflow_process(
                ["serve", "--port", str(ports[1])], env, tmp_path, logs / "b.log"
            ) as sb,
            crossflow_process(["worker", "--threads", "2"], env, tmp_path, logs / "w1.log"),
            crossflow_process(["worker", "--threads", "2"], env, tmp_path, logs / "w2.log"),
            crossflow_process(["scheduler"], env, tmp_path, logs / "s1.log"),
            crossflow_process(["scheduler"], env, tmp_path, logs / "s2.log"),
        ):
            wait_until_ready(a, sa, logs / "a.log")
            wait_until_ready(b, sb, logs / "b.log")
            # given finance_head subscribed on server A
            head_token = await _token(a, "finance_head")
            socket = await websockets.connect(
                f"ws://127.0.0.1:{ports[0]}/graphql",
                subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
            )
            await socket.send(
                json.dumps(
                    {
                        "type": "connection_init",
                        "payload": {"Authorization": f"Bearer {head_token}"},
                    }
                )
            )
            assert json.loads(await socket.recv())["type"] == "connection_ack"
            await socket.send(
                json.dumps(
                    {
                        "id": "1",
                        "type": "subscribe",
                        "payload": {
                            "query": "subscription { notificationAdded { kind subjectCode } }"
                        },
                    }
                )
            )
            # when market_staff raises and submits a requirement through server B
            staff_token = await _token(b, "market_staff")
            async with httpx.AsyncClient(
                base_url=b, headers={"authorization": f"Bearer {staff_token}"}
            ) as http:
                from strawberry.relay import to_base64

                created = (
                    await http.post(
                        "/graphql",
                        json={
                            "query": (
                                "mutation($i: CreateRequirementInput!) "
                                "{ createRequirement(input: $i) { id code } }"
                            ),
                            "variables": {
                                "i": {
                                    "title": "跨副本推送测试需求",
                                    "background": "多副本推送测试",
                                    "goals": "另一副本的订阅者收到通知",
                                    "deliverables": "通知消息",
                                    "acceptanceCriteria": "跨副本送达",
                                    "involvedDepartmentIds": [
                                        to_base64("Department", finance.id),
                                        to_base64("Department", design.id),
                                    ],
                                }
                            },
                        },
                    )
                ).json()
                requirement = created["data"]["createRequirement"]
                await http.post(
                    "/graphql",
                    json={
                        "query": ("mutation($id: ID!) { submitRequirement(id: $id) { status } }"),
                        "variables": {"id": requirement["id"]},
                    },
                )
            # then the subscriber on A receives the review request
            try:
                while True:
                    message = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
                    pushed = message["payload"]["data"]["notificationAdded"]
                    if pushed["kind"] == "REVIEW_REQUESTED":
                        break
            finally:
                await socket.close()
            assert pushed["subjectCode"] == requirement["code"]
            # and the schedulers' scans (both fire at start) record and deliver each warning once
            deadline = time.monotonic() + 90
            async with db.orm(settings):
                while time.monotonic() < deadline:
                    alerts = await Alert.all().count()
                    busy = await Delivery.filter(
                        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
                    ).count()
                    if alerts and not busy:
                        break
                    await asyncio.sleep(0.5)
                keys = await Alert.all().values_list("dedup_key", flat=True)
                notified = await Notification.filter(dedup_key__isnull=False).values_list(
                    "dedup_key", flat=True
                )
                deliveries = await Delivery.all().values_list("status", flat=True)
    assert keys and len(keys) == len(set(keys))
    assert notified and len(notified) == len(set(notified))
    assert set(deliveries) == {DeliveryStatus.SENT}
    mails = Counter(message["message_id"] for message in mailbox.messages)
    assert len(mails) == len(deliveries) and set(mails.values()) == {1}
