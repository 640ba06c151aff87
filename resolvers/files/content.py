"""What an upload's first bytes say it is, held against the type its name gives it.

Browsers declare ``application/octet-stream`` when the operating system has no mapping for
an extension (common for .csv, .docx and .xlsx on office PCs), so the declared type cannot
decide; the content does. ``filetype`` (magic numbers, no native dependency) recognises the
allow-list's binary formats, including which Office Open XML document a ZIP holds when its
entries are in the first bytes, as Office and openpyxl write them.
"""

from __future__ import annotations

import filetype

_OOXML = "application/vnd.openxmlformats-officedocument."
_ZIP = "application/zip"


def identified_type(head: bytes) -> str | None:
    """The MIME type the first bytes show, ``None`` for formats without magic (text)."""
    mime: str | None = filetype.guess_mime(head)
    return mime


def content_agrees(expected: str, head: bytes) -> bool:
    """Whether the content is not identified as something other than ``expected``.

    A ZIP whose document entries lie past the first bytes is only identified as a ZIP, so
    an Office Open XML name accepts it (its own sniff has checked the ZIP header), and a
    .zip may carry any ZIP-based document.
    """
    found = identified_type(head)
    if found is None or found == expected:
        return True
    if expected.startswith(_OOXML):
        return found == _ZIP
    if expected == _ZIP:
        return found.startswith(_OOXML)
    return False
