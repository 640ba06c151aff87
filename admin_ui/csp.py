"""The admin panel's pages under the Content-Security-Policy (``core/http_security.py``).

starlette-admin's templates carry inline scripts whose text changes per page (the list's
URLs, the record's key), so they cannot be allowed by hash: each ``<script>`` tag of the
templates' *source* gets ``nonce="{{ csp_nonce() }}"`` when Jinja loads it. Only template
source is rewritten, never rendered output: user text is escaped into the page after this
step and can never receive the nonce. ``admin_ui/templates/base.html`` drops the core
template's web-font import from rsms.me, which the policy (and an offline server) refuses.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from jinja2.ext import Extension
from starlette_admin.contrib.tortoise import Admin

from core.http_security import csp_nonce

#: A ``<script`` tag that has no nonce yet.
SCRIPT_TAG = re.compile(r"<script\b(?![^>]*\bnonce=)", re.IGNORECASE)

NONCE_ATTRIBUTE = '<script nonce="{{ csp_nonce() }}"'


class NonceScripts(Extension):
    """Adds the request's CSP nonce to every ``<script>`` tag of a template's source."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return SCRIPT_TAG.sub(NONCE_ATTRIBUTE, source)


def install(admin: Admin) -> None:
    """Make ``admin``'s templates carry the nonce (before any of them is rendered)."""
    env: Environment = admin.templates.env
    env.globals["csp_nonce"] = csp_nonce
    env.add_extension(NonceScripts)
