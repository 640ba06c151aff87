"""Content-addressed file storage under ``<data_dir>/files`` for uploaded attachments.

A file lives at ``files/<sha256[:2]>/<sha256>``: the same content uploaded twice (another
version, another requirement) is stored once, and a stored file is never rewritten, so a
half-written file can never be served. Uploads are first staged in ``files/.tmp`` (same
file system, so the final ``os.replace`` is atomic) while they are hashed, measured and cut
off at the size limit; only a staged file that the use case accepts is committed.

Every instance of the server must see the same ``data_dir`` (a shared volume when scaled
out), as they all see the same database.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK_BYTES = 1024 * 1024
#: How much of the beginning is kept for content sniffing (magic numbers, text checks).
HEAD_BYTES = 8192
_STORAGE_PATH = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{64}$")


class FileTooLarge(ValueError):
    """The upload went past the size limit; nothing was kept."""


@dataclass(frozen=True)
class StagedFile:
    """An upload written to a temporary file, not yet part of the store."""

    temp_path: Path
    sha256: str
    size: int
    head: bytes

    @property
    def storage_path(self) -> str:
        """The path relative to the store that this content will have once committed."""
        return f"{self.sha256[:2]}/{self.sha256}"


class FileStore:
    """The folder of stored files; its methods do blocking I/O (call them in a thread)."""

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / "files"
        self._tmp = self.root / ".tmp"

    def stage(self, source: BinaryIO, max_bytes: int) -> StagedFile:
        """Copy ``source`` in chunks to a temporary file, hashing it on the way.

        Stops reading as soon as more than ``max_bytes`` arrived (``FileTooLarge``), so an
        oversized upload costs at most the limit in disk and time.
        """
        self._tmp.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        head = b""
        size = 0
        fd, name = tempfile.mkstemp(dir=self._tmp, prefix="upload-")
        temp_path = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := source.read(CHUNK_BYTES):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileTooLarge(f"larger than {max_bytes} bytes")
                    if len(head) < HEAD_BYTES:
                        head += chunk[: HEAD_BYTES - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            temp_path.unlink(missing_ok=True)
            raise
        return StagedFile(temp_path, digest.hexdigest(), size, head)

    def commit(self, staged: StagedFile) -> str:
        """Move a staged file to its content address; returns the stored path.

        When the content is already stored the staged copy is dropped (deduplication);
        concurrent commits of the same content both succeed, as the rename is atomic.
        Reusing a stored file touches it: retention (``crossflow/retention.py``) deletes
        only files untouched for a grace period, and moves a file away before it looks
        again, so a touch that finds the file gone stores this copy instead.
        """
        target = self.root / staged.storage_path
        if target.exists():
            try:
                os.utime(target)
            except FileNotFoundError:
                pass  # retention took it away just now: store this copy below
            else:
                self.discard(staged)
                return staged.storage_path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.temp_path, target)
        _fsync_dir(target.parent)
        return staged.storage_path

    def discard(self, staged: StagedFile) -> None:
        """Forget a staged upload (refused, or its transaction failed)."""
        staged.temp_path.unlink(missing_ok=True)

    def path_of(self, storage_path: str) -> Path:
        """The file of a stored path; refuses anything but ``<2 hex>/<64 hex>``.

        The check keeps a tampered database row from pointing outside the store.
        """
        if not _STORAGE_PATH.match(storage_path):
            raise ValueError(f"not a storage path: {storage_path!r}")
        return self.root / storage_path


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
