"""A requirement's template and result report on the compiled path (issue 19).

``Requirement.template`` (with the template's lists) and ``Requirement.resultReport`` are
declared in ``schema/compiled/fields_templates.py``. For every requirement of the demo
(some made from templates, some finished with a result report), both servers of
``tests/schema/conftest.py`` must answer the same JSON for six kinds of viewer, the
compiled path itself; a template disabled since is the ADMIN's alone (null for others).
"""

from __future__ import annotations

import pytest

from models import Requirement, RequirementTemplate, ResultReport, User
from tests.conftest import GraphQLClient
from tests.schema.test_compiled_lists import Requests, answered_alike
from tests.schema.test_compiled_roots import MENTIONED, _mention

pytestmark = pytest.mark.postgres

TEMPLATE = """template { __typename id key name nameEn description priority enabled urgentIntake
  signoffMode acceptanceMode version updatedAt
  departments { isLead contribution department { code } onDuty { username } }
  tasks { title description offsetDays position department { code } }
  responseLimits { hours standard department { code } }
  thresholds { kind thresholdNormal thresholdUrgent unit } }"""
REPORT = """resultReport { __typename id goalAchievement contributions problems createdAt
  requirement { code } author { username department { code } } }"""
DOCUMENT = f"query($code: String!) {{ requirement(code: $code) {{ code {TEMPLATE} {REPORT} }} }}"
PAGE = f"{{ requirements(first: 50) {{ edges {{ node {{ code {TEMPLATE} {REPORT} }} }} }} }}"


async def _templates_and_reports() -> None:
    """Requirements made from templates (one disabled since), and a result report on every
    requirement that has none yet (by its initiator)."""
    templates = await RequirementTemplate.all().order_by("id")
    requirements = await Requirement.all().order_by("id")
    for n, requirement in enumerate(requirements[: len(templates)]):
        requirement.template_id = templates[n].id
        requirement.template_version = templates[n].version
        await requirement.save(update_fields=["template_id", "template_version"])
    await RequirementTemplate.filter(id=templates[0].id).update(enabled=False)
    reported = set(await ResultReport.all().values_list("requirement_id", flat=True))
    for requirement in requirements:
        if requirement.id not in reported:
            await ResultReport.create(
                requirement=requirement,
                author=await User.get(id=requirement.initiator_id),
                goal_achievement="达成",
                contributions="各部门",
                problems="无",
            )


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_template_and_result_report_answer_as_the_generic_executor(
    apps: tuple[GraphQLClient, GraphQLClient],
) -> None:
    # given requirements from templates (one disabled) with result reports, and a person
    # who sees one requirement only through a mention
    await _templates_and_reports()
    await _mention(MENTIONED)
    codes = await Requirement.all().order_by("id").values_list("code", flat=True)
    requests: Requests = [(PAGE, {})]
    requests += [(DOCUMENT, {"code": code}) for code in codes]
    # when both servers answer for every kind of viewer, then alike, the compiled path itself
    answers = await answered_alike(apps, requests)
    seen = {
        (viewer, codes[index - 1]): answered["data"]["requirement"]
        for (viewer, index), answered in answers.items()
        if index and (answered.get("data") or {}).get("requirement")
    }
    # and the template disabled since read as null for an employee, not for the ADMIN,
    # an enabled one for both; the ADMIN read every requirement's report
    disabled, enabled = codes[0], codes[1]
    assert seen["admin", disabled]["template"] and seen["admin", enabled]["template"]
    assert seen["market_staff", enabled]["template"]["key"]
    assert seen["market_staff", disabled]["template"] is None
    assert all(seen["admin", code]["resultReport"] for code in codes)
