"""The site search page and the suggestions view, as a reader's browser sees them."""

from __future__ import annotations

import pytest

from cms.origin import page_url

pytestmark = pytest.mark.django_db


def test_search_page_lists_results_in_the_url_language(search_html, add_event):
    page = add_event("fi", "Koulutus", lead="Rehtoreille.")
    add_event("sv", "Utbildning")

    html = search_html("fi", "koulutuksen")

    assert '<html lang="fi">' in html
    assert '<label for="search-query">' in html and 'id="search-query"' in html
    assert 'value="koulutuksen"' in html
    assert '<ol class="search-results"' in html
    assert f'href="{page_url(page)}"' in html and "Rehtoreille." in html
    assert "Utbildning" not in html
    assert "reduced mode" not in html


def test_swedish_search_page_finds_swedish_pages(search_html, add_event):
    page = add_event("sv", "Utbildning")

    assert f'href="{page_url(page)}"' in search_html("sv", "utbildningar")


def test_type_facet_links_filter_by_type(search_html, add_event):
    add_event("en", "Training")

    html = search_html("en", "training")

    assert "?q=training&amp;type=events" in html


def test_no_results_and_empty_query_say_so(client, add_event):
    add_event("en", "Training")

    no_match = client.get("/en/search/", {"q": "zzzz"})
    empty = client.get("/en/search/")

    assert no_match.status_code == 200 and "No pages matched" in no_match.content.decode()
    assert empty.status_code == 200 and "search-results" not in empty.content.decode()


def test_unknown_type_is_a_form_error_not_a_server_error(client, add_event):
    response = client.get("/en/search/", {"q": "training", "type": "recipes"})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "recipes" in html and 'aria-invalid="true"' in html


def test_result_pages_are_paginated(client, add_event):
    for number in range(12):
        add_event("en", f"Training {number}")

    first = client.get("/en/search/", {"q": "training"}).content.decode()
    second = client.get("/en/search/", {"q": "training", "page": "2"}).content.decode()

    assert first.count("<li>\n                <h2>") == 10
    assert second.count("<li>\n                <h2>") == 2
    assert 'rel="next"' in first and 'start="11"' in second


def test_suggestions_are_json_titles_in_the_url_language(client, add_event):
    add_event("fi", "Koulutusverkosto")
    add_event("sv", "Kompetens")

    response = client.get("/fi/search/suggest/", {"q": "koul"})

    assert response.status_code == 200
    assert response.json() == {
        "query": "koul",
        "suggestions": ["Koulutusverkosto"],
        "degraded": False,
    }


def test_too_long_suggestion_query_is_a_400_naming_the_field(client, db):
    response = client.get("/fi/search/suggest/", {"q": "k" * 300})

    assert response.status_code == 400
    assert response.json()["field"] == "q"


def test_a_query_in_another_language_finds_those_pages_labelled(add_event, search_html):
    add_event("en", "Leadership coaching")
    add_event("fi", "Johtamisen valmennus")

    html = search_html("fi", "leadership")

    assert "Leadership coaching" in html
    assert "Tällä kielellä ei löytynyt sivuja; nämä ovat muilla kielillä." in html
    assert '<li lang="en">' in html and "(englanniksi)" in html
    assert "Tällä kielellä" not in search_html("fi", "johtamisen")
