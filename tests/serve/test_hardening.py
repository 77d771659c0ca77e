"""Issue 18: auth before the body, the Host allow-list, security headers on every response,
huge offsets, the client behind a proxy (Forwarded, X-Real-IP)."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from storyline.serve.app import create_app

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy",
           "x-frame-options")  # fmt: skip
LISTINGS = ("/api/stories", "/api/search?q=ship", "/api/articles", "/api/entities",
            "/api/quotes", "/api/stories?q=ship")  # fmt: skip


def test_a_write_without_the_token_is_refused_before_its_body_is_parsed(client: TestClient) -> None:
    response = client.post(
        "/api/articles", content=b'{"articles": [', headers={"content-type": "application/json"}
    )
    assert response.status_code == 401, response.text  # not 422 with the parser's detail
    assert "JSON" not in response.text
    upload = client.post("/api/articles/upload", files={"files": ("a.txt", b"x" * 100)})
    assert upload.status_code == 401


def test_a_write_without_the_token_is_answered_before_its_body_is_sent(
    live_server, tmp_path
) -> None:
    base = live_server(create_app(f"sqlite:///{tmp_path / 's.db'}", TOKEN))
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=5) as conn:
        # announces 22 MB (under the body limit) and sends a few bytes: the 401 must come
        # without waiting for (or buffering) the rest
        conn.sendall(
            b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b'Content-Type: application/json\r\nContent-Length: 22000000\r\n\r\n[{"te'
        )
        head = conn.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 401"), head
    assert "content-security-policy" in head.lower()


@pytest.mark.parametrize("path", ["/", "/api/export/articles.jsonl", "/static/app.css", "/docs"])
def test_only_allow_listed_hosts_are_served(db_url: str, make_client, path: str) -> None:
    with make_client(db_url) as c:
        for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.nip.io"):
            response = c.get(path, headers={"Host": host})
            assert response.status_code == 400, (host, response.status_code)
            assert all(h in response.headers for h in HEADERS)
        for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST."):
            assert c.get(path, headers={"Host": host}).status_code == 200, host
        assert c.get(path, headers={"Host": "news.example"}).status_code == 400
    with make_client(db_url, allowed_hosts=("news.example",)) as c:
        assert c.get(path, headers={"Host": "news.example:443"}).status_code == 200
        assert c.get(path, headers={"Host": "other.example"}).status_code == 400


def test_a_write_to_an_unknown_host_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/articles", json=[{"text": "x"}], headers={**AUTH, "Host": "attacker.example"}
    )
    assert response.status_code == 400
    assert client.get("/api/articles").json()["total"] == 0


def test_security_headers_on_error_responses(db_url: str, make_client, tmp_path) -> None:
    with make_client(db_url, max_request_bytes=100) as c:
        responses = {
            413: c.post("/api/articles", json=[{"text": "w " * 100}], headers=AUTH),
            401: c.post("/api/articles", json=[]),
            400: c.get("/", headers={"Host": "attacker.example"}),
            404: c.get("/api/stories/nope"),
            422: c.get("/api/stories?limit=0"),
        }
        for status, response in responses.items():
            assert response.status_code == status
            assert all(h in response.headers for h in HEADERS), (status, response.headers)
    # a 500: the store's tables gone under a running server (SQLite only: a file to break)
    if db_url.startswith("sqlite"):
        app = create_app(db_url, TOKEN)
        with TestClient(
            app,
            client=("127.0.0.1", 5000),
            base_url="http://localhost",
            raise_server_exceptions=False,
        ) as c:
            engine = sa.create_engine(db_url)
            with engine.begin() as conn:
                conn.execute(sa.text("DROP TABLE articles"))
            engine.dispose()
            response = c.get("/api/articles")
            assert response.status_code == 500
            assert all(h in response.headers for h in HEADERS)
            assert "DROP" not in response.text and "articles" not in response.text


@pytest.mark.parametrize("path", LISTINGS)
def test_huge_offsets_are_a_validation_error(loaded: TestClient, path: str) -> None:
    sep = "&" if "?" in path else "?"
    for offset in (2**63, 2**64 + 5, 10**40):
        response = loaded.get(f"{path}{sep}offset={offset}")
        assert response.status_code == 422, (path, offset, response.text)
    last = loaded.get(f"{path}{sep}offset={2**63 - 1}")
    assert last.status_code == 200 and last.json()["items"] == []
    story = loaded.get("/api/stories").json()["items"][0]["id"]
    assert loaded.get(f"/api/stories/{story}/articles?offset={2**63}").status_code == 422
    assert loaded.get(f"/api/stories/{story}/articles?offset={2**63 - 1}").status_code == 200


def test_forwarded_and_x_real_ip_name_the_client_behind_a_local_proxy(
    db_url: str, make_client
) -> None:
    with make_client(db_url) as c:  # the peer is 127.0.0.1: a proxy on this host
        remote = [
            {"Forwarded": "for=203.0.113.9"},
            {"Forwarded": 'for="203.0.113.9:4711";proto=https'},
            {"Forwarded": 'for="[2001:db8::1]:4711"'},
            {"Forwarded": "for=203.0.113.9, for=127.0.0.1"},  # a second local hop
            {"Forwarded": "for=unknown"},
            {"Forwarded": "for=_hidden"},
            {"X-Real-IP": "203.0.113.9"},
            {"X-Real-IP": "127.0.0.1", "Forwarded": "for=198.51.100.7"},
        ]
        for headers in remote:
            assert c.get("/api/stories", headers=headers).status_code == 401, headers
            assert c.get("/", headers=headers).status_code == 401, headers
            assert c.get("/api/stories", headers={**headers, **AUTH}).status_code == 200
        local = [{"Forwarded": "for=127.0.0.1"}, {"Forwarded": 'for="[::1]"'},
                 {"X-Real-IP": "127.0.0.1"}, {}]  # fmt: skip
        for headers in local:
            assert c.get("/api/stories", headers=headers).status_code == 200, headers
    app = make_client(db_url).app
    # from a remote peer these headers are not trusted: it cannot claim to be local
    with TestClient(app, client=("203.0.113.9", 4000), base_url="http://localhost") as remote_c:
        assert remote_c.get("/api/stories", headers={"X-Real-IP": "127.0.0.1"}).status_code == 401
        assert (
            remote_c.get("/api/stories", headers={"Forwarded": "for=127.0.0.1"}).status_code == 401
        )
    with make_client(db_url, public_reads=True) as c:
        assert c.get("/api/stories", headers={"Forwarded": "for=203.0.113.9"}).status_code == 200


def test_a_refused_write_gives_its_queue_slot_back(db_url: str, make_client) -> None:
    with make_client(db_url, max_queued_writes=1) as c:
        for _ in range(3):  # parsed after the slot was taken; refused by validation
            bad = c.post(
                "/api/articles", content=b"[{", headers={**AUTH, "content-type": "application/json"}
            )
            assert bad.status_code == 422
            assert c.post("/api/articles", json={"x": 1}, headers=AUTH).status_code == 422
        good = c.post("/api/articles?analyse=false", json=[{"text": "Harbour news."}], headers=AUTH)
        assert good.status_code == 200 and good.json()["counts"]["new"] == 1
        assert c.post("/api/analyse", headers=AUTH).status_code == 200
