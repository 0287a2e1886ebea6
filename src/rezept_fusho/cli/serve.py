"""``rezept-fusho serve``: the HTTP service (needs the ``server`` extra: FastAPI and uvicorn).

Binds 127.0.0.1 by default. Binding any other address needs a bearer token
in ``REZEPT_FUSHO_TOKEN``: the service answers claims about patients and must
not be open to a network by accident.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import logging
import os
import sys

TOKEN_VARIABLE = "REZEPT_FUSHO_TOKEN"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the HTTP service (extra: rezept-fusho[server])",
        description=f"Serve POST /v1/resolve, POST /v1/triage, GET /v1/insurer-numbers/{{number}}, "
        f"GET /v1/rules, GET /healthz and /openapi.json. A bearer token is read from {TOKEN_VARIABLE}; "
        "it is required to bind anything but a loopback address.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--max-body-bytes", type=int, default=None, metavar="N", help="request size limit")
    parser.set_defaults(func=run)


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

    from rezept_fusho.server.app import MAX_BODY_BYTES, create_app  # noqa: PLC0415 - as above

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(token=token, max_body_bytes=args.max_body_bytes or MAX_BODY_BYTES)
    # uvicorn's own access log prints the raw path (with an insurer number in it): ours logs the template.
    uvicorn.run(app, host=args.host, port=args.port, access_log=False, log_level="info")
    return 0
