"""The service's limits and their defaults.

Kept apart from the application so that ``rezept-fusho serve --help`` can show
the defaults without importing FastAPI (the ``server`` extra is optional).
"""

from __future__ import annotations

#: 1 MiB: about 2,000 claims per request; bigger batches belong to the command line.
MAX_BODY_BYTES = 1 << 20
#: Claims per ``POST /v1/resolve`` batch.
MAX_BATCH = 2000
#: Seconds a request body may take to arrive, whole. A full 1 MiB batch takes
#: milliseconds on loopback and under a second on a slow clinic LAN.
BODY_TIMEOUT_SECONDS = 10.0
#: Open connections (or requests in progress) at which uvicorn answers 503.
MAX_CONNECTIONS = 64
#: Seconds an idle keep-alive connection stays open (uvicorn's own default).
KEEP_ALIVE_SECONDS = 5
