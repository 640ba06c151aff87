"""Attachments (附件) with a version history: the same name again is a new version.

"Truthful, complete information; attachments carry a version history with change notes"
(the source's rules of collaboration): a participant uploads a file to a requirement or one
of its tasks; uploading a file of the same name there again adds a version with a change
note instead of a second, confusable file. Only a closed list of document and image types
is accepted, checked against the declared type (unless the browser did not know it) and
the first bytes of the content.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.transactions import in_transaction

from core.files import FileStore, FileTooLarge, StagedFile
from core.settings import Settings
from models import Attachment, AttachmentVersion, Requirement, Task
from models.enums import RequirementStatus
from resolvers import audit
from resolvers.access import policy
from resolvers.access.auth import Viewer
from resolvers.errors import BadUserInput
from resolvers.files.content import content_agrees
from resolvers.workflow import ensure_state, ensure_writable, load_visible

NOTE_LIMIT = 2_000
NAME_LIMIT = 200
#: Every state but CANCELLED (nothing more to add) and ARCHIVED (read-only, FORBIDDEN).
UPLOAD_STATES = tuple(s for s in RequirementStatus if s is not RequirementStatus.CANCELLED)


class UploadedFile(Protocol):
    """What an upload offers (starlette's ``UploadFile`` from the multipart request)."""

    filename: str | None
    content_type: str | None
    file: BinaryIO


def _starts(*magics: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magics)


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _text(head: bytes) -> bool:
    """Plain text has no NUL bytes, unless it is UTF-16 with its byte-order mark."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head


_ZIP = _starts(b"PK\x03\x04", b"PK\x05\x06")
_OLE2 = _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # legacy Office (doc, xls, ppt)
_OOXML = "application/vnd.openxmlformats-officedocument."


@dataclass(frozen=True)
class FileKind:
    """An accepted file type: what is stored and served, what a client may declare."""

    content_type: str
    declared: frozenset[str]
    sniff: Callable[[bytes], bool]


def _kind(content_type: str, sniff: Callable[[bytes], bool], *aliases: str) -> FileKind:
    return FileKind(content_type, frozenset((content_type, *aliases)), sniff)


#: What browsers declare when the OS has no mapping for the extension (or nothing at all):
#: the content alone then decides (``resolvers/files/content.py``).
UNKNOWN_TYPES = ("", "application/octet-stream")


#: The allow-list, by lower-case extension.
KINDS: dict[str, FileKind] = {
    ".pdf": _kind("application/pdf", _starts(b"%PDF-"), "application/x-pdf"),
    ".png": _kind("image/png", _starts(b"\x89PNG\r\n\x1a\n")),
    ".jpg": _kind("image/jpeg", _starts(b"\xff\xd8\xff"), "image/pjpeg"),
    ".jpeg": _kind("image/jpeg", _starts(b"\xff\xd8\xff"), "image/pjpeg"),
    ".gif": _kind("image/gif", _starts(b"GIF87a", b"GIF89a")),
    ".webp": _kind("image/webp", _webp),
    ".docx": _kind(_OOXML + "wordprocessingml.document", _ZIP),
    ".xlsx": _kind(_OOXML + "spreadsheetml.sheet", _ZIP),
    ".pptx": _kind(_OOXML + "presentationml.presentation", _ZIP),
    ".doc": _kind("application/msword", _OLE2),
    ".xls": _kind("application/vnd.ms-excel", _OLE2),
    ".ppt": _kind("application/vnd.ms-powerpoint", _OLE2),
    ".zip": _kind("application/zip", _ZIP, "application/x-zip-compressed", "application/x-zip"),
    ".csv": _kind(
        "text/csv",
        _text,
        "text/plain",
        "application/csv",
        "text/x-csv",
        "text/comma-separated-values",
        "application/vnd.ms-excel",  # what Windows browsers declare for .csv
    ),
    ".txt": _kind("text/plain", _text),
}

_UNSAFE = re.compile(r'[<>:"|?*]')  # reserved on Windows, where files get saved


def clean_file_name(raw: str | None) -> str:
    """The last path segment of the client's name, without control or reserved characters.

    Browsers on Windows may send ``C:\\Users\\…\\file.pdf``; names are NFC-normalised so the
    same name typed on two systems matches for versioning; bidi overrides are removed so a
    name cannot disguise its extension.
    """
    name = unicodedata.normalize("NFC", raw or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" .")
    if len(name) > NAME_LIMIT:
        stem, dot, ext = name.rpartition(".")
        name = stem[: NAME_LIMIT - len(ext) - 1] + dot + ext if dot else name[:NAME_LIMIT]
    if not name:
        raise BadUserInput("文件名无效 (the file has no usable name)", field="file")
    return name


def file_kind(file_name: str, declared: str | None) -> FileKind:
    """The accepted kind of a file by its name, if the declared type agrees with it."""
    kind = KINDS.get(Path(file_name).suffix.lower())
    if kind is None:
        raise BadUserInput(
            "不支持的文件类型 (only pdf, Office documents, images, csv, txt and zip)",
            field="file",
        )
    content_type = (declared or "").split(";")[0].strip().lower()
    if content_type not in kind.declared and content_type not in UNKNOWN_TYPES:
        raise BadUserInput(
            f"文件类型{content_type or '(未声明)'}与文件名不符 (declared type does not match)",
            field="file",
        )
    return kind


@dataclass
class UploadInput:
    file: UploadedFile
    requirement_id: int
    task_id: int | None = None
    note: str = ""


async def _target(
    viewer: Viewer,
    requirement_id: int,
    task_id: int | None,
    conn: BaseDBAsyncClient,
    *,
    lock: bool,
) -> Requirement:
    """The requirement (and task) the file goes to, if the viewer may add files there."""
    requirement = await load_visible(Requirement, viewer, requirement_id, conn, lock=lock)
    await policy.require_participant(viewer, requirement.id)
    ensure_writable(requirement)
    ensure_state(requirement, UPLOAD_STATES, "uploadAttachment")
    if task_id is not None:
        task = await Task.filter(id=task_id, requirement_id=requirement.id).using_db(conn).first()
        if task is None:
            raise BadUserInput(
                "任务不属于该需求 (no such task on this requirement)", field="taskId"
            )
    return requirement


async def upload_attachment(viewer: Viewer, data: UploadInput, settings: Settings) -> Attachment:
    """Store an uploaded file as a new attachment, or as the next version of a same-named one.

    The checks run once before the bytes are copied, so a stranger gets ``NOT_FOUND`` (not
    a complaint about their file) at no cost, and again under the requirement's row lock in
    the transaction, which also serialises concurrent uploads of the same name (one gets
    version 2, the other 3).
    """
    policy.require_writer(viewer)
    await _target(viewer, data.requirement_id, data.task_id, get_connection("default"), lock=False)
    file_name = clean_file_name(data.file.filename)
    kind = file_kind(file_name, data.file.content_type)
    note = data.note.strip()
    if len(note) > NOTE_LIMIT:
        raise BadUserInput(f"变更说明过长 (at most {NOTE_LIMIT} characters)", field="note")
    store = FileStore(settings.data_dir)
    staged = await _stage(store, data.file, settings.upload_max_bytes)
    try:
        if staged.size == 0:
            raise BadUserInput("文件为空 (the file is empty)", field="file")
        if not kind.sniff(staged.head) or not content_agrees(kind.content_type, staged.head):
            raise BadUserInput(
                "文件内容与类型不符 (the content is not what the name says)", field="file"
            )
        async with in_transaction() as conn:
            requirement = await _target(viewer, data.requirement_id, data.task_id, conn, lock=True)
            attachment = await _store_version(
                viewer, requirement, data.task_id, file_name, kind, note, staged, store, conn
            )
    finally:
        await asyncio.to_thread(store.discard, staged)  # a no-op once committed
    return attachment


async def _stage(store: FileStore, upload: UploadedFile, max_bytes: int) -> StagedFile:
    """Hash and copy the upload off the event loop; over the limit nothing is kept."""
    try:
        upload.file.seek(0)
        return await asyncio.to_thread(store.stage, upload.file, max_bytes)
    except FileTooLarge as exc:
        raise BadUserInput(
            f"文件超过大小限制 (larger than {max_bytes} bytes)", field="file", maxBytes=max_bytes
        ) from exc


async def _store_version(
    viewer: Viewer,
    requirement: Requirement,
    task_id: int | None,
    file_name: str,
    kind: FileKind,
    note: str,
    staged: StagedFile,
    store: FileStore,
    conn: BaseDBAsyncClient,
) -> Attachment:
    """Commit the bytes, then the rows: a failed transaction leaves at worst an unused blob,
    never a version whose file is missing."""
    assert viewer.user_id is not None
    storage_path = await asyncio.to_thread(store.commit, staged)
    attachment = (
        await Attachment.filter(requirement_id=requirement.id, task_id=task_id, file_name=file_name)
        .using_db(conn)
        .order_by("id")
        .first()
    )
    if attachment is None:
        attachment = await Attachment.create(
            requirement_id=requirement.id,
            task_id=task_id,
            file_name=file_name,
            uploaded_by_id=viewer.user_id,
            current_version=1,
            using_db=conn,
        )
    else:
        attachment.current_version += 1
        await attachment.save(using_db=conn, update_fields=["current_version", "updated_at"])
    version = await AttachmentVersion.create(
        attachment_id=attachment.id,
        number=attachment.current_version,
        sha256=staged.sha256,
        size=staged.size,
        content_type=kind.content_type,
        storage_path=storage_path,
        change_note=note,
        uploaded_by_id=viewer.user_id,
        using_db=conn,
    )
    await audit.record(
        viewer,
        "attachment.upload",
        "Attachment",
        attachment.id,
        subject_code=requirement.code,
        note=note,
        after={
            "fileName": file_name,
            "taskId": task_id,
            "version": version.number,
            "sha256": staged.sha256,
            "size": staged.size,
            "contentType": kind.content_type,
        },
        using_db=conn,
    )
    return attachment


@dataclass(frozen=True)
class StoredVersion:
    """A version the viewer may download: its row, its attachment's name, its file."""

    version: AttachmentVersion
    file_name: str
    path: Path


async def stored_version(viewer: Viewer, version_id: int, settings: Settings) -> StoredVersion:
    """The file of an attachment version, if the viewer may read its requirement.

    BI tokens read attachments' metadata but never their bytes (``policy.require_file_reader``).
    """
    policy.require_file_reader(viewer)
    conn = get_connection("default")
    version = await load_visible(AttachmentVersion, viewer, version_id, conn)
    attachment = await Attachment.get(id=version.attachment_id, using_db=conn)
    path = FileStore(settings.data_dir).path_of(version.storage_path)
    return StoredVersion(version, attachment.file_name, path)
