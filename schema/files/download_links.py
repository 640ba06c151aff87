"""``signDownloadLink``: a short-lived URL a plain link opens (``resolvers/download_links``)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from resolvers.files import download_links
from schema.access.permissions import CanWrite
from schema.base import Info


@strawberry.type(
    name="DownloadLink",
    description="A URL that opens one download without the Authorization header, for a few minutes",
)
class DownloadLinkType:
    url: str = strawberry.field(
        description="The download's address with its signature (relative to this server); it"
        " acts for you and only for this address"
    )
    expires_at: datetime = strawberry.field(description="When the link stops opening, UTC")


@strawberry.type
class DownloadLinkMutations:
    @strawberry.mutation(
        description=(
            "Sign a download address (an Attachment version's downloadUrl, a Meeting's icsUrl,"
            f" a /reports/… address) for {download_links.LINK_SECONDS // 60} minutes, so a"
            " browser opens it from a plain link. The link carries your rights, not more:"
            " an object you may not read stays NOT_FOUND. Signing out everywhere voids it."
            " Errors: UNAUTHENTICATED; FORBIDDEN (an API token: send the header instead);"
            " BAD_USER_INPUT (not a download address)"
        ),
        permission_classes=[CanWrite],
    )
    async def sign_download_link(
        self,
        info: Info,
        path: Annotated[
            str,
            strawberry.argument(
                description="The address to open, e.g. /files/<id> or"
                " /reports/tasks.csv?month=2026-07"
            ),
        ],
    ) -> DownloadLinkType:
        link = await download_links.sign(info.context.settings, info.context.require_viewer(), path)
        return DownloadLinkType(url=link.url, expires_at=link.expires_at)
