"""PostgreSQL's own ``pg_dump`` / ``pg_restore``, matched to the server's major version.

``pg_dump`` refuses a server newer than itself, and a dump's format follows the client's
version, so the binaries must be the server's: Debian installs each major version under
``/usr/lib/postgresql/<major>/bin`` (not on PATH); ``CROSSFLOW_PG_BIN_DIR`` overrides.
The password travels in ``PGPASSWORD``, never on a command line that ``ps`` shows.
"""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import asyncpg

#: Query parameters of a database URL that libpq understands (Tortoise adds its own).
_LIBPQ_PARAMETERS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "application_name"}


class ToolError(RuntimeError):
    """A PostgreSQL client tool is missing or failed; the message is for an operator."""


def libpq_url(url: str) -> str:
    """The URL without Tortoise's own parameters (``maxsize`` …), as asyncpg and libpq take it."""
    parts = urlsplit(url.replace("postgres://", "postgresql://", 1))
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair and pair.split("=", 1)[0] in _LIBPQ_PARAMETERS
    ]
    return parts._replace(query="&".join(kept)).geturl()


def _environment(url: str) -> tuple[str, dict[str, str]]:
    """A password-free URL and the environment carrying the password."""
    parts = urlsplit(libpq_url(url))
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    host = parts.hostname or ""
    netloc = (unquote(parts.username) + "@" if parts.username else "") + (
        f"[{host}]" if ":" in host else host
    )
    if parts.port:
        netloc += f":{parts.port}"
    return parts._replace(netloc=netloc).geturl(), env


async def server_major(url: str) -> int:
    connection = await asyncpg.connect(libpq_url(url))
    try:
        number = await connection.fetchval("SHOW server_version_num")
    finally:
        await connection.close()
    return int(number) // 10000


def find_tool(name: str, major: int) -> str:
    """The ``name`` binary of the server's major version (or a newer one, which can read it)."""
    explicit = os.environ.get("CROSSFLOW_PG_BIN_DIR")
    if explicit:
        candidates = [str(Path(explicit) / name)]
    else:
        found = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
        versions = {int(Path(p).parent.parent.name): p for p in found if _numeric_version(p)}
        candidates = [versions[v] for v in sorted(versions) if v >= major]
        on_path = shutil.which(name)
        if on_path:
            candidates.append(on_path)
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            return candidate
    raise ToolError(
        f"{name} for PostgreSQL {major} not found (install postgresql-client-{major}, "
        "or set CROSSFLOW_PG_BIN_DIR)"
    )


def _numeric_version(path: str) -> bool:
    return Path(path).parent.parent.name.isdigit()


async def _run(arguments: list[str], env: dict[str, str]) -> None:
    process = await asyncio.create_subprocess_exec(
        *arguments,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    _, stderr = await process.communicate()
    if process.returncode != 0:
        message = stderr.decode(errors="replace").strip()[-2000:]
        raise ToolError(f"{Path(arguments[0]).name} failed: {message}")


async def dump(url: str, target: Path) -> None:
    """``pg_dump -Fc`` of the whole database into ``target`` (one snapshot transaction)."""
    tool = find_tool("pg_dump", await server_major(url))
    plain, env = _environment(url)
    await _run([tool, "--format=custom", "--no-owner", f"--file={target}", plain], env)


async def restore(url: str, source: Path, *, clean: bool) -> None:
    """``pg_restore`` into the database; ``clean`` drops what is there first."""
    tool = find_tool("pg_restore", await server_major(url))
    plain, env = _environment(url)
    arguments = [tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if clean:
        arguments += ["--clean", "--if-exists"]
    await _run([*arguments, f"--dbname={plain}", str(source)], env)
