"""Empty relations in the panel's lists and detail pages show a quiet dash, not "-null-".

starlette-admin renders a null value with ``fields/detail/_null.html`` ("-null-") and an
empty to-many relation with ``_empty.html`` ("-empty-"); admin_ui/templates overrides both.
"""

from __future__ import annotations

import re

from models import User, WebhookChannel
from tests.admin_ui.conftest import Panel

DASH = "—"


def cell(html: str, pk: int, column: str) -> str:
    """The text of one list cell: the ``column`` cell of the row of record ``pk``."""
    marker = f'data-sa-pk="{pk}"'
    rows = [row for row in re.findall(r"<tr\b.*?</tr>", html, re.S) if marker in row]
    assert len(rows) == 1, f"expected one row of {pk}, found {len(rows)}"
    found = re.search(rf'<td data-column="{column}"[^>]*>(.*?)</td>', rows[0], re.S)
    assert found, f"the row has no {column} column"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


async def test_a_user_without_a_department_shows_a_dash(admin_panel: Panel) -> None:
    # given a user whose department is left empty (the demo's CEO)
    user = await User.get(username="ceo")
    assert user.department_id is None
    # when the admin opens the users' list and the user's detail page
    listing = await admin_panel.get("/admin/user/list?q=ceo")
    detail = await admin_panel.get(f"/admin/user/detail?pk={user.id}")
    # then the empty department is a dash, and "-null-" appears nowhere
    assert listing.status_code == 200 and detail.status_code == 200
    assert cell(listing.text, user.id, "department") == DASH
    assert "-null-" not in listing.text and "-null-" not in detail.text


async def test_a_channel_for_no_department_shows_a_dash(admin_panel: Panel) -> None:
    # given a webhook channel that names no department
    channel = await WebhookChannel.create(name="全员群", url="https://hooks.example/all")
    # when the admin opens the channels' list
    listing = await admin_panel.get("/admin/webhook-channel/list")
    # then its departments are a dash, not "-empty-"
    assert listing.status_code == 200
    assert cell(listing.text, channel.id, "departments") == DASH
    assert "-empty-" not in listing.text and "-null-" not in listing.text
