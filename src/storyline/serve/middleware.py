"""ASGI layers around the app, outermost first: security headers on every response; the
request gate (Host allow-list, write auth and a write-queue slot, all before the body is
read); the body size limit.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from storyline.serve.access import bearer_matches, host_allowed

if TYPE_CHECKING:
    from storyline.serve.app import ServerState

# No inline script or style: any markup that slips through cannot run.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
TICKET = "storyline.write_ticket"  # scope key: the write-queue slot of this request


def security_headers(csp: str = CSP) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]


async def send_error(
    send: Any, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    """A JSON error answered by a middleware (the handler never runs); the connection is
    closed, as the request body may be left unread."""
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413.

    Checks Content-Length first, then counts streamed bytes (chunked uploads declare
    no length), buffering at most ``limit`` bytes before the handler runs.
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(send)
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(body)
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Any) -> None:
        await send_error(send, 413, f"request body too large (limit {self.limit} bytes)")


class SecurityHeaders:
    """ASGI middleware: CSP and friends on every response (errors and static files too)."""

    def __init__(self, app: Any, docs_csp: str) -> None:
        self.app = app
        self.docs_csp = docs_csp

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope.get("path") in ("/docs", "/docs/oauth2-redirect")
        extra = security_headers(self.docs_csp if docs else CSP)

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in extra}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestGate:
    """ASGI middleware: what must hold before a handler, or even the body, is touched.

    A Host outside the allow-list gets 400. A write (any method but GET/HEAD/OPTIONS) needs
    the bearer token (401; 403 when the server has none) and a slot in the write queue
    (503 with Retry-After when all are taken); both are checked before the body is read,
    so an unauthenticated or refused request costs no parsing and no memory.
    """

    def __init__(self, app: Any, state: ServerState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        if not host_allowed(headers.get(b"host"), self.state.allowed_hosts):
            await send_error(send, 400, "unknown Host (start the server with --allowed-host)")
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        if self.state.token is None:
            await send_error(
                send, 403, "writes are disabled: start the server with STORYLINE_TOKEN set"
            )
            return
        if not bearer_matches(headers.get(b"authorization"), self.state.token):
            await send_error(
                send, 401, "missing or wrong bearer token", [(b"www-authenticate", b"Bearer")]
            )
            return
        ticket = self.state.writer.reserve()
        if ticket is None:
            retry = str(self.state.serve.retry_after_seconds).encode()
            await send_error(
                send, 503, "too many writes queued; retry later", [(b"retry-after", retry)]
            )
            return

        async def send_releasing(message: dict) -> None:
            # a request that queued no job gives its slot back before its answer goes out,
            # so the client's next write finds it free
            final = message["type"] == "http.response.body" and not message.get("more_body")
            if final and not ticket.submitted:
                ticket.release()
            await send(message)

        try:
            await self.app({**scope, TICKET: ticket}, receive, send_releasing)
        finally:
            if not ticket.submitted:
                ticket.release()
