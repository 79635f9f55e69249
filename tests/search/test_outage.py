"""The search engine is down (a closed port on 127.0.0.1): publishing goes on, search degrades
to the database, and the queue catches the engine up when it returns, losing no page."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.local import Local
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from cms.origin import page_url
from search.models import PendingIndexUpdate
from search.service import search_pages
from search.tasks import retry_delay, sync_search_index
from tests.search.es_stub import closed_port_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_down(use_elasticsearch):
    use_elasticsearch(closed_port_url())


def _forget_task_backends() -> None:
    # django-tasks caches its backends and does not listen to setting changes.
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)


@pytest.fixture
def database_task_queue():
    """Tasks go to the database queue, as in production, instead of running at once."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _forget_task_backends()
        yield
    _forget_task_backends()


def test_publishing_succeeds_and_the_update_waits_in_the_queue(engine_down, add_event):
    page = add_event("fi", "Koulutus")

    page.refresh_from_db()
    assert page.live
    pending = PendingIndexUpdate.objects.get(object_id=str(page.pk))
    assert pending.attempts >= 1 and "Connection" in pending.last_error


DEGRADED_NOTICE = (
    "Search is running in a reduced mode right now: results come from a simpler search and "
    "may be less complete."
)


def test_site_search_answers_from_the_database_and_says_so(search_html, engine_down, add_event):
    page = add_event("fi", "Koulutus")

    html = search_html("fi", "koulutuksen")

    assert f'href="{page_url(page)}"' in html
    with translation.override("fi"):
        notice = gettext(DEGRADED_NOTICE)
    assert notice in html and 'role="status"' in html


def test_service_and_suggestions_report_degraded(engine_down, add_event):
    from search.service import suggest_titles

    add_event("en", "Training")

    outcome = search_pages("trainings", "en")

    assert outcome.degraded and [hit.title for hit in outcome.hits] == ["Training"]
    assert suggest_titles("trai", "en") == (["Training"], True)


def test_queue_catches_up_when_the_engine_returns(use_elasticsearch, es_stub, add_event):
    use_elasticsearch(closed_port_url())
    kept = add_event("fi", "Koulutus")
    removed = add_event("fi", "Poistuva koulutus")
    removed.delete()
    assert PendingIndexUpdate.objects.count() >= 2

    use_elasticsearch(es_stub.url)
    sync_search_index.call()

    assert PendingIndexUpdate.objects.count() == 0
    assert str(kept.pk) in es_stub.indexed_documents()
    assert es_stub.matching("DELETE", rf"/_doc/{removed.pk}$")
    assert not search_pages("koulutus", "fi").degraded


def test_failed_run_schedules_one_retry_with_back_off(database_task_queue, engine_down, add_event):
    add_event("fi", "Koulutus")
    add_event("fi", "Toinen koulutus")
    task_path = "search.tasks.sync_search_index"
    queued = DBTaskResult.objects.filter(task_path=task_path)
    assert queued.count() >= 2  # publishing only queued work: nothing ran yet
    assert PendingIndexUpdate.objects.filter(attempts=0).count() >= 2

    sync_search_index.call()
    sync_search_index.call()  # a second failing run does not add a second retry chain

    (retry,) = [row for row in queued.all() if row.args_kwargs["kwargs"] == {"attempt": 1}]
    assert retry.run_after >= timezone.now() + dt.timedelta(seconds=20)
    assert not PendingIndexUpdate.objects.filter(attempts=0).exists()


def test_retry_delays_grow_and_are_capped():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(50).total_seconds() == 600


def test_reindex_reports_an_unreachable_engine_clearly(engine_down, db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="unreachable"):
        call_command("reindex", backend_name="default", verbosity=0)


def test_a_page_that_cannot_be_indexed_does_not_hold_up_the_others(
    monkeypatch, add_event, search_html
):
    from tests.events.models import EventPage

    broken = add_event("fi", "Rikkinäinen koulutus")

    def fail(page):
        if page.pk == broken.pk:
            raise ValueError("broken search field")
        return ""

    monkeypatch.setattr(EventPage, "search_lemmas", fail)
    broken.save()
    add_event("fi", "Toimiva koulutus")

    pending = PendingIndexUpdate.objects.get(object_id=str(broken.pk))
    assert "broken search field" in pending.last_error
    assert "Toimiva koulutus" in search_html("fi", "toimiva")
