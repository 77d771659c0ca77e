"""Who is asking, and for which host: the checks every request passes before a handler.

- Host allow-list: a DNS-rebinding page (attacker.example resolving to 127.0.0.1) sends
  its own name as Host; only loopback names, the bound host and ``--allowed-host`` names
  are served, others get 400.
- The client address: a request from a proxy on this host is the proxy's client's. uvicorn
  already takes X-Forwarded-For from 127.0.0.1; ``Forwarded: for=`` and ``X-Real-IP`` are
  read here the same way, so a remote reader behind any proxy still needs the token.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Iterable, Mapping
from typing import Any

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header: lower case, no port, no brackets, no trailing dot."""
    value = header.strip().lower()
    if value.startswith("["):  # [::1]:8000
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_hosts(bound: str | None, extra: Iterable[str]) -> frozenset[str]:
    names = {*LOOPBACK_NAMES, *(host_name(h) for h in extra if h.strip())}
    if bound:
        names.add(host_name(bound))
    return frozenset(names)


def host_allowed(header: str | None, allowed: frozenset[str]) -> bool:
    return header is not None and host_name(header) in allowed


def _header(scope: Mapping[str, Any], name: bytes) -> str | None:
    values = [v for k, v in scope.get("headers") or [] if k.lower() == name]
    return b",".join(values).decode("latin-1") if values else None


_FOR = re.compile(r'(?:^|;)\s*for\s*=\s*("[^"]*"|[^;,\s]*)', re.IGNORECASE)


def _forwarded_for(value: str) -> list[str]:
    """The ``for=`` addresses of a Forwarded header (RFC 7239), first hop first; ports and
    brackets dropped ("unknown" and obfuscated ids stay as they are: not loopback)."""
    found: list[str] = []
    for element in value.split(","):
        match = _FOR.search(element.strip())
        if not match:
            continue
        node = match.group(1).strip('"')
        if node.startswith("["):
            node = node[1 : node.find("]")] if "]" in node else node[1:]
        elif node.count(":") == 1:
            node = node.split(":", 1)[0]
        found.append(node)
    return found


def client_address(scope: Mapping[str, Any]) -> str | None:
    """The address a request is judged by. From a loopback peer (a proxy on this host, the
    only peer trusted for X-Forwarded-For), a Forwarded or X-Real-IP header names the client
    instead; when any of them names a non-loopback client, that client it is."""
    client = scope.get("client")
    peer = client[0] if client else None
    if not is_loopback(peer):
        return peer
    named: list[str] = []
    forwarded = _header(scope, b"forwarded")
    if forwarded is not None:
        hops = _forwarded_for(forwarded) or ["unknown"]
        # as uvicorn does for X-Forwarded-For: the nearest hop that is not a trusted proxy
        named.append(next((h for h in reversed(hops) if not is_loopback(h)), hops[0]))
    real_ip = _header(scope, b"x-real-ip")
    if real_ip is not None:
        named.append(real_ip.split(",")[-1].strip() or "unknown")
    return next((h for h in named if not is_loopback(h)), peer)


def bearer_matches(authorization: str | None, token: str | None) -> bool:
    if not token:
        return False
    scheme, _, value = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        value.strip().encode("utf-8"), token.encode("utf-8")
    )
