#!/usr/bin/env python3
"""Reference SCIM client for roster-bench: lists every user of a SCIM service with scim2-client (httpx2 engine).

Usage: bench-reference.py BASE_URL TOKEN PAGE_SIZE
Prints one JSON line: {"users": N, "requests": R, "seconds": S} where S times the listing only (discovery of the
server's resource types and schemas happens first, untimed, as a long-lived client would have done already).

Install: python3 -m venv .venv && .venv/bin/pip install scim2-client httpx2
"""

import json
import sys
import time

import httpx2
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_models import SearchRequest, User


def main() -> None:
    base_url, token, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    http = httpx2.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    client = SyncSCIMClient(http)
    client.discover()
    started = time.perf_counter()
    users, requests, start = 0, 0, 1
    while True:
        page = client.query(User, query_parameters=SearchRequest(start_index=start, count=page_size))
        requests += 1
        got = len(page.resources or [])
        users += got
        start += got
        if got == 0 or start > page.total_results:
            break
    seconds = time.perf_counter() - started
    print(json.dumps({"users": users, "requests": requests, "seconds": seconds}))


if __name__ == "__main__":
    main()
