"""Sending on outside channels: e-mail over SMTP and webhooks (generic, Feishu/Lark,
DingTalk, WeCom group bots).

A :class:`PermanentFailure` will not get better by retrying (a rejected address, a 4xx from
a webhook); anything else is transient and the actor retries it with backoff.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse
from email.message import EmailMessage
from enum import StrEnum
from typing import Any

import aiosmtplib
import httpx

from core.settings import Settings


class WebhookFormat(StrEnum):
    GENERIC = "GENERIC"
    FEISHU = "FEISHU"
    DINGTALK = "DINGTALK"
    WECOM = "WECOM"


class PermanentFailure(Exception):
    """The channel refused the message for good: do not retry."""


async def send_email(settings: Settings, to: str, subject: str, body: str, message_id: str) -> None:
    """Send one plain-text mail; ``message_id`` is stable per delivery, for the audit trail."""
    if not settings.smtp_host:
        raise PermanentFailure("no SMTP server configured (CROSSFLOW_SMTP_HOST)")
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message.set_content(body)
    try:
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password,
            start_tls=settings.smtp_starttls,
            timeout=settings.delivery_timeout_seconds,
        )
    except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPSenderRefused) as exc:
        raise PermanentFailure(str(exc)) from exc
    except aiosmtplib.SMTPResponseException as exc:
        if 500 <= exc.code < 600:
            raise PermanentFailure(str(exc)) from exc
        raise


def webhook_request(
    kind: WebhookFormat, url: str, secret: str, title: str, body: str, extra: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The URL and JSON body a group bot of ``kind`` expects for a text message."""
    text = f"{title}\n{body}"
    if kind is WebhookFormat.FEISHU:
        payload: dict[str, Any] = {"msg_type": "text", "content": {"text": text}}
        if secret:
            timestamp = str(int(time.time()))
            payload |= {"timestamp": timestamp, "sign": _feishu_sign(timestamp, secret)}
        return url, payload
    if kind is WebhookFormat.DINGTALK:
        if secret:
            timestamp = str(int(time.time() * 1000))
            query = urllib.parse.urlencode(
                {"timestamp": timestamp, "sign": _dingtalk_sign(timestamp, secret)}
            )
            url = f"{url}{'&' if '?' in url else '?'}{query}"
        return url, {"msgtype": "text", "text": {"content": text}}
    if kind is WebhookFormat.WECOM:
        return url, {"msgtype": "text", "text": {"content": text}}
    return url, {"event": "crossflow.alert", "title": title, "body": body, **extra}


def _feishu_sign(timestamp: str, secret: str) -> str:
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def _dingtalk_sign(timestamp: str, secret: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256)
    return base64.b64encode(digest.digest()).decode()


async def post_webhook(url: str, payload: dict[str, Any], timeout_seconds: float) -> None:
    """POST the JSON; a 4xx (but 408/429) is permanent, a 5xx or network error transient."""
    async with httpx.AsyncClient(timeout=timeout_seconds) as client:
        response = await client.post(url, json=payload)
    if response.status_code < 300:
        return
    if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
        raise PermanentFailure(f"webhook answered {response.status_code}")
    raise ConnectionError(f"webhook answered {response.status_code}")
