"""Small forms inside action dialogs (issue a token, reschedule a task), in the page's language.

starlette-admin posts an action dialog's ``<form>`` with the action; these helpers write
that HTML with every label and value escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from admin_ui.i18n import pick


def group(control_id: str, zh: str, en: str, control: str) -> str:
    """A labelled control; ``control`` is trusted HTML built by the caller with escaping."""
    label = f'<label class="form-label" for="{control_id}">{escape(pick(zh, en))}</label>'
    return f'<div class="mt-3">{label}{control}</div>'


def text_input(
    control_id: str, name: str, placeholder: tuple[str, str] | None = None, **attrs: str
) -> str:
    hint = f' placeholder="{escape(pick(*placeholder))}"' if placeholder else ""
    extra = "".join(f' {key.replace("_", "-")}="{escape(value)}"' for key, value in attrs.items())
    return f'<input class="form-control" id="{control_id}" name="{name}"{hint}{extra}>'


def text_area(control_id: str, name: str, placeholder: tuple[str, str]) -> str:
    return (
        f'<textarea class="form-control" id="{control_id}" name="{name}" rows="2"'
        f' placeholder="{escape(pick(*placeholder))}"></textarea>'
    )


def select(control_id: str, name: str, options: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options
    )
    return f'<select class="form-select" id="{control_id}" name="{name}">{items}</select>'


def dialog_form(*groups: str) -> Markup:
    return Markup("<form>" + "".join(groups) + "</form>")
