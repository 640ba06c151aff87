"""The workbench's task and requirement pages in Chromium on PostgreSQL, where the compiled
path answers them.

The other browser tests run ``crossflow demo`` on SQLite, where every read takes the
generic executor; on PostgreSQL the task page's document (results, sign-offs, added
signers and hand-overs) is one compiled statement (``tests/schema/test_compiled_task_page.py``
proves it equal to the generic answer). Here the acceptance acts of
``test_workbench_signers.py`` run unchanged against a demo on PostgreSQL: the page must show
each act as the people see it there. The requirement page, custom values included, is one
compiled statement too (``tests/schema/test_compiled_custom_fields.py``): a template field
added in the panel, filled in, must read on it with its option's label. The edit page (the
requirement and the departments: one statement of two roots) edits custom values as on
SQLite, and Apollo Client reads a dashboard of three roots with one switched by
``@include``, as a frontend team would write it.
"""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

from tests.e2e import test_workbench_custom_edit as custom_edit
from tests.e2e import test_workbench_form_fields as form_fields
from tests.e2e import test_workbench_signers as signers
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.e2e.test_admin_browser import browser, page  # noqa: F401  (fixtures used by name)
from tests.e2e.test_node_clients import NODE_DIR, _graphql, _token, node  # noqa: F401
from tests.support.services import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.postgres]

#: Collected here, so it runs with this module's ``server``
test_the_acceptance_acts_on_postgresql = (
    signers.test_a_head_adds_hands_over_and_the_initiator_reminds_on_an_acceptance
)
test_a_template_field_on_the_requirement_page_on_postgresql = (
    form_fields.test_a_required_choice_field_from_the_panel_is_rendered_and_enforced
)
test_the_edit_page_on_postgresql = (
    custom_edit.test_the_initiator_edits_custom_values_and_sees_the_servers_refusal_on_the_field
)


@pytest.fixture(scope="module")
def server(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """``crossflow demo`` with its data in a database of its own on PostgreSQL."""
    name = f"cf_workbench_{uuid.uuid4().hex[:8]}"
    admin = postgres_server.dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    folder = tmp_path_factory.mktemp("workbench-postgres")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = folder / "demo.log"
    env = {"CROSSFLOW_DATABASE_URL": postgres_server.dsn(name)}
    try:
        with crossflow_process(["demo", "--port", str(port)], env, folder, log) as process:
            wait_until_ready(base, process, log)
            yield base
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def test_apollo_client_reads_a_dashboard_of_several_roots_with_a_condition(
    node: str,  # noqa: F811  (the fixture imported above)
    server: str,
) -> None:
    # given a staff member with tasks of their own on the PostgreSQL demo (the compiled path)
    staff = _token(server, "design_staff")
    mine = _graphql(server, "{ myTasks(first: 5) { edges { node { code } } } }", {}, staff)
    departments = _graphql(server, "{ departments { id code name } }", {}, staff)["departments"]
    assert mine["myTasks"]["edges"]
    # when Apollo Client reads a dashboard of three roots, its tasks switched off and then on
    result = subprocess.run(
        [node, "apollo_dashboard.mjs", f"{server}/graphql", staff],
        cwd=NODE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)
    # then the switched root is absent, then present with the tasks the API lists alone
    assert "myTasks" not in run["without"]
    listed = [edge["node"]["code"] for edge in run["withTasks"]["myTasks"]["edges"]]
    assert listed == [edge["node"]["code"] for edge in mine["myTasks"]["edges"]]
    assert all(
        edge["node"]["assignee"]["username"] == "design_staff"
        for edge in run["withTasks"]["myTasks"]["edges"]
    )
    # and both answers carry the viewer and every department, normalised by Apollo's cache
    for answer in (run["without"], run["withTasks"]):
        assert answer["viewer"]["username"] == "design_staff"
        assert [
            {key: d[key] for key in ("id", "code", "name")} for d in answer["departments"]
        ] == departments
    assert run["people"] == 1
