"""The FastAPI application: one store, a JSON API under /api and the web UI at /.

This module and its siblings import FastAPI at the top: only ``storyline serve`` (and
tests) import them, so the rest of storyline works without the web extras.

Security model: article text is untrusted (templates autoescape it and a strict CSP
forbids inline script), request bodies are capped before they reach a handler (413),
writes need the bearer token (``STORYLINE_TOKEN``) and reads are open to loopback
clients only unless ``public_reads`` is set.
"""

from __future__ import annotations

import hmac
import importlib.util
import ipaddress
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse

from storyline import __version__
from storyline.config import Options, ServeOptions
from storyline.serve.api import build_api_router
from storyline.serve.web import build_web_router, mount_static
from storyline.store.factory import open_store

log = logging.getLogger(__name__)

# No inline script or style: any markup that slips through cannot run.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI (/docs) boots with an inline script and, unless fastapi-offline's bundled
# copy is installed, loads its assets from a CDN; it shows no article text, so it gets a
# looser policy of its own.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; "
    "frame-ancestors 'none'"
)
LOCAL_DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
)
DOCS_ASSETS = "/docs-static"


def bundled_swagger_ui() -> Path | None:
    """Swagger UI files shipped in the fastapi-offline package, if it is installed."""
    try:
        spec = importlib.util.find_spec("fastapi_offline")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    static = Path(next(iter(spec.submodule_search_locations))) / "static"
    return static if (static / "swagger-ui-bundle.js").is_file() else None


def add_offline_docs(app: FastAPI, assets: Path) -> None:
    """/docs from local files: the API documentation works with no network."""
    from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
    from fastapi.staticfiles import StaticFiles

    app.mount(DOCS_ASSETS, StaticFiles(directory=str(assets)), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{app.title} API",
            oauth2_redirect_url="/docs/oauth2-redirect",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon.png",
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def docs_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()


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
        body = b'{"detail":"request body too large (limit %d bytes)"}' % self.limit
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware: CSP and friends on every response (errors and static files too)."""

    def __init__(self, app: Any, docs_csp: str) -> None:
        self.app = app
        self.docs_csp = docs_csp.encode()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope.get("path") in ("/docs", "/docs/oauth2-redirect")
        extra = [
            (b"content-security-policy", self.docs_csp if docs else CSP.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in extra}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bearer_matches(request: Request, token: str | None) -> bool:
    if not token:
        return False
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        value.strip().encode("utf-8"), token.encode("utf-8")
    )


class ServerState:
    """What the handlers share: the store, the options, and a lock that serialises
    ingest + re-analysis (the analysis is recomputed over the whole store)."""

    def __init__(self, db_url: str, token: str | None, options: Options, serve: ServeOptions):
        self.db_url = db_url
        self.store = open_store(db_url)
        self.token = token
        self.options = options
        self.serve = serve
        self.write_lock = threading.Lock()


def create_app(
    db_url: str,
    token: str | None,
    options: Options | None = None,
    serve_options: ServeOptions | None = None,
) -> FastAPI:
    """The app over the store at ``db_url``; writes need ``token`` (None: writes refused)."""
    state = ServerState(
        db_url, token or None, options or Options(), serve_options or ServeOptions()
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.store.close()

    def require_read(request: Request) -> None:
        client = request.client.host if request.client else None
        if state.serve.public_reads or is_loopback(client) or bearer_matches(request, state.token):
            return
        raise HTTPException(
            401,
            "reads are open to localhost only; send the bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )

    def require_write(request: Request) -> None:
        if state.token is None:
            raise HTTPException(
                403, "writes are disabled: start the server with STORYLINE_TOKEN set"
            )
        if not bearer_matches(request, state.token):
            raise HTTPException(
                401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
            )

    swagger_assets = bundled_swagger_ui()
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Sourced story briefs from a pile of news articles.",
        lifespan=lifespan,
        docs_url=None if swagger_assets else "/docs",
        redoc_url=None,
    )
    docs_csp = DOCS_CSP
    if swagger_assets:
        add_offline_docs(app, swagger_assets)
        docs_csp = LOCAL_DOCS_CSP
    app.state.storyline = state

    app.include_router(
        build_api_router(state, Depends(require_write)),
        prefix="/api",
        dependencies=[Depends(require_read)],
    )
    app.include_router(build_web_router(state), dependencies=[Depends(require_read)])
    mount_static(app)
    app.add_middleware(SecurityHeaders, docs_csp=docs_csp)
    # the outermost layer, so oversized bodies are refused before anything parses them
    app.add_middleware(BodyLimit, limit=state.serve.max_request_bytes)
    return app
