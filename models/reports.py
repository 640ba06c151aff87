"""Reports for management and BI: the stored monthly analysis and the saved report queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import TimestampedModel
from models.enums import AnalysisReportStatus

if TYPE_CHECKING:
    from models.users import User


class AnalysisReport(TimestampedModel):
    """The monthly Collaboration Analysis Report (协作分析报告), one row per month.

    Building the report again replaces the content of the same row. The HTML and the
    workbook live in the database rather than the data folder, so every server replica
    serves them without a shared disk.
    """

    #: The Beijing calendar month the report covers, as YYYY-MM.
    month = fields.CharField(max_length=7, unique=True)
    status = fields.CharEnumField(
        AnalysisReportStatus, max_length=16, default=AnalysisReportStatus.QUEUED
    )
    html = fields.TextField(default="")
    xlsx = fields.BinaryField(null=True)
    #: Headline numbers of the month, shown in lists without reading the documents.
    summary: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    #: Who asked for the latest build, empty when the monthly schedule did.
    requested_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="analysis_reports", null=True, on_delete=fields.SET_NULL
    )
    requested_at = fields.DatetimeField(null=True)
    generated_at = fields.DatetimeField(null=True)
    #: Why the latest build failed, empty after a successful one.
    error = fields.TextField(default="")

    requested_by_id: int | None

    class Meta:
        table = "analysis_report"
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"协作分析报告 {self.month}"


class SavedReport(TimestampedModel):
    """A named GraphQL query (a persisted query) that BI tools run by its name.

    Only documents saved here by the admin run through the report download route, and
    each run uses the permissions of the caller.
    """

    #: The slug in the download address, lower case letters, digits and hyphens.
    name = fields.CharField(max_length=64, unique=True)
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    document = fields.TextField()
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="saved_reports", null=True, on_delete=fields.SET_NULL
    )

    created_by_id: int | None

    class Meta:
        table = "saved_report"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.title} ({self.name})"
