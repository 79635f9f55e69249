"""The app servers log JSON lines with a request id; keys and passwords never appear."""

from __future__ import annotations

import json
import time

import pytest
import requests

pytestmark = [pytest.mark.product, pytest.mark.backend_independent]

SECRET_PASSWORD = "Wrong-Passw0rd-Never-Logged"


def app_log_entries(stack) -> list[dict]:
    entries = []
    for name in ("gunicorn-1", "gunicorn-2"):
        for line in stack.log_lines(name):
            entries.append(json.loads(line))  # every line is JSON, or this fails
    return entries


def test_requests_are_logged_as_json_with_their_id_and_no_secret(stack):
    key = stack.shell(
        "import json\nfrom cms.api.models import PartnerKey\n"
        "from cms.vocabularies.models import Organisation\n"
        "_, raw = PartnerKey.issue(name='Log test', organisation=Organisation.objects.first())\n"
        "print(json.dumps(raw))"
    )
    tagged = stack.get(
        "/api/v1/news/?limit=3",
        headers={"X-Api-Key": key, "Authorization": f"Bearer {key}"},
    )
    assert tagged.status_code == 200
    request_id = tagged.headers["X-Request-ID"]
    session = requests.Session()
    session.get(f"{stack.url}/admin/login/", timeout=30)
    failed = session.post(
        f"{stack.url}/admin/login/",
        data={
            "username": "stackadmin",
            "password": SECRET_PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{stack.url}/admin/login/"},
        timeout=30,
    )
    assert failed.status_code == 200  # the form again, with an error
    stack.count("requests", 3)
    time.sleep(0.5)

    entries = app_log_entries(stack)
    request_lines = [entry for entry in entries if entry["logger"] == "cms.requests"]
    assert request_lines
    assert all(entry["request_id"] for entry in request_lines)
    tagged_lines = [entry for entry in entries if entry["request_id"] == request_id]
    assert [entry["path"] for entry in tagged_lines if "path" in entry] == ["/api/v1/news/"]
    logs = "\n".join(
        (stack.log_dir / f"{name}.log").read_text()
        for name in ("gunicorn-1", "gunicorn-2", "db_worker", "purge_worker", "run_scheduler")
    )
    assert key not in logs
    assert SECRET_PASSWORD not in logs
    assert stack.state["env"]["SECRET_KEY"] not in logs
