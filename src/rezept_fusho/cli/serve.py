"""``rezept-fusho serve``: the HTTP service (needs the ``server`` extra: FastAPI and uvicorn).

Binds 127.0.0.1 by default. Binding any other address needs a bearer token
in ``REZEPT_FUSHO_TOKEN``: the service answers claims about patients and must
not be open to a network by accident. Whatever the address, only requests
whose ``Host`` names a loopback host or an ``--allowed-host`` are answered.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import logging
import os
import sys
from collections.abc import Callable

from rezept_fusho.server.hosts import allowed_host
from rezept_fusho.server.limits import (
    BODY_TIMEOUT_SECONDS,
    KEEP_ALIVE_SECONDS,
    MAX_BODY_BYTES,
    MAX_CONNECTIONS,
)

TOKEN_VARIABLE = "REZEPT_FUSHO_TOKEN"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the HTTP service (extra: rezept-fusho[server])",
        description=f"Serve the 受付ナビ pages at / and /declaration, POST /v1/resolve, POST /v1/triage, "
        f"POST /v1/declaration-check, GET /v1/insurer-numbers/{{number}}, GET /v1/rules, GET /healthz and "
        f"/openapi.json. A bearer token is read from {TOKEN_VARIABLE}; "
        "it is required to bind anything but a loopback address.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument(
        "--max-body-bytes",
        type=_positive(int),
        default=MAX_BODY_BYTES,
        metavar="N",
        help="request size limit (default: %(default)s)",
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        type=_host_option,
        metavar="NAME",
        help="also answer requests whose Host header names NAME, any port (repeatable); "
        "localhost, 127.0.0.1 and [::1] are always answered",
    )
    parser.add_argument(
        "--body-timeout",
        type=_positive(float),
        default=BODY_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help="time a request body may take to arrive, whole; then 408 (default: %(default)s)",
    )
    parser.add_argument(
        "--max-connections",
        type=_positive(int),
        default=MAX_CONNECTIONS,
        metavar="N",
        help="with N connections open or N requests in progress, answer 503 (default: %(default)s)",
    )
    parser.add_argument(
        "--keep-alive-timeout",
        type=_positive(int),
        default=KEEP_ALIVE_SECONDS,
        metavar="SECONDS",
        help="close an idle keep-alive connection after SECONDS (default: %(default)s)",
    )
    parser.set_defaults(func=run)


def _host_option(value: str) -> str:
    try:
        return allowed_host(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                "must be a whole number" if kind is int else "must be a number"
            ) from None
        if not value > 0:  # NaN too
            raise argparse.ArgumentTypeError("must be above 0")
        return value

    return parse


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("fastapi") is None or importlib.util.find_spec("uvicorn") is None:
        print(
            "rezept-fusho serve: the HTTP service needs the server extra: pip install 'rezept-fusho[server]'",
            file=sys.stderr,
        )
        return 2
    token = os.environ.get(TOKEN_VARIABLE) or None
    if token is None and not is_loopback(args.host):
        print(
            f"rezept-fusho serve: refusing to bind {args.host} without a token; set {TOKEN_VARIABLE}",
            file=sys.stderr,
        )
        return 2
    import uvicorn  # noqa: PLC0415 - the server extra is optional: imported only when serving

    from rezept_fusho.server.app import create_app  # noqa: PLC0415 - as above

    if not is_loopback(args.host) and not args.allowed_host:
        print(
            "rezept-fusho serve: only requests for localhost, 127.0.0.1 or [::1] are answered; "
            "give the names clients use with --allowed-host",
            file=sys.stderr,
        )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(
        token=token,
        max_body_bytes=args.max_body_bytes,
        allowed_hosts=args.allowed_host,
        body_timeout=args.body_timeout,
    )
    # uvicorn's own access log prints the raw path (with an insurer number in it): ours logs the template.
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        access_log=False,
        log_level="info",
        limit_concurrency=args.max_connections,
        timeout_keep_alive=args.keep_alive_timeout,
    )
    return 0
