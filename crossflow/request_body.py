"""Reading an ASGI request's body ahead of the app that will answer it, and handing it on.

The GraphQL view reads a JSON body to see whether the compiled path can answer it; when the
generic executor answers instead, it receives the same bytes as if nothing had been read.
"""

from __future__ import annotations

from starlette.types import Message, Receive


async def read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    """The request body up to ``limit`` bytes, and whether more of it is still to come."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), False
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), False
        if size > limit:
            return b"".join(chunks), True


def replaying(body: bytes, more: bool, receive: Receive) -> Receive:
    """``receive`` that first hands back what was already read of the body."""
    pending = True

    async def replay() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    return replay
