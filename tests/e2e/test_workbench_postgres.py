"""The workbench's task and requirement pages in Chromium on PostgreSQL, where the compiled
path answers them.

The other browser tests run ``crossflow demo`` on SQLite, where every read takes the
generic executor; on PostgreSQL the task page's document (results, sign-offs, added
signers and hand-overs) is one compiled statement (``tests/schema/test_compiled_task_page.py``
proves it equal to the generic answer). Here the acceptance acts of
``test_workbench_signers.py`` run unchanged against a demo on PostgreSQL: the page must show
each act as the people see it there. The requirement page, custom values included, is one
compiled statement too (``tests/schema/test_compiled_custom_fields.py``): a template field
added in the panel, filled in, must read on it with its option's label.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql

from tests.e2e import test_workbench_form_fields as form_fields
from tests.e2e import test_workbench_signers as signers
from tests.e2e.processes import crossflow_process, free_port, wait_until_ready
from tests.e2e.test_admin_browser import browser, page  # noqa: F401  (fixtures used by name)
from tests.support.services import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.postgres]

#: Collected here, so it runs with this module's ``server``
test_the_acceptance_acts_on_postgresql = (
    signers.test_a_head_adds_hands_over_and_the_initiator_reminds_on_an_acceptance
)
test_a_template_field_on_the_requirement_page_on_postgresql = (
    form_fields.test_a_required_choice_field_from_the_panel_is_rendered_and_enforced
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
