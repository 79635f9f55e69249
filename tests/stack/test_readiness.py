"""``/readyz`` names each dependency: a dead search engine degrades, a dead Redis is down."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.stack.conftest import pid_alive

pytestmark = [pytest.mark.product, pytest.mark.backend_independent]


def test_search_engine_configured_but_down_makes_the_app_degraded(stack):
    response = stack.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "down"
    assert response.headers["X-Cache"] == "miss"


def test_stopped_redis_makes_every_app_server_report_the_cache_down(stack):
    redis = stack.state["redis"]
    os.kill(redis["pid"], signal.SIGTERM)
    for _ in range(100):
        if not pid_alive(redis["pid"]):
            break
        time.sleep(0.1)
    stack.count("faults")
    try:
        for index in (0, 1):
            response = stack.get("/readyz", base=stack.app_url(index))
            assert response.status_code == 503
            body = response.json()
            assert body["status"] == "down"
            assert body["checks"]["cache"]["status"] == "down"
            assert "Connection" in body["checks"]["cache"]["error"]
            assert body["checks"]["database"]["status"] == "ok"
            assert body["checks"]["search"]["status"] == "down"
        assert stack.get("/healthz", base=stack.app_url(0)).status_code == 200
    finally:
        # Bring Redis back on its port for whatever runs next; it stops with the session.
        replacement = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(redis["port"]), "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        stack.state["redis"]["pid"] = replacement.pid
        stack.extra_processes.append(replacement)
    for _ in range(50):
        if stack.get("/readyz", base=stack.app_url(0)).status_code == 200:
            break
        time.sleep(0.1)
    assert stack.get("/readyz", base=stack.app_url(0)).json()["checks"]["cache"]["status"] == "ok"
