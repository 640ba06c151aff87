"""The per-request context every resolver receives as ``info.context``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.rate_limit import Limiter
from core.settings import Settings
from resolvers.access.auth import Viewer
from resolvers.errors import Unauthenticated
from resolvers.loaders import Loaders

if TYPE_CHECKING:
    from resolvers.access.live_sockets import LiveConnection


@dataclass
class RequestContext:
    """Settings, the signed-in viewer (or ``None``) and this request's dataloaders."""

    settings: Settings
    viewer: Viewer | None
    loaders: Loaders
    request: Any = None
    response: Any = None
    #: The ``connection_init`` payload of a websocket (strawberry sets it).
    connection_params: Any = None
    extras: dict[str, Any] = field(default_factory=dict)
    #: The websocket's watch over its viewer (``resolvers/access/live_sockets.py``);
    #: ``None`` on HTTP.
    live: LiveConnection | None = None
    #: Comments per minute per person (the GraphQL view's; ``None``: not limited here).
    comment_limiter: Limiter | None = None

    @classmethod
    def build(cls, settings: Settings, viewer: Viewer | None, **kwargs: Any) -> RequestContext:
        return cls(settings=settings, viewer=viewer, loaders=Loaders(viewer), **kwargs)

    def require_viewer(self) -> Viewer:
        """The viewer, or ``UNAUTHENTICATED`` when nobody is signed in."""
        if self.viewer is None:
            raise Unauthenticated("请先登录 (sign in first)")
        return self.viewer

    def sign_in(self, viewer: Viewer | None) -> None:
        """Attach the viewer found after the context was built (websocket connection_init)."""
        self.viewer = viewer
        self.loaders = Loaders(viewer)
