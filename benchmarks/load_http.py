"""A bounded load test of ``rezept-fusho serve`` on loopback (not part of the unit tests).

    python benchmarks/load_http.py [--requests 5000] [--clients 4]

Starts uvicorn on 127.0.0.1 on a free port, sends REQUESTS one-claim
``POST /v1/resolve`` calls from CLIENTS threads, prints requests/s and the
latency percentiles, and stops the server. Only ever binds loopback.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

from rezept_fusho.server.app import create_app

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(), host=HOST, port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    bodies = [line.encode() for line in corpus.lines(args.requests)]
    url = f"http://{HOST}:{port}/v1/resolve"
    per_client = [bodies[i :: args.clients] for i in range(args.clients)]

    def client(mine: list[bytes]) -> list[float]:
        latencies = []
        with httpx.Client(headers={"content-type": "application/json"}) as session:
            for body in mine:
                started = time.perf_counter()
                response = session.post(url, content=body)
                latencies.append(time.perf_counter() - started)
                assert response.status_code in (200, 400, 422), response.status_code
        return latencies

    started = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        latencies = [value for chunk in pool.map(client, per_client) for value in chunk]
    elapsed = time.perf_counter() - started
    server.should_exit = True
    thread.join(timeout=10)
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"{len(latencies)} requests, {args.clients} clients, loopback, server and clients on one machine")
    print(
        f"{len(latencies) / elapsed:,.0f} requests/s; latency p50 {quantiles[49] * 1000:.1f} ms, "
        f"p99 {quantiles[98] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
