"""The report figures kept ahead of time: snapshots of per-day cells, refreshed by the worker.

Every built-in report (``resolvers/reports/aggregates.py``) groups rows by department and
filters them by a period of whole Beijing days and by the departments a viewer may read. A
snapshot stores each report once, already grouped by Beijing day × department (× status,
kind or the other department), so any viewer's answer for any period is a sum over a few
thousand small rows instead of an aggregation over every task
(``resolvers/reports/snapshots.py`` fills them, ``resolvers/reports/cells.py`` reads them).
"""

from __future__ import annotations

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class ReportSnapshot(Model):
    """One refresh of every report's cells, as of one instant.

    The two newest snapshots are kept, so a reader that looked up the newest one just
    before a refresh committed still finds its cells.
    """

    id = fields.IntField(primary_key=True)
    #: The instant the figures describe: the data committed then, and "now" for overdue.
    refreshed_at = fields.DatetimeField()
    #: How long the refresh took, for the operators.
    took_ms = fields.IntField(default=0)

    class Meta:
        table = "report_snapshot"

    def __str__(self) -> str:
        return f"报表快照 {self.refreshed_at:%Y-%m-%d %H:%M:%S}"


class ReportCell(Model):
    """One report's figures for one Beijing day and department (and label, peer).

    The counters mean, per report: ``requirements`` raised, completed; ``tasks_by_status``
    count; ``overdue`` tasks due, overdue, completed late, completed on time; the four lead
    times count and ``seconds`` (the summed durations); ``collaboration`` requests,
    answered, open, ``seconds`` to answer; ``feedback`` items. Departments are plain ids
    (the report joins the department for its current code and name).
    """

    id = fields.BigIntField(primary_key=True)
    snapshot: fields.ForeignKeyRelation[ReportSnapshot] = fields.ForeignKeyField(
        "models.ReportSnapshot", related_name="cells", on_delete=fields.CASCADE
    )
    #: Which report the cell belongs to (``resolvers/reports/snapshots.py``).
    report = fields.CharField(max_length=32)
    #: The Beijing date of the instant the report filters its period on.
    day = fields.DateField()
    #: The report's department (the asking one for collaboration, none if the row has none).
    department_id = fields.IntField(null=True)
    #: The addressed department of a collaboration request.
    peer_department_id = fields.IntField(null=True)
    #: The task status or feedback kind the cell counts, empty for the other reports.
    label = fields.CharField(max_length=16, default="")
    count = fields.BigIntField(default=0)
    count_2 = fields.BigIntField(default=0)
    count_3 = fields.BigIntField(default=0)
    count_4 = fields.BigIntField(default=0)
    seconds = fields.DecimalField(max_digits=24, decimal_places=6, default=0)

    snapshot_id: int

    class Meta:
        table = "report_cell"
        indexes = [Index(fields=["snapshot_id", "report", "day"])]

    def __str__(self) -> str:
        return f"{self.report} {self.day} {self.department_id}"
