"""The compiled path's descriptions of sign-off types: submitted results and their
acceptance (验收), and the signers added (加签) and seats handed over (转交) in a review
round or an acceptance. Part of ``SOURCES`` (``fields.py``, whose note on scope holds here).

Two tables back each of ``AddedSigner`` (``round_signer``, ``result_signer``) and
``ReviewHandover`` (``review_handover``, ``result_handover``), with the same columns: the
relation that lists them names its table (``ToMany.model``); the type's own model here is
the review round's. No level's scope is implied: each is joined in from ``scope_of``, as
the generic loaders apply it, so the rows listed are exactly theirs.

``ResultSignoff.department`` reads the seat (``dept:<id>``, null for the initiator's), and
``TaskResult.files`` lists the pinned versions whose version and file the viewer may read,
each as a ``ResultFile`` (``result_files`` in ``schema/requirements/signoff.py``).
"""

from __future__ import annotations

from models import (
    ResultHandover,
    ResultSigner,
    ResultSignoff,
    ResultVersion,
    ReviewHandover,
    RoundSigner,
    TaskResult,
)
from schema.compiled.kinds import (
    ObjectSource,
    PinnedFileName,
    PinnedFiles,
    Superseded,
    ToMany,
    ToOne,
)
from schema.compiled.kinds import columns as _columns

SIGNOFF_SOURCES: dict[str, ObjectSource] = {
    "TaskResult": ObjectSource(
        TaskResult,
        {
            **_columns(
                id="id",
                note="text",
                decision="text",
                decidedAt="datetime",
                decisionComment="text",
                createdAt="datetime",
            ),
            "submittedBy": ToOne("User", "submitted_by_id"),
            "decidedBy": ToOne("User", "decided_by_id"),
            "task": ToOne("Task", "task_id"),
            "files": PinnedFiles(),
            "signoffs": ToMany("ResultSignoff", "result_id"),
            "addedSigners": ToMany("AddedSigner", "result_id", model=ResultSigner),
            "handovers": ToMany("ReviewHandover", "result_id", model=ResultHandover),
        },
    ),
    "ResultSignoff": ObjectSource(
        ResultSignoff,
        {
            **_columns(decision="text", comment="text", signedAt="datetime"),
            "department": ToOne("Department", "seat", prefix="dept:"),
            "signedBy": ToOne("User", "signed_by_id"),
            "onBehalfOf": ToOne("User", "on_behalf_of_id"),
        },
    ),
    "ResultFile": ObjectSource(
        ResultVersion,  # a pinned version, with its version and file (PinnedFiles)
        {
            "fileName": PinnedFileName(),
            "superseded": Superseded(),
            "version": ToOne("AttachmentVersion", "version_id"),
        },
    ),
    "AddedSigner": ObjectSource(
        RoundSigner,
        {
            **_columns(createdAt="datetime"),
            "department": ToOne("Department", "department_id"),
            "addedBy": ToOne("User", "added_by_id"),
        },
    ),
    "ReviewHandover": ObjectSource(
        ReviewHandover,
        {
            **_columns(createdAt="datetime"),
            "department": ToOne("Department", "department_id"),
            "fromUser": ToOne("User", "from_user_id"),
            "toUser": ToOne("User", "to_user_id"),
            "head": ToOne("User", "head_id"),
        },
    ),
}
