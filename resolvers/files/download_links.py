"""Short-lived signed download links: a plain browser link opens a file, an invite, a report.

A browser following ``<a href>`` (or a phone opening a link from a chat) cannot add the
``Authorization`` header the download routes want, and a bearer token in a URL would sit in
logs and browser history for as long as it lives. A signed link instead names one download
address (path and query), the person it acts for and their token epoch, and lasts
``LINK_SECONDS``: the routes read the viewer from it and then apply that viewer's own rights,
so a link never opens more than its signer could. Signing out everywhere (a new token epoch)
or deactivation voids every link at once. The signature uses its own salt, so a link cannot
be replayed as a bearer token, nor a bearer token as a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from core import clock
from core.settings import Settings
from models import User
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput, Forbidden

#: How long a link opens its download: long enough to click, short enough to be worthless later.
LINK_SECONDS = 300
#: The query parameter carrying the signature.
PARAM = "sig"
#: The addresses a link may name: the plain HTTP downloads beside ``/graphql``.
PREFIXES = ("/files/", "/meetings/", "/reports/")
_MAX_PATH = 2000
_SALT = "crossflow.download-link"


@dataclass(frozen=True, slots=True)
class SignedLink:
    url: str
    expires_at: datetime


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key, salt=_SALT)


def canonical(path: str, query: list[tuple[str, str]]) -> str:
    """One spelling of an address: decoded path, parameters sorted, the signature left out.

    The signer and the route must agree on it however a browser re-encodes the URL.
    """
    kept = sorted((key, value) for key, value in query if key != PARAM)
    return f"{unquote(path)}?{urlencode(kept)}" if kept else unquote(path)


def _checked_address(address: str) -> tuple[str, list[tuple[str, str]]]:
    """A download address as its decoded path and parameters, or BAD_USER_INPUT on ``path``."""
    parts = urlsplit(address)
    if (
        len(address) > _MAX_PATH
        or parts.scheme
        or parts.netloc
        or parts.fragment
        or not parts.path.startswith(PREFIXES)
        or ".." in parts.path.split("/")
    ):
        raise BadUserInput(
            "下载地址无效，应以 /files/、/meetings/ 或 /reports/ 开头 (not a download address:"
            " it starts with /files/, /meetings/ or /reports/)",
            field="path",
        )
    query = parse_qsl(parts.query, keep_blank_values=True)
    return unquote(parts.path), sorted((key, value) for key, value in query if key != PARAM)


async def sign(settings: Settings, viewer: Viewer, address: str) -> SignedLink:
    """A link to ``address`` acting for ``viewer`` for ``LINK_SECONDS``.

    Only a person signs links: an API token is a program's, and a program sends the header.
    """
    if viewer.user_id is None or viewer.api_token_id is not None:
        raise Forbidden("API令牌请使用Authorization请求头下载 (API tokens send the header)")
    path, query = _checked_address(address)
    user = await User.get(id=viewer.user_id)
    claims = {"u": user.id, "e": user.token_epoch, "p": canonical(path, query)}
    signature = _serializer(settings).dumps(claims)
    return SignedLink(
        url=f"{quote(path, safe='/=')}?{urlencode([*query, (PARAM, signature)])}",
        expires_at=clock.now() + timedelta(seconds=LINK_SECONDS),
    )


async def viewer_for(
    settings: Settings, signature: str, path: str, query: list[tuple[str, str]]
) -> Viewer | None:
    """The person a link acts for, if it is genuine, unexpired and names this very address."""
    try:
        claims = _serializer(settings).loads(signature, max_age=LINK_SECONDS)
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(claims, dict) or claims.get("p") != canonical(path, query):
        return None
    user_id, epoch = claims.get("u"), claims.get("e")
    if not isinstance(user_id, int) or not isinstance(epoch, int):
        return None
    user = await User.get_or_none(id=user_id, is_active=True)
    if user is None or user.token_epoch != epoch:
        return None
    return Viewer.of_user(user)
