"""``storyline serve``: run the API and web UI with uvicorn (127.0.0.1 unless told)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyline.config import ServeOptions
from storyline.store.factory import database_url

log = logging.getLogger(__name__)


class StoreNotFound(ValueError):
    """``serve --db`` names no store: a mistyped path must not become a new empty one."""


def existing_store_url(db: str, create: bool = False) -> str:
    """The SQLAlchemy URL of the store ``db`` names, once it is known to be there.

    A SQLite file must exist unless ``create`` (then its folder is made too); a PostgreSQL
    database must exist and accept a connection (storyline creates its tables in it, as
    ever). Raises StoreNotFound with what to do instead.
    """
    import sqlalchemy as sa

    url = database_url(db)
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database
        if not name or name == ":memory:" or name.startswith("file:"):
            return url
        path = Path(name)
        if path.is_dir():
            raise StoreNotFound(f"--db {db}: {path} is a folder, not a SQLite store")
        if not path.exists():
            if not create:
                raise StoreNotFound(
                    f"--db {db}: no store at {path} (a mistyped path?). Build one with "
                    f"`storyline brief PATH... --db {db}`, or pass --create to serve a new "
                    "empty store there"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        return url
    if parsed.get_backend_name() == "postgresql":
        shown = parsed.render_as_string(hide_password=True)
        engine = sa.create_engine(url)
        try:
            with engine.connect():
                pass
        except sa.exc.OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            raise StoreNotFound(
                f"--db {shown}: cannot open that database ({reason}); it must exist "
                "(createdb), storyline creates its tables in it"
            ) from exc
        finally:
            engine.dispose()
    return url


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    public_reads: bool = False,
    allowed_hosts: list[str] | tuple[str, ...] = (),
    create: bool = False,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the store ``db`` names (see existing_store_url: StoreNotFound if it is not
    there and ``create`` is not set); ``on_ready(base_url)`` is called once the server
    accepts connections (the app built, the store opened, the socket listening)."""
    from storyline.serve.app import create_app

    url = existing_store_url(db, create)
    token = os.environ.get("STORYLINE_TOKEN") or None
    if token is None:
        log.warning("STORYLINE_TOKEN is not set: write endpoints (ingest) are disabled")
    if host not in ("127.0.0.1", "localhost", "::1") and not public_reads:
        log.warning("listening on %s: non-local readers need the bearer token", host)
    # the bound address is a name clients may use; behind a proxy or on 0.0.0.0, the public
    # names come from --allowed-host
    names = (*allowed_hosts, host)
    options = ServeOptions(public_reads=public_reads, allowed_hosts=names)
    app = create_app(url, token, serve_options=options)
    run_uvicorn(app, host=host, port=port, on_ready=on_ready)


def run_uvicorn(
    app: Any, *, host: str, port: int, on_ready: Callable[[str], None] | None = None
) -> None:
    """uvicorn.run, plus ``on_ready(base_url)`` from uvicorn's startup once it is listening
    (``Server.started``): after the lifespan startup and the bind, so a client connecting
    then is accepted. The URL carries the bound port (``port=0`` picks a free one)."""
    import uvicorn

    class AnnouncingServer(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if self.started and on_ready is not None:
                on_ready(_base_url(self, host, port))

    config = uvicorn.Config(app, host=host, port=port, log_level="info", server_header=False)
    server = AnnouncingServer(config)
    with contextlib.suppress(KeyboardInterrupt):  # as uvicorn.run: Ctrl-C is a normal stop
        server.run()
    if not server.started:  # the port was taken, the lifespan failed: uvicorn.run's exit code
        raise SystemExit(3)


def _base_url(server: Any, host: str, port: int) -> str:
    bound = [s.getsockname()[1] for srv in getattr(server, "servers", []) for s in srv.sockets]
    port = bound[0] if bound else port
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
