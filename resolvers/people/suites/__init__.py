"""Chinese collaboration suites (Feishu/Lark, DingTalk, WeCom): one provider interface.

A suite is two things to CrossFlow: the company's organisation (departments, people, each
department's head), read by the same reconciliation as an import file or an LDAP
directory (``resolvers/people/changes.py`` through ``resolvers/people/suite_sync.py``), and an OAuth
sign-in whose answer becomes the same :class:`~resolvers.access.sso_accounts.Claims` an OpenID
provider's does. An adapter implements :class:`SuiteProvider` on the suite's documented
HTTP APIs; ``feishu.py`` is the first. None of these services can be reached from the
test machines: their tests replay responses shaped as the documentation shows them.
"""

from __future__ import annotations

from typing import Protocol

from resolvers.access.sso_accounts import Claims
from resolvers.people.records import Snapshot


class SuiteError(Exception):
    """The suite answered with an error envelope (``code`` != 0) or not at all."""

    def __init__(self, code: int | str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


class SuiteProvider(Protocol):
    """What CrossFlow needs of a suite: its organisation, and who signed in."""

    #: Named in the audit log (``via``) and in sync reports: ``feishu``, ``dingtalk``, …
    name: str

    async def organisation(self) -> Snapshot:
        """Every department, person and head the app may see; a person who left or is
        frozen is left out of ``present`` so the sync deactivates them."""
        ...

    def authorization_url(self, *, redirect_uri: str, state: str, code_challenge: str) -> str:
        """Where to send the browser to sign in (PKCE with S256 where the suite has it)."""
        ...

    async def claims(self, *, code: str, redirect_uri: str, code_verifier: str) -> Claims:
        """Trade the callback's code for the person's identity."""
        ...
