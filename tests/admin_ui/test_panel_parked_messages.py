"""Parked background messages in the panel: listed for the admin, put back by a use case."""

from __future__ import annotations

import pytest
from tortoise.context import TortoiseContext

from core import outbox
from core.outbox_message import OutboxMessage, OutboxStatus
from models import AuditEntry, User
from resolvers.access.auth import Viewer
from resolvers.errors import DomainError
from resolvers.notifications.parked import retry_parked
from tests.admin_ui.conftest import Panel

BASE = "/admin/parked-message"


@pytest.fixture(autouse=True)
def _relay_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message put back waits in line until a relay runs (none runs in these tests)."""
    monkeypatch.setattr(outbox, "kick", lambda: None)


async def parked(error: str = "ActorNotFound: deliver_fax") -> OutboxMessage:
    return await OutboxMessage.create(
        actor="deliver_fax", args=[4242], status=OutboxStatus.PARKED, attempts=8, last_error=error
    )


async def test_the_admin_sees_parked_messages_and_puts_one_back(admin_panel: Panel) -> None:
    # given a parked message and a pending one
    message = await parked()
    await OutboxMessage.create(actor="push_notifications", args=[[1]], last_error="still-pending")
    # when the admin opens the page of parked messages
    page = await admin_panel.get(f"{BASE}/list")
    # then it lists the parked one with its error, in Chinese, and not the pending one
    assert page.status_code == 200, page.text
    assert "搁置的后台消息" in page.text and "最后的错误" in page.text
    assert "ActorNotFound: deliver_fax" in page.text and "still-pending" not in page.text
    # and in English once the admin switches
    admin_panel.http.cookies.set("language", "en")
    english = await admin_panel.get(f"{BASE}/list")
    assert "Parked messages" in english.text and "Last error" in english.text
    # when the admin retries it
    response = await admin_panel.action("parked-message", "retry", [message.id], row=True)
    # then it is back in line with a fresh count, audited once, by the use case
    assert response.status_code == 200, response.text
    back = await OutboxMessage.get(id=message.id)
    assert (back.status, back.attempts, back.next_attempt_at) == (OutboxStatus.PENDING, 0, None)
    entry = await AuditEntry.get(subject_type="OutboxMessage", subject_id=message.id)
    assert entry.action == "outbox.retry"
    assert (entry.from_state, entry.to_state, entry.via) == ("PARKED", "PENDING", "admin")
    assert entry.before == {
        "actor": "deliver_fax",
        "attempts": 8,
        "last_error": "ActorNotFound: deliver_fax",
    }
    # and the page no longer lists it; retrying it again is refused and changes nothing
    assert "deliver_fax" not in (await admin_panel.get(f"{BASE}/list")).text
    again = await admin_panel.action("parked-message", "retry", [message.id], row=True)
    assert again.status_code == 400
    assert await AuditEntry.filter(action="outbox.retry").count() == 1


@pytest.mark.parametrize("username", ["design_head", "ceo", "market_staff"])
async def test_only_an_admin_may_put_a_parked_message_back(
    db: TortoiseContext, demo: None, username: str
) -> None:
    # given a parked message
    message = await parked()
    # when someone other than an admin calls the use case
    viewer = Viewer.of_user(await User.get(username=username))
    with pytest.raises(DomainError) as refused:
        await retry_parked(viewer, message.id)
    # then it is refused as forbidden, the message stays parked and nothing is audited
    assert refused.value.code == "FORBIDDEN"
    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.PARKED
    assert not await AuditEntry.filter(action="outbox.retry").exists()


async def test_a_visitor_cannot_see_or_retry_parked_messages(panel: Panel, demo: None) -> None:
    message = await parked()
    listing = await panel.get(f"{BASE}/list")
    retry = await panel.action("parked-message", "retry", [message.id], row=True)
    for response in (listing, retry):
        assert response.status_code == 303
        assert "/admin/login" in response.headers["location"]
    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.PARKED
