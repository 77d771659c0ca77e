"""The FastAPI application: one store, a JSON API under /api and the web UI at /.

This module and its siblings import FastAPI at the top: only ``storyline serve`` (and
tests) import them, so the rest of storyline works without the web extras.

Security model: article text is untrusted (templates autoescape it and a strict CSP
forbids inline script, on every response); only allow-listed Host names are served
(DNS rebinding); writes need the bearer token (``STORYLINE_TOKEN``), checked before the
body is read, and bodies are capped (413); reads are open to loopback clients only
(a proxy's clients are judged by their own address) unless ``public_reads`` is set.
Writes run one at a time on a background thread (serve.writer) so reads are never
starved by a long analysis.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse

from storyline import __version__
from storyline.api import analyse, open_store
from storyline.config import Options, ServeOptions
from storyline.serve.access import allowed_hosts, bearer_matches, client_address, is_loopback
from storyline.serve.api import build_api_router
from storyline.serve.middleware import BodyLimit, RequestGate, SecurityHeaders, security_headers
from storyline.serve.web import build_web_router, mount_static
from storyline.serve.writer import Analysis, WriteQueue

log = logging.getLogger(__name__)
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


class ServerState:
    """What the handlers share: the store, the options, the Host allow-list and the
    write queue (its one thread stores and re-analyses, one job after another)."""

    def __init__(self, db_url: str, token: str | None, options: Options, serve: ServeOptions):
        self.db_url = db_url
        self.store = open_store(db_url)
        self.token = token
        self.options = options
        self.serve = serve
        self.allowed_hosts = allowed_hosts(None, serve.allowed_hosts)
        self.writer = WriteQueue(self._analyse, serve.max_queued_writes)

    def _analyse(self, full: bool) -> Analysis:
        done = analyse(self.store, self.options, full=full)
        return done.articles, done.stories, done.timings


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
        state.writer.close()
        state.store.close()

    def require_read(request: Request) -> None:
        if (
            state.serve.public_reads
            or is_loopback(client_address(request.scope))
            or bearer_matches(request.headers.get("authorization"), state.token)
        ):
            return
        raise HTTPException(
            401,
            "reads are open to localhost only; send the bearer token",
            headers={"WWW-Authenticate": "Bearer"},
        )

    def require_write(request: Request) -> None:
        # RequestGate has checked this before the body was read; kept here too, so a write
        # route never depends on the middleware order alone
        if state.token is None:
            raise HTTPException(
                403, "writes are disabled: start the server with STORYLINE_TOKEN set"
            )
        if not bearer_matches(request.headers.get("authorization"), state.token):
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

    @app.exception_handler(Exception)
    async def internal_error(_request: Request, _exc: Exception) -> JSONResponse:
        # Starlette answers an unhandled error outside every middleware added below, so
        # this response carries the security headers itself
        return JSONResponse(
            {"detail": "internal server error"},
            status_code=500,
            headers={k.decode(): v.decode() for k, v in security_headers()},
        )

    # added innermost first: SecurityHeaders wraps every response, the gate (Host, token,
    # write slot) runs before BodyLimit reads a body, and BodyLimit before any parsing
    app.add_middleware(BodyLimit, limit=state.serve.max_request_bytes)
    app.add_middleware(RequestGate, state=state)
    app.add_middleware(SecurityHeaders, docs_csp=docs_csp)
    return app
