"""Which suite this installation signs in with and syncs from (``CROSSFLOW_FEISHU_*``).

Kept apart from ``core.settings`` so a suite's settings live with its adapter; read
once per process like the rest (the server at start, the CLI per command).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.settings import Settings
from resolvers.people.suites import SuiteProvider
from resolvers.people.suites.feishu import FeishuProvider


class FeishuSettings(BaseSettings):
    """A Feishu (Lark) self-built app: unset ``app_id``, no Feishu."""

    model_config = SettingsConfigDict(
        env_prefix="CROSSFLOW_FEISHU_", env_file=".env", extra="ignore"
    )

    app_id: str = ""
    app_secret: str = ""
    #: Lark (international): https://open.larksuite.com and https://accounts.larksuite.com.
    api_url: str = "https://open.feishu.cn"
    accounts_url: str = "https://accounts.feishu.cn"
    timeout_seconds: float = Field(default=10.0, gt=0, le=120)


def configured_suite(feishu: FeishuSettings | None = None) -> SuiteProvider | None:
    """The suite configured for this process, if any."""
    feishu = feishu or FeishuSettings()
    if not (feishu.app_id and feishu.app_secret):
        return None
    return FeishuProvider(
        feishu.app_id,
        feishu.app_secret,
        api_url=feishu.api_url,
        accounts_url=feishu.accounts_url,
        timeout=feishu.timeout_seconds,
    )


def company_sign_in(settings: Settings) -> bool:
    """Whether the sign-in pages offer the company account (an OpenID provider or a suite)."""
    return settings.oidc_enabled or configured_suite() is not None
