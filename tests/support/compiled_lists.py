"""Files, versions and sign-offs in the demo, for the compiled path's equality tests.

The demo has review rounds and reviews but no attachments, and no review signed by a
delegate. These helpers add them directly in the tables (uploading and signing are tested
with their use cases), varied where the two read paths could drift: files of a
requirement and of its tasks, several versions, instants with and without microseconds, a
sign-off on behalf of a head and claimed tasks with characters JSON escapes.
"""

from __future__ import annotations

from datetime import timedelta

from core import clock
from models import Attachment, AttachmentVersion, Requirement, Review, ReviewRound, Task, User
from models.enums import ReviewDecision, RoundOutcome


async def attach_files() -> None:
    """Every requirement gets a file of its own with two versions, its first task a file
    with one; the second versions are dated to a whole second."""
    whole_second = clock.now().replace(microsecond=0) - timedelta(days=1)
    for requirement in await Requirement.all().order_by("id"):
        uploader = requirement.initiator_id
        own = await Attachment.create(
            requirement=requirement,
            file_name=f"需求说明-{requirement.code}.pdf",
            uploaded_by_id=uploader,
            current_version=2,
        )
        for number in (1, 2):
            version = await AttachmentVersion.create(
                attachment=own,
                number=number,
                sha256=f"{number:064d}",
                size=1024 * number,
                content_type="application/pdf",
                storage_path=f"files/{own.id}-{number}",
                change_note="" if number == 1 else '补充"预算"\n一节',
                uploaded_by_id=uploader,
            )
            if number == 2:
                await AttachmentVersion.filter(id=version.id).update(created_at=whole_second)
        task = await Task.filter(requirement_id=requirement.id).order_by("seq").first()
        if task is None:
            continue
        of_task = await Attachment.create(
            requirement=requirement,
            task=task,
            file_name="进度表.xlsx",
            uploaded_by_id=task.assignee_id or uploader,
        )
        await AttachmentVersion.create(
            attachment=of_task,
            number=1,
            sha256="f" * 64,
            size=77,
            content_type="application/vnd.ms-excel",
            storage_path=f"files/{of_task.id}-1",
            uploaded_by_id=of_task.uploaded_by_id,
        )


async def sign_on_behalf() -> None:
    """The first review signed by a delegate for a head, claiming a task with quotes and a
    backslash in its name."""
    review = await Review.all().order_by("id").first()
    assert review is not None, "the demo has reviews"
    delegate = await User.get(username="design_head")
    review.on_behalf_of_id = review.signed_by_id
    review.signed_by_id = delegate.id
    review.claimed_tasks = [*review.claimed_tasks, 'a "quoted" \\ task', "第二项"]
    await review.save(update_fields=["on_behalf_of_id", "signed_by_id", "claimed_tasks"])


async def round_with_review(requirement: Requirement) -> ReviewRound:
    """A decided review round of ``requirement`` with one approving sign-off (a round the
    demo may not have given it)."""
    number = 1 + await ReviewRound.filter(requirement_id=requirement.id).count()
    now = clock.now()
    round_ = await ReviewRound.create(
        requirement=requirement,
        number=number,
        outcome=RoundOutcome.APPROVED,
        opened_at=now - timedelta(hours=2),
        closed_at=now,
    )
    head = await User.get(username="admin")
    await Review.create(
        round=round_,
        requirement=requirement,
        department_id=requirement.initiating_department_id or head.department_id,
        decision=ReviewDecision.APPROVE,
        comment="同意",
        claimed_tasks=[],
        signed_by=head,
        signed_at=now,
        content_hash="0" * 64,
    )
    return round_
