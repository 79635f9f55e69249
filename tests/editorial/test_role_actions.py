"""Each role is offered only the actions it may take, and what it is offered works."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Page

from cms.editorial.roles import setup_roles
from cms.testing import login
from cms.translation import translate
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.trainings.editorial import TRAINING_PLANNERS
from tests.editorial.test_workflow import _submit_new_training

APPROVE = 'data-workflow-action-name="approve"'


def test_author_is_not_offered_approval_and_a_colleague_approval_publishes(
    client, planner, make_editor, training_indexes
):
    page = _submit_new_training(client, planner, training_indexes["fi"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert APPROVE not in editor.content.decode(), "no approving one's own work"
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert not page.live

    colleague = make_editor(TRAINING_PLANNERS.name)
    client.logout()
    login(client, colleague)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert APPROVE in editor.content.decode()
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]),
        {"comment": "Hyvä."},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live, "the section's reviewer publishes through the approval"


def test_planner_is_not_offered_translations_outside_their_sections(
    client, planner, translated_home_pages, locales, training
):
    news_index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    translate(news_index, locales["en"], {"title": "News"})
    setup_roles()
    news = NewsPageFactory(parent=news_index, title="Uutinen")
    news.save_revision().publish()
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[news.id])
    login(client, planner)

    listing = client.get(reverse("wagtailadmin_explore", args=[news_index.id]))
    assert translate_url not in listing.content.decode()
    response = client.post(translate_url, {"locales": [locales["en"].id]})
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(
        translation_key=news.translation_key, locale=locales["en"]
    ).exists()

    # In their own section the planner translates, and only into locales they may write.
    own_url = reverse("wagtail_localize:submit_page_translation", args=[training.id])
    form = client.get(own_url)
    assert form.status_code == 200
    assert f'value="{locales["sv"].id}"' in form.content.decode()
    assert client.post(own_url, {"locales": [locales["sv"].id]}).status_code == 302
    assert Page.objects.filter(
        translation_key=training.translation_key, locale=locales["sv"]
    ).exists()
