"""Field types the generated pages lack: write-only secrets, and derived (computed) values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette_admin import PasswordField


@dataclass
class WriteOnlyField(PasswordField):
    """A password or secret: typed into the form, never rendered back, not even after a
    validation error, and never listed, shown or exported."""

    form_template: str = "crossflow/fields/write_only.html"
    exclude_from_list: bool | None = True
    exclude_from_detail: bool | None = True
    exclude_from_export: bool | None = True
    searchable: bool | None = False
    orderable: bool | None = False

    def __post_init__(self) -> None:
        super().__post_init__()
        self.getter = _nothing


def _nothing(request: Any, obj: Any) -> None:
    return None
