"""GraphiQL at ``/graphql`` served from the package: no CDN, no inline script.

strawberry's own page loads React, GraphiQL and its styles from unpkg.com, so on an
intranet without outside network it stays on "Loading…". This page uses the files the
admin panel already vendors (``admin_ui/static/vendor/graphiql``: GraphiQL 3.8.3, React
18.2.0 and the explorer plugin 1.0.2, with their versions, hashes and licences in
``admin_ui/static/vendor/README.txt``), so both consoles share one copy, plus a start-up
script of its own in ``crossflow/static/graphiql``. No inline script: a
Content-Security-Policy of ``script-src 'self'`` is enough.

The files are served under ``/graphql/static/``; the page names them relative to itself,
so a deployment behind a path prefix works too.
"""

from __future__ import annotations

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

STATIC_PATH = "/graphql/static"
#: Where the files come from: the page's own script and styles, then the vendored builds.
FOLDERS: list[str | tuple[str, str]] = [
    ("crossflow", "static/graphiql"),
    ("admin_ui", "static/vendor/graphiql"),
]

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>CrossFlow GraphiQL</title>
  <link rel="stylesheet" href="graphql/static/graphiql.min.css?v=3.8.3">
  <link rel="stylesheet" href="graphql/static/plugin-explorer.css?v=1.0.2">
  <link rel="stylesheet" href="graphql/static/page.css?v=1">
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="graphql/static/react.production.min.js?v=18.2.0"></script>
  <script src="graphql/static/react-dom.production.min.js?v=18.2.0"></script>
  <script src="graphql/static/graphiql.min.js?v=3.8.3"></script>
  <script src="graphql/static/plugin-explorer.umd.js?v=1.0.2"></script>
  <script src="graphql/static/page.js?v=2"></script>
</body>
</html>
"""


def static_files() -> Mount:
    """The route of the page's files (``/graphql/static/<name>``)."""
    return Mount(STATIC_PATH, app=StaticFiles(packages=FOLDERS), name="graphiql-static")
