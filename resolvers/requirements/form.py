"""The Requirement Form's standard fields (需求申请表), declared once.

Everything that lists the form's fields reads this table instead of writing them out: the
use case's form and its checks (``lifecycle.py``), what the heads sign (``signoff.py``),
the key points asked for at submission (``key_points.py``), the archive's record
(``resolvers/archives/archiving.py``), the GraphQL type and inputs
(``schema/requirements/form_fields.py`` adds the fields to them), the compiled read path
(``schema/compiled/fields.py``) and the panel's columns and labels (``admin_ui``).

To add a standard field: add a column to ``models.Requirement`` (and its migration), a row
here, and an attribute to :class:`lifecycle.RequirementForm`; a test checks that the form
and this table agree. The admin-defined fields (``resolvers/forms``) need none of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal


class Kind(Enum):
    """What a field holds; the API and the compiled read path type it from this."""

    TEXT = "text"
    DATE = "date"
    PRIORITY = "priority"


@dataclass(frozen=True)
class StandardField:
    """One field of the form and everything said about it."""

    #: The column of ``models.Requirement`` and the attribute of the use case's form.
    name: str
    kind: Kind
    label: str
    label_en: str
    #: What the ``Requirement`` type says of it.
    shown: str
    #: What the create inputs say of it (a field they declare themselves is not added).
    asked: str
    #: What ``UpdateRequirementInput`` says of it.
    changed: str
    #: The longest text accepted (the title has its own rule: 4 to 200 characters).
    limit: int | None = None
    #: Required before submission (明确需求背景、目标、交付物、验收标准).
    key_point: bool = False
    #: Part of what a head signs (the content hash): a change after a sign-off shows.
    signed: bool = True
    #: Kept in the archive's ``form`` section (the title is the archive's own).
    archived: bool = False

    @property
    def api_name(self) -> str:
        head, *rest = self.name.split("_")
        return head + "".join(part.title() for part in rest)

    @property
    def column_type(self) -> Literal["text", "date"]:
        """The compiled read path's type of the column (a priority is stored as text)."""
        return "date" if self.kind is Kind.DATE else "text"

    @property
    def long_text(self) -> bool:
        """A text with a length limit: too long for a list, shown on the detail page."""
        return self.kind is Kind.TEXT and self.limit is not None


FIELDS: tuple[StandardField, ...] = (
    StandardField(
        "title",
        Kind.TEXT,
        "需求名称",
        "Title",
        shown="Requirement name (需求名称)",
        asked="Concrete: 2024年Q3新品上市推广方案, not 做个推广",
        changed="A new name",
    ),
    StandardField(
        "background",
        Kind.TEXT,
        "需求背景",
        "Background",
        shown="Background (需求背景)",
        asked="Background (需求背景)",
        changed="A new background",
        limit=10_000,
        key_point=True,
        archived=True,
    ),
    StandardField(
        "goals",
        Kind.TEXT,
        "需求目标",
        "Goals",
        shown="Goals (需求目标)",
        asked="Goals (需求目标)",
        changed="New goals",
        limit=5_000,
        key_point=True,
        archived=True,
    ),
    StandardField(
        "deliverables",
        Kind.TEXT,
        "交付物",
        "Deliverables",
        shown="Expected deliverables (交付物)",
        asked="Deliverables (交付物)",
        changed="New deliverables",
        limit=5_000,
        key_point=True,
        archived=True,
    ),
    StandardField(
        "acceptance_criteria",
        Kind.TEXT,
        "验收标准",
        "Acceptance criteria",
        shown="Acceptance criteria (验收标准)",
        asked="Acceptance criteria (验收标准)",
        changed="New acceptance criteria",
        limit=5_000,
        key_point=True,
        archived=True,
    ),
    StandardField(
        "data_needs",
        Kind.TEXT,
        "数据需求清单",
        "Data needs",
        shown="Data needs list (数据需求清单)",
        asked="数据需求清单",
        changed="A new data needs list",
        limit=5_000,
        archived=True,
    ),
    StandardField(
        "contact",
        Kind.TEXT,
        "联系方式",
        "Contact",
        shown="How to reach the initiator (联系方式)",
        asked="Contact (联系方式)",
        changed="A new contact",
        limit=64,
        signed=False,
    ),
    StandardField(
        "expected_by",
        Kind.DATE,
        "期望完成时间",
        "Expected by",
        shown="Expected completion day (期望完成时间), YYYY-MM-DD",
        asked="Expected completion day (期望完成时间), YYYY-MM-DD",
        changed="A new expected completion day (YYYY-MM-DD)",
        archived=True,
    ),
    StandardField(
        "priority",
        Kind.PRIORITY,
        "优先级",
        "Priority",
        shown="NORMAL or URGENT (紧急)",
        asked="NORMAL or URGENT",
        changed="A new priority",
    ),
)

#: The fields' names in the form's order (the audit log's view of the form, too).
NAMES: tuple[str, ...] = tuple(field.name for field in FIELDS)
#: The longest text of each limited field.
TEXT_LIMITS: dict[str, int] = {f.name: f.limit for f in FIELDS if f.limit is not None}
#: What a head signs; ``contact`` is not part of the decision.
SIGNED: tuple[str, ...] = tuple(field.name for field in FIELDS if field.signed)
#: The key points, in the form's order.
KEY_POINTS: tuple[StandardField, ...] = tuple(field for field in FIELDS if field.key_point)
#: The long texts, which lists leave out.
LONG_TEXTS: tuple[str, ...] = tuple(field.name for field in FIELDS if field.long_text)
