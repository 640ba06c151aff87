"""The workbench bundle served at ``/``: the SPA fallback, cache headers, what it ships."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from crossflow import web_app


def _app(folder: Path) -> Starlette:
    async def graphql(request: object) -> PlainTextResponse:
        return PlainTextResponse("graphql")

    admin = Starlette(routes=[Route("/", graphql)])
    return Starlette(
        routes=[Route("/graphql", graphql), Mount("/admin", admin), *web_app.routes(folder)]
    )


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<html>workbench</html>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    return tmp_path


async def _get(app: Starlette, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        return await http.get(path)


@pytest.mark.parametrize("path", ["/", "/requirements/XQ202611001", "/tasks/RW1-01", "/account"])
async def test_client_routes_answer_with_the_app_revalidated(bundle: Path, path: str) -> None:
    # given a built bundle
    # when a client route is opened directly (a link, a reload)
    response = await _get(_app(bundle), path)
    # then the app's index answers, revalidated on every visit
    assert response.status_code == 200 and "workbench" in response.text
    assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_cached_for_a_year(bundle: Path) -> None:
    # given a hashed asset
    # when it is fetched
    response = await _get(_app(bundle), "/assets/index-abc123.js")
    # then it may be cached for a year: its name changes with its content
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize(
    ("path", "status"),
    [("/assets/missing.js", 404), ("/files/anything", 404), ("/admin", 307), ("/graphql", 200)],
)
async def test_server_paths_are_not_taken_over(bundle: Path, path: str, status: int) -> None:
    # given the app beside the server's own routes
    # when a server path is asked for (or missed)
    response = await _get(_app(bundle), path)
    # then the server's answer stands: never the app's index
    assert response.status_code == status
    assert "workbench" not in response.text


async def test_without_a_build_the_fallback_says_so(tmp_path: Path) -> None:
    # given no bundle
    # when the root is opened
    response = await _get(_app(tmp_path), "/")
    # then a 404 says how to build it, not a 500
    assert response.status_code == 404


def test_the_shipped_bundle_is_self_contained() -> None:
    # given the bundle shipped in the package
    index = (web_app.WEB_DIST / "index.html").read_text()
    # when its index is read
    scripts = re.findall(r"<script[^>]*>", index)
    referenced = re.findall(r'(?:src|href)="(/assets/[^"]+)"', index)
    # then it loads only its own files, with no inline script (the CSP forbids them)
    assert scripts and all("src=" in tag for tag in scripts)
    assert not re.search(r"<script[^>]*>\s*[^<\s]", index)
    assert referenced and all((web_app.WEB_DIST / p.lstrip("/")).is_file() for p in referenced)
    assert not re.search(r"https?://", index)


def test_the_first_screen_downloads_under_500_kb_of_javascript_gzipped() -> None:
    # given the shipped bundle: routes other than sign-in are lazy-loaded chunks
    index = (web_app.WEB_DIST / "index.html").read_text()
    initial = re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', index)
    # when the scripts the index loads up front are compressed as a server would
    size = sum(len(gzip.compress((web_app.WEB_DIST / path).read_bytes())) for path in initial)
    # then they stay under the budget, and the lazy chunks exist beside them
    assert 0 < size < 500 * 1024
    assert len(list((web_app.WEB_DIST / "assets").glob("*.js"))) > len(initial)
