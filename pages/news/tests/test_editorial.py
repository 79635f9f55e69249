"""News in the editorial workflow: moderated by communications, closed calls marked."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms.editorial.sections import closed_mark
from cms.testing import login
from pages.news.factories import NewsPageFactory
from pages.news.models import NewsPage
from pages.news.tests.test_models import _form


def test_training_planner_cannot_write_edit_or_publish_news(client, planner, news_indexes):
    news = NewsPageFactory(parent=news_indexes["fi"], title="Valtionavustushaku avattu")
    login(client, planner)

    edit_url = reverse("wagtailadmin_pages:edit", args=[news.id])
    assert client.get(edit_url).status_code in (302, 403)
    response = client.post(
        edit_url, {**_form(title="Muutettu", slug=news.slug), "action-publish": "1"}
    )
    assert response.status_code in (302, 403)
    news.refresh_from_db()
    assert news.title == "Valtionavustushaku avattu"
    assert news.get_latest_revision_as_object().title == "Valtionavustushaku avattu"

    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_indexes["fi"].id])
    response = client.post(add_url, {**_form(slug="planner-news"), "action-publish": "1"})
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.filter(slug="planner-news").exists()

    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[news.id])
    client.post(unpublish_url)
    news.refresh_from_db()
    assert news.live


def test_news_goes_through_communications_review(client, make_editor, news_indexes):
    writer = make_editor("Viestintä", email="kirjoittaja@example.fi")
    reviewer = make_editor("Viestintä", email="tarkastaja@example.fi")
    mail.outbox.clear()
    login(client, writer)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_indexes["fi"].id])
    response = client.post(add_url, {**_form(slug="arvioitava"), "action-submit": "1"})
    assert response.status_code == 302
    news = NewsPage.objects.get(slug="arvioitava")
    state = news.current_workflow_state
    assert state.workflow.name == "Moderoitu julkaisu"
    assert reviewer.email in {address for message in mail.outbox for address in message.to}

    client.logout()
    login(client, reviewer)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[news.id, "approve", state.current_task_state.id],
        ),
        {"comment": ""},
    )
    news.refresh_from_db()
    assert news.live


def test_translator_cannot_publish_swedish_news(client, translator, news_indexes):
    login(client, translator)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_indexes["sv"].id])
    response = client.post(add_url, {**_form(slug="svensk-nyhet"), "action-publish": "1"})
    assert response.status_code == 302
    assert not NewsPage.objects.get(slug="svensk-nyhet").live


def test_a_grant_call_past_its_deadline_is_marked_closed_without_republishing(client, news_indexes):
    call = NewsPageFactory(
        parent=news_indexes["fi"],
        grant_call=True,
        publication_date=timezone.localdate() - dt.timedelta(days=40),
    )
    revisions = call.revisions.count()
    assert call.application_deadline < timezone.now()
    with translation.override("fi"):
        closed = gettext("The application period has ended")
        assert closed_mark(call).label == closed
    assert closed in client.get(call.url).content.decode()
    assert call.revisions.count() == revisions

    open_call = NewsPageFactory(parent=news_indexes["fi"], grant_call=True)
    assert closed_mark(open_call) is None
    with translation.override("fi"):
        closed = gettext("The application period has ended")
    assert closed not in client.get(open_call.url).content.decode()
    assert closed_mark(NewsPageFactory(parent=news_indexes["fi"])) is None
