"""Whether an HTML form post comes from a page of this service (the 受付ナビ's cross-site check).

The ``/v1`` endpoints take only JSON, which a page on another site cannot make
a browser send without a CORS preflight that the service never grants. The
受付ナビ's own forms post ``application/x-www-form-urlencoded`` — exactly what
any site can make a browser send, with no preflight. Such a post is answered
only when the browser says it comes from this service: its ``Origin`` (or,
from a browser that sends none, its ``Referer``) names the same host and port
as the ``Host`` header, which the host check has already limited to the names
the service answers. ``Origin: null`` (a sandboxed frame, a file) is refused.

The pages send ``Referrer-Policy: same-origin``: with ``no-referrer`` a browser
would send ``Origin: null`` on the page's own posts.

>>> same_origin("127.0.0.1:8000", "http://127.0.0.1:8000", None)
True
>>> same_origin("127.0.0.1:8000", "http://evil.example", None), same_origin("localhost", "null", None)
(False, False)
>>> same_origin("localhost:8000", None, "http://localhost:8000/declaration")
True
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["same_origin"]


def same_origin(host: str | None, origin: str | None, referer: str | None) -> bool:
    """True when *origin* (else *referer*) is an http(s) URL of exactly the host and port in *host*."""
    source = origin if origin is not None else referer
    if not host or not source:
        return False
    try:
        parts = urlsplit(source)
    except ValueError:  # an unbalanced IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()
