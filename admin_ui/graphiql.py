"""GraphiQL inside the panel, signed in as the administrator (a fresh bearer token).

strawberry's own GraphiQL page loads React and GraphiQL from unpkg, and production mode
turns it off. This page serves the same versions (React 18.2.0, GraphiQL 3.8.3, the
explorer plugin 1.0.2 — byte-identical to strawberry's, checked against its SRI hashes)
from ``admin_ui/static/vendor``, so it works offline and in production, behind the
panel's sign-in. The token is written into the page only, never into browser storage.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette_admin import CustomView
from starlette_admin.routing import route

from admin_ui.auth import admin_account
from admin_ui.i18n import pick, t
from core.settings import Settings
from resolvers.access.auth import tokens_for

EXAMPLE_QUERY = """# {comment}
{{
  viewer {{ username displayName role }}
  warningRules {{ kind name thresholdNormal thresholdUrgent unit }}
}}
"""


class GraphiQLPage(CustomView):
    """``/admin/graphiql``: the API explorer with the admin's bearer token preset."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(
            menu_label=t("GraphQL 调试台", "GraphiQL"),
            icon="fa fa-code",
            path="/graphiql",
            route_name="graphiql",
        )
        self.settings = settings

    @route("", methods=["GET"], name="graphiql")
    async def index(self, request: Request) -> Response:
        assert self._admin is not None
        user = admin_account(request)
        token = tokens_for(self.settings).issue(user.id, user.token_epoch)
        comment = pick(
            "已用您的管理员令牌登录（见下方 Headers），有效期"
            f"{self.settings.token_ttl_hours}小时。",
            f"Signed in with your admin token (see Headers below), valid for "
            f"{self.settings.token_ttl_hours} hours.",
        )
        response = self._admin._template_response(
            request,
            "crossflow/graphiql.html",
            {
                "title": self.title(request),
                "config": {
                    "token": token,
                    "query": EXAMPLE_QUERY.format(comment=comment),
                },
            },
        )
        response.headers["cache-control"] = "no-store"
        return response
