"""Helpers shared by the API tests of the core and of each plugin."""

from __future__ import annotations

from typing import Any

from django.test import Client
from wagtail.models import Page


def publish(page: Page) -> Page:
    """Publish a page through a revision, as an editor would (fires the page signals)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def ids(client: Client, url: str) -> list[int]:
    """The ids of the items a list URL answers, in order (asserting it answers 200)."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def problem_parameter(client: Client, url: str) -> Any:
    """The parameter a 400 answer names."""
    response = client.get(url)
    assert response.status_code == 400, response.content
    return response.json()["errors"][0]["parameter"]
