"""Nothing lives in one process: two app servers (two workers each) share sessions, rate
counters, freshness stamps, the search outage state and uploads."""

from __future__ import annotations

import uuid

import pytest

pytestmark = [pytest.mark.product, pytest.mark.backend_independent]


def test_a_session_opened_on_one_app_server_works_on_the_other(stack, admin_session):
    for index in (0, 1):
        response = admin_session.get(
            f"{stack.app_url(index)}/admin/", allow_redirects=False, timeout=30
        )
        stack.count("requests")
        assert response.status_code == 200, (index, response.status_code)


def test_rate_counters_are_shared_between_app_servers(stack):
    client = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    remaining = []
    for request_number in range(6):
        response = stack.get(
            "/api/v1/themes/",
            base=stack.app_url(request_number % 2),
            headers={"X-Forwarded-For": client},
        )
        remaining.append(int(response.headers["X-RateLimit-Remaining"]))
    assert remaining == sorted(remaining, reverse=True)
    assert len(set(remaining)) == 6


def test_both_app_servers_give_the_same_validators(stack):
    # The Host that Varnish passes on: absolute URLs in the body are built from it.
    host = {"Host": stack.url.removeprefix("http://")}
    first = stack.get("/api/v1/news/?limit=5", base=stack.app_url(0), headers=host)
    second = stack.get("/api/v1/news/?limit=5", base=stack.app_url(1), headers=host)
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["Last-Modified"] == second.headers["Last-Modified"]
    revalidated = stack.get(
        "/api/v1/news/?limit=5",
        base=stack.app_url(1),
        headers={**host, "If-None-Match": first.headers["ETag"]},
    )
    assert revalidated.status_code == 304


def test_the_search_outage_seen_by_one_process_is_known_to_all(stack):
    response = stack.get("/fi/search/?q=koulutus", base=stack.app_url(0))
    assert response.status_code == 200
    marked = stack.shell(
        "from search import engine\nprint(str(engine.engine_marked_down()).lower())"
    )
    assert marked is True
