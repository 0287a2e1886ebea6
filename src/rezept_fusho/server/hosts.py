"""Which ``Host`` header names the service answers: loopback names, and any the operator lists.

A web page the receptionist opens can make the browser call the service. With
DNS rebinding the page's own host name comes to resolve to 127.0.0.1, and the
browser then lets the page read the replies; but the request still carries
that host name in ``Host``. Answering only names the operator chose closes this.
"""

from __future__ import annotations

import ipaddress
import re

#: Answered whatever the options: the names a program on the same machine uses.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})

_NAME = re.compile(r"[a-z0-9_.-]+")
_PORT = re.compile(r"(?::[0-9]*)?")


def allowed_host(value: str) -> str:
    """*value* (a host name or an IP address, without a port) as :func:`host_name` gives it.

    Names are compared case-insensitively and IPv6 addresses in their bracketed,
    compressed form (``[::1]``). Raises ValueError for anything else, such as a port.
    """
    text = value.strip().lower()
    bracketed = text.startswith("[") and text.endswith("]")
    if bracketed:
        text = text[1:-1]
    if bracketed or ":" in text:
        try:
            return f"[{ipaddress.IPv6Address(text).compressed}]"
        except ValueError:
            raise ValueError("give a host name or an IP address, without a port") from None
    if not _NAME.fullmatch(text):
        raise ValueError("give a host name or an IP address, without a port")
    return text


def host_name(header: str | None) -> str | None:
    """The host a ``Host`` header value names, without its port; None when absent or malformed."""
    if header is None:
        return None
    if header.startswith("["):
        end = header.find("]") + 1
        if end == 0:
            return None
        name, port = header[:end], header[end:]
    else:
        name, colon, rest = header.partition(":")
        port = colon + rest
    if not _PORT.fullmatch(port):
        return None
    try:
        return allowed_host(name)
    except ValueError:
        return None
