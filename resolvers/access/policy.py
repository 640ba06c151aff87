"""Who may do what, and who must be told: every permission rule of the platform, here.

The schema declares on each mutation which rule applies (``schema/access/permissions.py``); the use
cases call the object-level checks below with the object at hand. A denial is ``FORBIDDEN``;
an object the viewer may not even read is ``NOT_FOUND`` (``resolvers/access/scope.py``).
Who is told of a thing is answered by the same functions as who may act on it, so a person
is never asked to do what they may not do, nor left untold of what they may.

Index, question by question:

- Gates by role, or by the person an object names, written in ``gates.py`` and answered
  from here: may this person write at all (``require_writer``), read the inbox, files,
  reports, the analysis (``require_inbox_owner``, ``require_person``,
  ``require_file_reader``, ``report_departments``, ``require_analysis_reader``), design
  forms and templates (``require_admin``, ``require_form_designer``,
  ``require_template_editor``, ``lists_disabled_templates``), act as the initiator,
  assignee or minutes taker (``require_initiator``, ``require_initiator_or_admin``,
  ``require_assignee``, ``require_minutes_taker``)?
- Does this person take part in a requirement, or answer for the department asked for
  help? ``is_participant``, ``require_participant``, ``require_addressed_department``.
- Who acts as a department's head now (the head, or an active delegate 代理审批), and who
  hears what the head hears? ``heads_and_delegates`` (the one definition, in bulk),
  ``head_ids``, ``head_authority``; whom a head may name: ``may_stand_in_for``.
- Which departments review (all but the lead)? ``reviewing_links``, ``reviewing_department_ids``.
- Who may approve a review? ``review_authorities`` (a round's departments, handed-over
  reviews 转交 included), built on ``reviewer_authorities`` (head or delegate of a reviewing
  department, never as a delegate on one's own requirement).
- Who sits in the acceptance group (验收小组), who may decide (added signers 加签 and
  handed-over seats 转交 included), who is told and finds it on their to-do list?
  ``acceptance_group_department_ids``, ``acceptance_seats``, ``acceptance_group_ids`` (the
  last two built on ``seats.acceptance_seat_map``, the one definition of a submission's seats).
- Who may comment, and whom may a comment @mention? ``require_commenter``, ``may_be_mentioned``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from core import clock
from core.fact_statement import FactStatement
from core.queries import int_column
from models import (
    Mention,
    Requirement,
    ReviewHandover,
    ReviewRound,
    User,
)
from models.enums import Role
from resolvers.access.acting import group_of
from resolvers.access.auth import Viewer
from resolvers.access.gates import lists_disabled_templates as lists_disabled_templates
from resolvers.access.gates import report_departments as report_departments
from resolvers.access.gates import (
    require_addressed_department as require_addressed_department,
)
from resolvers.access.gates import require_admin as require_admin
from resolvers.access.gates import require_analysis_reader as require_analysis_reader
from resolvers.access.gates import require_assignee as require_assignee
from resolvers.access.gates import require_file_reader as require_file_reader
from resolvers.access.gates import require_form_designer as require_form_designer
from resolvers.access.gates import require_inbox_owner as require_inbox_owner
from resolvers.access.gates import require_initiator as require_initiator
from resolvers.access.gates import require_initiator_or_admin as require_initiator_or_admin
from resolvers.access.gates import require_minutes_taker as require_minutes_taker
from resolvers.access.gates import require_person as require_person
from resolvers.access.gates import require_template_editor as require_template_editor
from resolvers.access.gates import require_writer as require_writer
from resolvers.access.head_facts import add_head_facts, add_naming_facts
from resolvers.access.scope import participation
from resolvers.access.seats import acceptance_seat_map
from resolvers.access.seats import reviewing_links as reviewing_links
from resolvers.errors import Forbidden


async def require_participant(viewer: Viewer, requirement_id: int) -> None:
    """Initiator, involved departments' members, assignees, assisting departments' members.

    ADMIN and EXECUTIVE read everything but take part only where they are participants;
    the admin may still act as admin where a rule says so.
    """
    if not await is_participant(viewer, requirement_id):
        raise Forbidden("仅需求参与人可执行此操作 (only participants may do this)")


async def is_participant(viewer: Viewer, requirement_id: int) -> bool:
    participant = Viewer(
        user_id=viewer.user_id,
        role=Role.EMPLOYEE,
        department_id=viewer.department_id,
        username=viewer.username,
    )
    return await Requirement.filter(participation(participant), id=requirement_id).exists()


@dataclass(frozen=True)
class HeadAuthority:
    """The right to act as a department's head: as the head, or as their active delegate."""

    department_id: int
    head_user_id: int
    on_behalf_of_id: int | None  # the head, when a delegate acts


async def _may_name(
    pairs: Collection[tuple[int, int]], conn: BaseDBAsyncClient | None = None
) -> set[tuple[int, int]]:
    """The (head, delegate) pairs of ``pairs`` where the head may name the delegate
    (:func:`acting.may_name`, over the people's rows, read in one statement)."""
    people = sorted({person for pair in pairs for person in pair})
    if not people:
        return set()
    statement = FactStatement()
    facts = add_naming_facts(statement, [people], conn)
    return facts.allowed(await statement.read(), set(pairs))


async def may_stand_in_for(head_id: int, delegate_id: int) -> bool:
    """Whom a head may name as delegate (checked when naming and again at every act)."""
    return bool(await _may_name([(head_id, delegate_id)]))


async def heads_and_delegates(
    department_ids: Iterable[int], conn: BaseDBAsyncClient | None = None, at: datetime | None = None
) -> dict[int, list[int]]:
    """Who acts as each department's head at ``at`` (now): the head, then the head's delegates.

    The one answer to "head or active delegate" (代理审批), for acting and for being told:
    the head must be active; a delegate must be active, their delegation running and still
    someone the head may name (:func:`may_stand_in_for`). Read at the moment of acting, not
    when a token was issued. A department without an active head is absent.
    """
    wanted = list(department_ids)
    if not wanted:
        return {}
    statement = FactStatement()
    facts = add_head_facts(statement, Q(department_id__in=wanted), at or clock.now(), conn)
    return facts.acting(await statement.read())


async def head_ids(
    department_ids: Iterable[int], conn: BaseDBAsyncClient | None = None
) -> list[int]:
    """The people acting as these departments' heads now (heads, then delegates), once each."""
    found = await heads_and_delegates(department_ids, conn)
    return list(dict.fromkeys(user for users in found.values() for user in users))


def _authority(viewer: Viewer, department_id: int, acting: list[int]) -> HeadAuthority | None:
    """The viewer's authority over a department whose acting people are ``acting``."""
    if viewer.user_id is None or viewer.user_id not in acting:
        return None
    head = acting[0]
    return HeadAuthority(department_id, head, None if viewer.user_id == head else head)


async def head_authority(viewer: Viewer, department_id: int) -> HeadAuthority | None:
    """Whether the viewer heads ``department_id`` now, or stands in for its head (代理审批),
    as :func:`heads_and_delegates` says."""
    acting = await heads_and_delegates([department_id])
    return _authority(viewer, department_id, acting.get(department_id, []))


async def reviewing_department_ids(
    requirement_id: int, conn: BaseDBAsyncClient | None = None
) -> list[int]:
    """The departments asked to review the requirement (:func:`reviewing_links`)."""
    links = reviewing_links(requirement_id=requirement_id).using_db(conn)
    return await int_column(links, "department_id")


async def reviewer_authorities(
    viewer: Viewer, requirement: Requirement, departments: Collection[int] | None = None
) -> list[HeadAuthority]:
    """The reviewing departments (or those of ``departments``) the viewer may sign for, as
    head or delegate.

    Never as a delegate on a requirement the viewer raised: the initiator would approve
    their own requirement on the head's behalf. The refusal names that rule.
    """
    involved = departments
    if involved is None:
        involved = await reviewing_department_ids(requirement.id)
    acting = await heads_and_delegates(involved)
    found = [_authority(viewer, dept, acting.get(dept, [])) for dept in involved]
    authorities = [authority for authority in found if authority is not None]
    if viewer.user_id != requirement.initiator_id:
        return authorities
    own = [authority for authority in authorities if authority.on_behalf_of_id is None]
    if authorities and not own:
        raise Forbidden(
            "发起人不能代理审核或验收自己的需求 (the initiator cannot sign their own"
            " requirement on a head's behalf)"
        )
    return own


async def handover(
    round_id: int, department_id: int, conn: BaseDBAsyncClient | None = None
) -> ReviewHandover | None:
    """The latest handing-over (转交) of the department's review in the round, if any."""
    return (
        await ReviewHandover.filter(round_id=round_id, department_id=department_id)
        .using_db(conn)
        .order_by("-id")
        .first()
    )


async def review_authorities(
    viewer: Viewer,
    requirement: Requirement,
    round_: ReviewRound,
    departments: Collection[int],
    conn: BaseDBAsyncClient,
) -> list[HeadAuthority]:
    """Who may approve a review: the departments of ``departments`` (those the round asks,
    ``signoff_rounds.round_signers``) the viewer may sign for in this round.

    A handed-over review is signed by the person it was handed to, on behalf of the head,
    and by nobody else (it left the head's hands). Otherwise the head or their delegate
    signs, as :func:`reviewer_authorities` says.
    """
    found: list[HeadAuthority] = []
    ordinary: list[int] = []
    for department_id in sorted(departments):
        given = await handover(round_.id, department_id, conn)
        if given is None:
            ordinary.append(department_id)
        elif (
            given.to_user_id == viewer.user_id
            and await User.filter(id=given.to_user_id, is_active=True).using_db(conn).exists()
        ):
            found.append(HeadAuthority(department_id, given.head_id, given.head_id))
    if ordinary:
        found += await reviewer_authorities(viewer, requirement, ordinary)
    if viewer.user_id == requirement.initiator_id and any(a.on_behalf_of_id for a in found):
        raise Forbidden(
            "发起人不能代理审核自己的需求 (the initiator cannot sign their own requirement on"
            " a head's behalf)"
        )
    return found


INITIATOR_SEAT = "initiator"


def department_seat(department_id: int) -> str:
    """The acceptance group seat of a reviewing department (its head's, or a delegate's)."""
    return f"dept:{department_id}"


async def acceptance_group_department_ids(requirement: Requirement) -> list[int]:
    """The departments whose heads sit in the acceptance group (验收小组): those that
    reviewed the requirement, not the lead (the initiator sits for it).

    Before any submission exists; once one does, its seats (added and handed-over ones
    included) are ``seats.acceptance_seat_map``'s, drawn from the same departments.
    """
    return await reviewing_department_ids(requirement.id)


async def acceptance_group_ids(
    result_ids: Collection[int],
    conn: BaseDBAsyncClient | None = None,
    at: datetime | None = None,
) -> dict[int, list[int]]:
    """Who holds a seat in each submission's acceptance group at ``at``, to be told and to
    find it on their to-do list: the initiator, whoever acts as head
    (:func:`heads_and_delegates`) of each department seat not handed over, and the active
    receiver of each handed-over one.
    Built, like :func:`acceptance_seats`, on ``seats.acceptance_seat_map``."""
    seats = await acceptance_seat_map(result_ids, conn)
    heads = await heads_and_delegates({d for s in seats.values() for d in s.headed}, conn, at)
    return {result_id: group_of(seat, heads) for result_id, seat in seats.items()}


async def acceptance_seats(
    viewer: Viewer, requirement: Requirement, result_id: int | None = None
) -> list[tuple[str, HeadAuthority]]:
    """The acceptance group seats the viewer holds: the initiator's, and each reviewing
    department's (and, for a submission ``result_id``, each department added to it, 加签)
    they head or stand in for (代理审批). A handed-over seat (转交) is held by the person it
    was handed to, on the head's behalf, and by nobody else (as :func:`review_authorities`)."""
    seats: list[tuple[str, HeadAuthority]] = []
    if viewer.user_id == requirement.initiator_id:
        seats.append((INITIATOR_SEAT, HeadAuthority(0, requirement.initiator_id, None)))
    departments = await acceptance_group_department_ids(requirement)
    if result_id is not None:
        held = (await acceptance_seat_map([result_id]))[result_id]
        departments = held.headed
        for department_id, h in held.handed.items():  # the viewer signed in, so is active
            if h.to_user_id == viewer.user_id:
                authority = HeadAuthority(department_id, h.head_id, h.head_id)
                seats.append((department_seat(department_id), authority))
    try:
        authorities = await reviewer_authorities(viewer, requirement, departments)
    except Forbidden:
        if seats:  # the initiator keeps their own seat; they never sit for a head
            return seats
        raise
    seats += [(department_seat(a.department_id), a) for a in authorities]
    return seats


async def require_commenter(viewer: Viewer, task_id: int, requirement_id: int) -> None:
    """Participants comment; so does a person @mentioned on this very task, to answer."""
    if await is_participant(viewer, requirement_id):
        return
    if (
        viewer.user_id is not None
        and await Mention.filter(user_id=viewer.user_id, comment__task_id=task_id).exists()
    ):
        return
    raise Forbidden("仅需求参与人或被提及者可评论 (only participants or those mentioned)")


async def may_be_mentioned(user: User, requirement_id: int, scope: str) -> bool:
    """Whether a comment on the requirement may @mention ``user`` (``CROSSFLOW_MENTIONS_SCOPE``).

    ``company``: anyone active. ``involved``: people who already take part in the
    requirement (members of its involved and assisting departments, its initiator and
    assignees, departments asked for help, meeting attendees) and those who read
    everything anyway; a mention then notifies without opening anything new.
    """
    if scope == "company" or Role(user.role) in (Role.ADMIN, Role.EXECUTIVE):
        return True
    return await is_participant(Viewer.of_user(user), requirement_id)
