"""``storyline serve``: run the API and web UI with uvicorn (127.0.0.1 unless told)."""

from __future__ import annotations

import logging
import os

from storyline.config import ServeOptions
from storyline.store.factory import database_url

log = logging.getLogger(__name__)


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    public_reads: bool = False,
    allowed_hosts: list[str] | tuple[str, ...] = (),
) -> None:
    import uvicorn

    from storyline.serve.app import create_app

    token = os.environ.get("STORYLINE_TOKEN") or None
    if token is None:
        log.warning("STORYLINE_TOKEN is not set: write endpoints (ingest) are disabled")
    if host not in ("127.0.0.1", "localhost", "::1") and not public_reads:
        log.warning("listening on %s: non-local readers need the bearer token", host)
    # the bound address is a name clients may use; behind a proxy or on 0.0.0.0, the public
    # names come from --allowed-host
    names = (*allowed_hosts, host)
    options = ServeOptions(public_reads=public_reads, allowed_hosts=names)
    app = create_app(database_url(db), token, serve_options=options)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
