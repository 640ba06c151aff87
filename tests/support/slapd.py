"""A private OpenLDAP server (Debian's slapd) with a generated directory, for tests and bench.

As verified in ../shared/sign-on (NOTES.md): a ``slapd.conf`` of our own in a temporary
folder, the data loaded offline with ``slapadd``, slapd on a loopback port; nothing under
/etc/ldap is read or written except the schema files. It answers in ~30 ms and takes
~2 s to stop (waited on by pid). Without slapd the tests skip, unless
``CROSSFLOW_REQUIRE_SERVICES=1`` (CI) makes that an error.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ldap3 import MODIFY_REPLACE, Connection, Server

SUFFIX = "dc=crossflow,dc=test"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "admin-test-only"
USER_PASSWORD = "user-test-only"
SLAPD = "/usr/sbin/slapd"

CONFIG = """include   /etc/ldap/schema/core.schema
include   /etc/ldap/schema/cosine.schema
include   /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile   {dir}/slapd.pid
argsfile  {dir}/slapd.args
database  mdb
maxsize   268435456
suffix    "{suffix}"
rootdn    "{root_dn}"
rootpw    {root_hash}
directory {dir}/db
index     objectClass eq
index     uid,mail eq
index     entryUUID,modifyTimestamp eq
access to attrs=userPassword by self write by anonymous auth by * none
access to * by users read by * none
"""


@dataclass(frozen=True)
class Directory:
    """A running private slapd and an admin connection to change its entries."""

    url: str
    pid: int

    def admin(self) -> Connection:
        return Connection(Server(self.url), ROOT_DN, ROOT_PASSWORD, auto_bind=True)

    def move(self, uid: str, from_dept: str, to_dept: str) -> None:
        with self.admin() as conn:
            assert conn.modify_dn(
                person_dn(uid, from_dept), f"uid={uid}", new_superior=dept_dn(to_dept)
            ), conn.result

    def set_manager(self, uids: list[tuple[str, str]], manager: str) -> None:
        """Make ``manager`` (a DN) the manager of each ``(uid, dept)``."""
        with self.admin() as conn:
            for uid, dept in uids:
                assert conn.modify(
                    person_dn(uid, dept), {"manager": [(MODIFY_REPLACE, [manager])]}
                ), conn.result

    def rename(self, uid: str, dept: str, display_name: str) -> None:
        """Change the person's display name (their ``modifyTimestamp`` moves on)."""
        with self.admin() as conn:
            assert conn.modify(
                person_dn(uid, dept), {"displayName": [(MODIFY_REPLACE, [display_name])]}
            ), conn.result

    def remove(self, uid: str, dept: str) -> None:
        with self.admin() as conn:
            assert conn.delete(person_dn(uid, dept)), conn.result


def dept_dn(code: str) -> str:
    return f"ou={code},{SUFFIX}"


def person_dn(uid: str, dept: str) -> str:
    return f"uid={uid},{dept_dn(dept)}"


def uid_of(n: int) -> str:
    return f"p{n:05d}"


def dept_of(n: int, departments: int) -> str:
    return f"d{n % departments:02d}"


def generated_ldif(people: int, departments: int, password_hash: str) -> str:
    """``departments`` OUs and ``people`` inetOrgPersons; person n is in ``d{n % departments}``,
    the first ``departments`` people head their department (everyone else names them as
    manager). Chinese names as values, ASCII RDNs (as in the verified set-up)."""
    blocks = [
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\n"
        "dc: crossflow\no: 跨流科技\n"
    ]
    for d in range(departments):
        code = f"d{d:02d}"
        blocks.append(
            f"dn: {dept_dn(code)}\nobjectClass: organizationalUnit\nou: {code}\n"
            f"description: 部门{d:02d}\n"
        )
    for n in range(people):
        dept = dept_of(n, departments)
        head = uid_of(n % departments)
        lines = [
            f"dn: {person_dn(uid_of(n), dept)}",
            "objectClass: inetOrgPerson",
            f"uid: {uid_of(n)}",
            f"cn: 员工{n:05d}",
            "sn: 员",
            f"displayName: 员工{n:05d}",
            f"mail: {uid_of(n)}@crossflow.test",
            f"employeeNumber: {n:05d}",
            f"userPassword: {password_hash}",
        ]
        if n >= departments:
            lines.append(f"manager: {person_dn(head, dept)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_slapd() -> None:
    """Skip without slapd, or fail when the run must have its services (CI)."""
    if os.path.exists(SLAPD) and shutil.which("slapadd"):
        return
    message = "slapd is not installed (apt-get install slapd ldap-utils)"
    if os.environ.get("CROSSFLOW_REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def running_directory(folder: Path, people: int, departments: int) -> Iterator[Directory]:
    """A slapd with the generated directory on a free loopback port, stopped afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "db").mkdir(exist_ok=True)

    def hashed(password: str) -> str:
        return subprocess.run(
            ["slappasswd", "-s", password], check=True, capture_output=True, text=True
        ).stdout.strip()

    config = folder / "slapd.conf"
    config.write_text(
        CONFIG.format(dir=folder, suffix=SUFFIX, root_dn=ROOT_DN, root_hash=hashed(ROOT_PASSWORD))
    )
    data = folder / "data.ldif"
    data.write_text(generated_ldif(people, departments, hashed(USER_PASSWORD)), encoding="utf-8")
    subprocess.run(["slapadd", "-q", "-f", str(config), "-l", str(data)], check=True)
    port = free_port()
    url = f"ldap://127.0.0.1:{port}"
    subprocess.run([SLAPD, "-f", str(config), "-h", url + "/"], check=True)
    pid = int((folder / "slapd.pid").read_text().strip())
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                Connection(Server(url), ROOT_DN, ROOT_PASSWORD, auto_bind=True).unbind()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        yield Directory(url, pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 15)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
