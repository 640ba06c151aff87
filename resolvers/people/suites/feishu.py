"""Feishu (Lark) adapter: contact v3 for the organisation, OAuth for sign-in.

Built on the documented APIs (open.feishu.cn/document; Lark is the same API at
open.larksuite.com), which could not be reached from here; its tests replay responses
shaped as the documentation shows them (README, "Chinese suites"):

- app token: ``POST /open-apis/auth/v3/tenant_access_token/internal`` with ``app_id`` and
  ``app_secret`` -> ``{"code": 0, "tenant_access_token", "expire"}`` (seconds, about 2 h);
- departments: ``GET /open-apis/contact/v3/departments/0/children?fetch_child=true`` with
  ``department_id_type=department_id``, paged by ``page_token`` / ``has_more``; each item
  has ``department_id``, ``parent_department_id``, ``name``, ``leader_user_id`` and
  ``status.is_deleted``;
- people: ``GET /open-apis/contact/v3/users/find_by_department?department_id=…`` per
  department (and the root ``0``), ``user_id_type=user_id``, paged the same way; each item
  has ``user_id``, ``name``, ``email`` / ``enterprise_email``, ``department_ids`` and
  ``status`` (``is_resigned``, ``is_frozen``);
- sign-in: the browser goes to ``accounts.feishu.cn/open-apis/authen/v1/authorize``; the
  code is traded at ``POST /open-apis/authen/v2/oauth/token`` (JSON, with the PKCE
  verifier) and the person read from ``GET /open-apis/authen/v1/user_info``.

Every answer is an envelope whose ``code`` is 0 on success; anything else raises
:class:`SuiteError` with Feishu's code and message.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

import httpx

from resolvers.access.sso_accounts import Claims
from resolvers.people.records import DepartmentRecord, PersonRecord, Snapshot
from resolvers.people.suites import SuiteError

ROOT = "0"
PAGE_SIZE = 50


class FeishuProvider:
    """One Feishu tenant's self-built app (企业自建应用), by its app id and secret."""

    name = "feishu"

    def __init__(
        self,
        app_id: str,
        app_secret: str,
        *,
        api_url: str = "https://open.feishu.cn",
        accounts_url: str = "https://accounts.feishu.cn",
        timeout: float = 10.0,
    ) -> None:
        self.app_id = app_id
        self._secret = app_secret
        self.api_url = api_url.rstrip("/")
        self.accounts_url = accounts_url.rstrip("/")
        self._timeout = timeout
        self._token: tuple[str, float] | None = None

    def _http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.api_url, timeout=self._timeout)

    @staticmethod
    def _data(response: httpx.Response) -> dict[str, Any]:
        """The envelope's body, or :class:`SuiteError` with Feishu's own code and message."""
        try:
            body = response.json()
        except ValueError:
            raise SuiteError(response.status_code, "not a JSON answer") from None
        if not isinstance(body, dict) or body.get("code") != 0:
            code = body.get("code", response.status_code) if isinstance(body, dict) else "?"
            message = body.get("msg", "") if isinstance(body, dict) else ""
            raise SuiteError(code, str(message))
        return body

    async def _tenant_token(self, http: httpx.AsyncClient) -> str:
        """The app's tenant_access_token, reused until five minutes before it expires."""
        if self._token is not None and self._token[1] > time.monotonic():
            return self._token[0]
        body = self._data(
            await http.post(
                "/open-apis/auth/v3/tenant_access_token/internal",
                json={"app_id": self.app_id, "app_secret": self._secret},
            )
        )
        token = str(body["tenant_access_token"])
        self._token = (token, time.monotonic() + max(int(body.get("expire", 0)) - 300, 0))
        return token

    async def _pages(
        self, http: httpx.AsyncClient, path: str, params: dict[str, str]
    ) -> list[dict[str, Any]]:
        """Every item of a paged contact listing (``has_more`` / ``page_token``)."""
        items: list[dict[str, Any]] = []
        page_token = ""
        while True:
            token = await self._tenant_token(http)
            query = {**params, "page_size": str(PAGE_SIZE)}
            if page_token:
                query["page_token"] = page_token
            data = self._data(
                await http.get(path, params=query, headers={"authorization": f"Bearer {token}"})
            ).get("data", {})
            items.extend(data.get("items") or [])
            page_token = str(data.get("page_token") or "")
            if not data.get("has_more") or not page_token:
                return items

    async def organisation(self) -> Snapshot:
        ids = {"department_id_type": "department_id", "user_id_type": "user_id"}
        async with self._http() as http:
            departments = [
                item
                for item in await self._pages(
                    http,
                    f"/open-apis/contact/v3/departments/{ROOT}/children",
                    {**ids, "fetch_child": "true"},
                )
                if not (item.get("status") or {}).get("is_deleted")
            ]
            people: dict[str, dict[str, Any]] = {}
            for department_id in [ROOT, *(str(d["department_id"]) for d in departments)]:
                for person in await self._pages(
                    http,
                    "/open-apis/contact/v3/users/find_by_department",
                    {**ids, "department_id": department_id},
                ):
                    people.setdefault(str(person.get("user_id", "")), person)
        return _snapshot(departments, list(people.values()))

    def authorization_url(self, *, redirect_uri: str, state: str, code_challenge: str) -> str:
        query = {
            "client_id": self.app_id,
            "redirect_uri": redirect_uri,
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        return f"{self.accounts_url}/open-apis/authen/v1/authorize?{urlencode(query)}"

    async def claims(self, *, code: str, redirect_uri: str, code_verifier: str) -> Claims:
        async with self._http() as http:
            token = self._data(
                await http.post(
                    "/open-apis/authen/v2/oauth/token",
                    json={
                        "grant_type": "authorization_code",
                        "client_id": self.app_id,
                        "client_secret": self._secret,
                        "code": code,
                        "redirect_uri": redirect_uri,
                        "code_verifier": code_verifier,
                    },
                )
            )
            access_token = token.get("access_token")
            if not isinstance(access_token, str) or not access_token:
                raise SuiteError(0, "the token answer carries no access_token")
            person = self._data(
                await http.get(
                    "/open-apis/authen/v1/user_info",
                    headers={"authorization": f"Bearer {access_token}"},
                )
            ).get("data")
        if not isinstance(person, dict):
            raise SuiteError(0, "user_info carries no data object")
        user_id = str(person.get("user_id") or "")
        return Claims(
            provider=self.name,
            subject=user_id or str(person.get("open_id") or ""),
            username=user_id,
            email=str(person.get("enterprise_email") or person.get("email") or ""),
            display_name=str(person.get("name") or user_id),
            # user_info names no department: the organisation sync brought the person in.
            department="",
        )


def _snapshot(departments: list[dict[str, Any]], people: list[dict[str, Any]]) -> Snapshot:
    """Feishu's departments and people as the reconciliation's records."""
    snapshot = Snapshot(present=set())
    known = {str(d["department_id"]) for d in departments}
    for item in departments:
        code = str(item["department_id"])
        parent = str(item.get("parent_department_id") or ROOT)
        snapshot.departments.append(
            DepartmentRecord(
                code=code,
                name=str(item.get("name") or code),
                key=str(item.get("open_department_id") or code),
                parent_code=parent if parent in known else None,
                where=f"department {code}",
            )
        )
        snapshot.heads[code] = str(item.get("leader_user_id") or "") or None
    for person in people:
        user_id = str(person.get("user_id") or "")
        if not user_id:
            snapshot.refusals.append((str(person.get("open_id", "?")), "no user_id"))
            continue
        status = person.get("status") or {}
        if status.get("is_resigned") or status.get("is_frozen"):
            continue  # not in ``present``: deactivated by the sync
        assert snapshot.present is not None
        snapshot.present.add(user_id)
        codes = [str(code) for code in person.get("department_ids") or [] if code in known]
        snapshot.people.append(
            PersonRecord(
                key=user_id,
                username=user_id,
                display_name=str(person.get("name") or user_id),
                email=str(person.get("enterprise_email") or person.get("email") or "") or None,
                department_code=codes[0] if codes else None,
                where=f"user {user_id}",
            )
        )
    return snapshot
