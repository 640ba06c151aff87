"""The planner's other roots answer exactly what the generic executor answers.

``requirements``, ``myTasks``, ``users``, ``notifications``, ``archives``, ``suggestions``,
``requirement(code)`` and ``task(code)``, with nested lists (a requirement's tasks, their
assignees, its involved departments, review rounds with reviews, files with versions) and
counts, run through
both servers of ``tests/schema/test_compiled.py`` (compiled path on and off, the same
PostgreSQL database) for five kinds of viewer: the ADMIN, the EXECUTIVE, a department head,
an employee and a BI token, plus an employee who only sees a requirement because they were
@mentioned on one of its tasks (the nested scope that the parent does not imply).
"""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import to_base64

from models import (
    Archive,
    Attachment,
    AttachmentVersion,
    Comment,
    Mention,
    Notification,
    ProgressUpdate,
    Requirement,
    RequirementDepartment,
    Review,
    ReviewRound,
    Suggestion,
    Task,
    User,
)
from models.enums import NotificationKind, Role, SuggestionStatus
from tests.conftest import GraphQLClient
from tests.schema.test_bi_tokens import token_for
from tests.schema.test_compiled import _vary_the_tasks
from tests.support.compiled_lists import attach_files, sign_on_behalf
from tests.support.sql_log import counted_statements

pytestmark = pytest.mark.postgres

TASK_CARD = """__typename id code title status progress deadline isOverdue commentCount
  assignee { __typename displayName department { name } }"""
TASK_FIELDS = f"""{TASK_CARD}
  comments {{ __typename id body createdAt author {{ username }} task {{ code }} }}
  progressUpdates {{ id percent summary problems supportNeeded createdAt
    author {{ displayName }} task {{ code }} }}
  latestProgress {{ __typename id percent summary author {{ username }} }}
  attachments {{ __typename id fileName currentVersion requirement {{ code }} task {{ code }} }}"""
REQUIREMENT_FIELDS = f"""__typename id code title background goals deliverables
  acceptanceCriteria dataNeeds contact expectedBy priority status currentRound version
  createdAt updatedAt submittedAt approvedAt initiatedAt completedAt archivedAt cancelledAt
  formVersion signoffMode acceptanceMode templateVersion taskCount
  initiator {{ id displayName role isActive language updatedAt department {{ code name }} }}
  initiatingDepartment {{ id code name nameEn isActive }}
  involvedDepartments {{ __typename isLead contribution department {{ id code name }} }}
  tasks {{ {TASK_FIELDS} requirement {{ code }} }}
  reviewRounds {{ __typename id number outcome openedAt closedAt
    reviews {{ id decision comment claimedTasks signedAt contentHash department {{ code }}
      signedBy {{ username }} onBehalfOf {{ displayName }} }} }}
  attachments {{ id fileName currentVersion createdAt uploadedBy {{ username }} task {{ code }}
    versions {{ id number sha256 size contentType changeNote createdAt downloadUrl
      uploadedBy {{ displayName }} }} }}"""
LISTS: dict[str, tuple[str, dict[str, Any]]] = {
    "the bench's requirement page": (
        """query RequirementPage($first: Int!) { requirements(first: $first) {
          edges { node { code title initiator { displayName } initiatingDepartment { name }
          taskCount } } } }""",
        {"first": 20},
    ),
    "every requirement field, nested lists, counts": (
        f"""{{ requirements(first: 10) {{ __typename totalCount
          pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor __typename }}
          edges {{ __typename cursor node {{ {REQUIREMENT_FIELDS} }} }} }} }}""",
        {},
    ),
    "requirements by expected date, filtered, aliases and a fragment": (
        """query($o: RequirementOrder) { list: requirements(first: 3, orderBy: $o,
          filter: {statuses: [DRAFT, PENDING_REVIEW, IN_PROGRESS, APPROVED]}) {
          p: pageInfo { endCursor hasNextPage } e: edges { c: cursor n: node { ...R } } } }
          fragment R on Requirement { theCode: code expectedBy n: taskCount
            t: tasks { ... on Task { code } } }""",
        {"o": {"field": "EXPECTED_BY", "direction": "DESC"}},
    ),
    "the bench's own tasks": (
        """query MyTasks($first: Int!) { myTasks(first: $first) { edges { node {
          code title status progress deadline requirement { code title } } } } }""",
        {"first": 20},
    ),
    "the directory, filtered and sorted, with departments": (
        """query($f: UserFilter, $o: UserOrder) { users(first: 7, filter: $f, orderBy: $o) {
          __typename totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { __typename id username displayName role isActive language
          updatedAt department { id code name nameEn isActive updatedAt } } } } }""",
        {"f": {"includeInactive": True}, "o": {"field": "DISPLAY_NAME", "direction": "DESC"}},
    ),
    "the directory by username": (
        """{ users(first: 50) { edges { node { username department { name } } } } }""",
        {},
    ),
    "one's unread notifications": (
        """query($u: Boolean!) { notifications(first: 4, unreadOnly: $u) { totalCount
          pageInfo { hasNextPage startCursor } edges { cursor node { __typename id kind title
          body subjectType subjectCode createdAt updatedAt readAt } } } }""",
        {"u": True},
    ),
    "one's notifications of a kind, oldest first": (
        """{ notifications(first: 10, filter: {kinds: [TASK_ASSIGNED, MENTION]},
          orderBy: {field: CREATED_AT, direction: ASC}) {
          edges { node { kind title readAt } } } }""",
        {},
    ),
    "the knowledge base, newest first": (
        """{ archives(first: 10) { __typename pageInfo { hasNextPage endCursor } edges { cursor
          node { __typename id title summary confidential createdAt updatedAt snapshot
          requirement { code title initiator { displayName } } archivedBy { username } } } } }""",
        {},
    ),
    "the knowledge base searched, by update": (
        """query($s: String) { archives(first: 5, search: $s, orderBy: {field: UPDATED_AT}) {
          totalCount edges { node { title confidential requirement { code } } } } }""",
        {"s": "归档"},
    ),
    "suggestions, every field": (
        """{ suggestions(first: 10) { totalCount edges { cursor node { __typename id code
          contact painPoint proposal expectedEffect status evaluationNote evaluatedAt remarks
          plannedFor createdAt updatedAt department { name } proposer { displayName }
          evaluatedBy { username } } } } }""",
        {},
    ),
    "suggestions of a status, oldest first": (
        """{ suggestions(first: 3, filter: {statuses: [ADOPTED, SUBMITTED]},
          orderBy: {field: CREATED_AT, direction: ASC}) { edges { node { code status } } } }""",
        {},
    ),
}
OBJECTS: dict[str, str] = {
    "the bench's one requirement": """query RequirementTasks($code: String!) {
      requirement(code: $code) { code title tasks { code title status
      assignee { displayName } } } }""",
    "every requirement field": f"""query($code: String!) {{ requirement(code: $code) {{
      {REQUIREMENT_FIELDS} }} }}""",
    "one task, aliases and fragments": """query($code: String!) { t: task(code: $code) {
      ...T requirement { code taskCount } } } fragment T on Task { __typename c: code
      assignee { name: displayName } executingDepartment { code } commentCount }""",
    "one task with its comments and progress": f"""query($code: String!) {{
      task(code: $code) {{ {TASK_FIELDS} }} }}""",
    "one task's comments and whom they mention": """query($code: String!) {
      task(code: $code) { code comments { body
        mentions { __typename id username displayName department { code } } } } }""",
}
VIEWERS = ["admin", "ceo", "market_head", "market_staff", "bi", "mentioned"]
#: The employee @mentioned on one task of a requirement they otherwise do not see.
MENTIONED = "legal_staff"


async def _mention(username: str) -> tuple[str, str]:
    """``username`` @mentioned on a task of a requirement they take no part in otherwise.

    Returns (requirement code, task code): the requirement is visible to them through the
    mention, of its tasks only that one (with its comments, not its progress reports), of
    its departments none.
    """
    user = await User.get(username=username)
    author = await User.get(username="admin")
    for requirement in await Requirement.all().order_by("id"):
        tasks = await Task.filter(requirement_id=requirement.id).order_by("seq")
        outside = requirement.initiator_id != user.id and all(
            task.assignee_id != user.id for task in tasks
        )
        involved = await RequirementDepartment.filter(requirement_id=requirement.id)
        departments = {row.department_id for row in involved}
        departments |= {task.executing_department_id for task in tasks}
        if len(tasks) > 1 and outside and user.department_id not in departments:
            comment = await Comment.create(task=tasks[0], author=author, body="@you")
            await Mention.create(comment=comment, user=user)
            # and someone else, named first in the body but mentioned second
            await Mention.create(comment=comment, user=await User.get(username="finance_staff"))
            for percent in (30, 60):
                await ProgressUpdate.create(
                    task=tasks[0], author=author, percent=percent, summary=f"{percent}%"
                )
            return requirement.code, tasks[0].code
    raise AssertionError("the demo has no requirement outside the person's part")


async def _inboxes() -> None:
    """A few notifications for every person, of two kinds, some of them read."""
    for n, user in enumerate(await User.all().order_by("id")):
        for k in range(3):
            await Notification.create(
                recipient=user,
                kind=(NotificationKind.TASK_ASSIGNED, NotificationKind.MENTION)[k % 2],
                title=f"通知{n}-{k}",
                read_at=user.created_at if k == 1 else None,
            )


async def _knowledge() -> None:
    """Archives of the first requirements not archived yet (every other one confidential)
    and suggestions, some evaluated."""
    admin = await User.get(username="admin")
    archived = await Archive.all().values_list("requirement_id", flat=True)
    unarchived = Requirement.exclude(id__in=list(archived)).order_by("id").limit(6)
    for n, requirement in enumerate(await unarchived):
        await Archive.create(
            requirement=requirement,
            archived_by=admin,
            title=f"归档{n}",
            summary=f"达成{n}",
            search_text=f"归档{n} {requirement.title}",
            confidential=n % 2 == 1,
            snapshot={
                "requirement": {"code": requirement.code, "title": requirement.title},
                "tasks": [{"seq": 1, "progress": 100, "hours": 12.5}, {"seq": 2, "share": 0.1}],
                "acceptance": None,
            },
        )
    for n, user in enumerate(await User.all().order_by("id").limit(5)):
        evaluated = n % 2 == 0
        await Suggestion.create(
            code=f"JY20991{n}",
            proposer=user,
            department_id=user.department_id if n != 3 else None,
            pain_point="慢",
            proposal=f"建议{n}",
            status=SuggestionStatus.ADOPTED if evaluated else SuggestionStatus.SUBMITTED,
            evaluated_by=admin if evaluated else None,
            evaluated_at=admin.created_at if evaluated else None,
            planned_for=admin.created_at.date() if evaluated else None,
        )


async def _clients(
    apps: tuple[GraphQLClient, GraphQLClient], viewer: str, mentioned: str
) -> tuple[GraphQLClient, GraphQLClient]:
    compiled, generic = apps
    if viewer == "bi":
        token = await token_for(Role.BI)
    else:
        token = (await compiled.sign_in(mentioned if viewer == "mentioned" else viewer)).token
    return GraphQLClient(compiled.http, token), GraphQLClient(generic.http, token)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_compiled_roots_equal_the_generic_executor_for_every_viewer(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given varied tasks, a person @mentioned on one task, and the two servers
    await _vary_the_tasks()
    await _inboxes()
    await _knowledge()
    requirement_code, task_code = await _mention(MENTIONED)
    await attach_files()
    await sign_on_behalf()
    codes = {"requirement": requirement_code, "task": task_code}
    for viewer in VIEWERS:
        fast, slow = await _clients(apps, viewer, MENTIONED)
        requests = list(LISTS.items()) + [
            (name, (document, {"code": codes["task" if "task(" in document else "requirement"]}))
            for name, document in OBJECTS.items()
        ]
        for name, (document, variables) in requests:
            # when both answer the same request
            expected = await slow.post(document, variables)
            with counted_statements() as statements:
                answered = await fast.post(document, variables)
            # then the answers are the same, refusals included (a BI token has no own tasks,
            # a requirement outside one's part is NOT_FOUND)
            assert answered == expected, (viewer, name, answered, expected)
            if "errors" in expected:
                assert viewer in ("bi", "market_staff", "market_head"), (viewer, name, expected)
                continue
            # and answered by the compiled path in the token's read, the viewer's
            # requirements, one statement (and a count when totalCount is asked for)
            assert any(' AS "node"' in s for s in statements), (viewer, name, statements)
            reads = [s for s in statements if not s.startswith('UPDATE "api_token"')]
            budget = (2 if viewer in ("admin", "ceo", "bi") else 3) + ("totalCount" in document)
            assert len(reads) <= budget, (viewer, name, statements)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_mention_shows_the_requirement_with_that_task_only(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a person @mentioned on one task of a requirement they take no part in
    requirement_code, task_code = await _mention(MENTIONED)
    fast, slow = await _clients(apps, "mentioned", MENTIONED)
    document = OBJECTS["every requirement field"]
    # when they open the requirement
    answered = await fast.data(document, {"code": requirement_code})
    # then they see it, its count and list hold that one task, and no department
    requirement = answered["requirement"]
    assert [task["code"] for task in requirement["tasks"]] == [task_code]
    assert requirement["taskCount"] == 1 and requirement["involvedDepartments"] == []
    # and of that task its comments, not its progress reports
    assert requirement["tasks"][0]["comments"] and requirement["tasks"][0]["progressUpdates"] == []
    assert answered == await slow.data(document, {"code": requirement_code})


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_requirement_pages_follow_the_compiled_cursor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given a first page of requirements by expected date from the compiled path
    fast, slow = await _clients(apps, "admin", MENTIONED)
    document = """query($after: String) { requirements(first: 2, after: $after,
      orderBy: {field: EXPECTED_BY}) { pageInfo { endCursor hasNextPage hasPreviousPage }
      edges { cursor node { code expectedBy } } } }"""
    seen: list[str] = []
    after = None
    while True:
        # when each next page is asked for after the previous page's end cursor
        page = await fast.data(document, {"after": after})
        assert page == await slow.data(document, {"after": after})
        seen.extend(edge["node"]["code"] for edge in page["requirements"]["edges"])
        if not page["requirements"]["pageInfo"]["hasNextPage"]:
            break
        after = page["requirements"]["pageInfo"]["endCursor"]
    # then every requirement came exactly once
    assert sorted(seen) == sorted(await Requirement.all().values_list("code", flat=True))


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_refusals_of_the_new_roots_are_the_generic_executors(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given an employee and requests the compiled path cannot answer
    fast, slow = await _clients(apps, "market_staff", MENTIONED)
    refused = [
        ("query($n: Int) { requirements(first: $n) { edges { cursor } } }", {"n": 101}),
        ('{ requirements(after: "nonsense") { edges { cursor } } }', {}),
        ('{ requirement(code: "XQ-none") { code tasks { code } } }', {}),
        ('{ task(code: "RW-none") { code } }', {}),
        ("query($c: String!) { task(code: $c) { code } }", {}),
    ]
    for document, variables in refused:
        # when each is sent to both servers
        answered = await fast.post(document, variables)
        # then both refuse it the same way, with a code
        assert answered == await slow.post(document, variables), document
        assert answered["errors"][0]["extensions"]["code"], document


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("first", [10, 100])
@pytest.mark.parametrize(("username", "expected"), [("admin", 2), ("market_head", 2)])
async def test_a_nested_read_is_one_statement_at_any_size(
    apps: tuple[GraphQLClient, GraphQLClient], first: int, username: str, expected: int
) -> None:
    # given a signed-in ADMIN or department head and a page with nested lists and counts,
    # and a requirement with review rounds, reviews, files and their versions
    await _vary_the_tasks()
    await attach_files()
    fast, _ = await _clients(apps, username, MENTIONED)
    document = f"""query($first: Int) {{ requirements(first: $first) {{ edges {{ node {{
      code taskCount involvedDepartments {{ isLead department {{ name }} }}
      tasks {{ {TASK_CARD} }} }} }} }} }}"""
    code = await Requirement.all().order_by("id").first().values_list("code", flat=True)
    single = OBJECTS["every requirement field"]
    for request, variables in ((document, {"first": first}), (single, {"code": code})):
        await fast.data(request, variables)
        # when it is read
        with counted_statements() as statements:
            await fast.data(request, variables)
        # then the statements are the token's user and one more (the head's requirement
        # ids kept from the first read, proven current by that statement's guard)
        assert len(statements) == expected, statements
        assert 't."id" AS "id"' in statements[-1] or "json_build_object" in statements[-1]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_kept_statement_answers_for_each_code_and_each_viewer(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given one document asked for several requirements by two viewers in turn
    codes = await Requirement.all().order_by("id").values_list("code", flat=True)
    document = OBJECTS["the bench's one requirement"]
    for viewer in ("admin", "market_staff", "admin", "market_staff"):
        fast, slow = await _clients(apps, viewer, MENTIONED)
        for code in codes[:3]:
            # when the compiled path answers from the statement it kept
            with counted_statements() as statements:
                answered = await fast.post(document, {"code": code})
            # then each answer is the generic executor's for that code and viewer
            assert answered == await slow.post(document, {"code": code}), (viewer, code)
            if "errors" not in answered:
                assert len(statements) <= 3, statements


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_connection_part_under_two_aliases_answers_each_alias(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given documents naming edges, pageInfo or an edge's node twice with other selections
    fast, slow = await _clients(apps, "admin", MENTIONED)
    documents = [
        "{ tasks(first: 3) { a: edges { cursor } b: edges { node { code } } } }",
        "{ requirements(first: 2) { p: pageInfo { hasNextPage } q: pageInfo { endCursor } } }",
        "{ myTasks(first: 2) { edges { n: node { code } m: node { title } } } }",
    ]
    for document in documents:
        # when both servers answer
        answered = await fast.post(document, {})
        # then each alias has its own selection, as the generic executor gives it
        assert answered == await slow.post(document, {}), document
        assert "errors" not in answered, answered


NODE_DOCUMENTS = [
    """query($id: ID!) { node(id: $id) { __typename id
      ... on Requirement { code title taskCount initiator { displayName } tasks { code } }
      ... on Task { code status isOverdue assignee { username } requirement { code } }
      ...U ... on Notification { kind title readAt }
      ... on Archive { title confidential requirement { code } archivedBy { username } }
      ... on Suggestion { code status proposer { displayName } }
      ... on Comment { body task { code } } ... on ProgressUpdate { percent task { code } }
      ... on Delegation { note }
      ... on Attachment { fileName requirement { code } task { code } versions { number } }
      ... on AttachmentVersion { number size downloadUrl uploadedBy { username } }
      ... on ReviewRound { number outcome reviews { decision signedBy { username } } }
      ... on Review { decision claimedTasks department { name } onBehalfOf { username } } } }
      fragment U on User { username department { name } }""",
    """query($id: ID!) { n: node(id: $id) { ... on Node { __typename id } } }""",
]


async def _node_ids() -> list[str]:
    """Global ids of a row of every declared type, and ones the generic resolver refuses."""
    ids = []
    for model, type_name in (
        (Requirement, "Requirement"),
        (Task, "Task"),
        (User, "User"),
        (Comment, "Comment"),
        (ProgressUpdate, "ProgressUpdate"),
        (Notification, "Notification"),
        (Archive, "Archive"),
        (Suggestion, "Suggestion"),
        (Attachment, "Attachment"),
        (AttachmentVersion, "AttachmentVersion"),
        (ReviewRound, "ReviewRound"),
        (Review, "Review"),
    ):
        for row in await model.all().order_by("id").limit(3):
            ids.append(to_base64(type_name, row.id))
    return [*ids, to_base64("Delegation", 1), to_base64("Task", 2**40), "nonsense"]


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_node_answers_as_the_generic_executor_for_every_viewer(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given rows of every declared type (a mention, inboxes, archives, suggestions)
    await _vary_the_tasks()
    await _inboxes()
    await _knowledge()
    await _mention(MENTIONED)
    await attach_files()
    await sign_on_behalf()
    ids = await _node_ids()
    for viewer in VIEWERS:
        fast, slow = await _clients(apps, viewer, MENTIONED)
        served = 0
        for document in NODE_DOCUMENTS:
            for global_id in ids:
                # when both servers answer node(id) for it
                expected = await slow.post(document, {"id": global_id})
                with counted_statements() as statements:
                    answered = await fast.post(document, {"id": global_id})
                # then the answers are the same, NOT_FOUND and BAD_USER_INPUT included
                assert answered == expected, (viewer, global_id, answered, expected)
                compiled = any(' AS "node"' in s for s in statements)
                # and one the viewer sees, of a declared type, by the compiled path itself
                declared = global_id not in ids[-3:]
                if "errors" not in expected and declared:
                    assert compiled, (viewer, global_id)
                served += compiled
        assert served > 0, viewer
