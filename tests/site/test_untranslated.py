"""Untranslated pages do not vanish, and the reader's language choice sticks.

In a section that shows untranslated pages (the events test plugin), a Finnish page with no
Swedish or English version is listed, fed and found in the other languages, marked as
Finnish; its language switcher says the page exists only in Finnish; the switcher remembers
the choice and carries filters; unprefixed links land on the translation (or the page in its
own language), never on a 404.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from cms.plugins import registry
from cms.testing import make_draft

pytestmark = pytest.mark.django_db

TITLE = "Digipedagogiikan täydennyskoulutus"


def listed_item(html: str, title: str) -> str:
    (item,) = re.findall(
        rf'<li class="listing__item"[^>]*>(?:(?!</li>).)*{title}.*?</li>', html, re.S
    )
    return item


def test_untranslated_page_is_listed_in_every_language_marked_finnish(
    client, make_event, event_indexes
):
    event = make_event(title=TITLE, translate_to=())
    translated = make_event(title="Käännetty tapahtuma", translate_to=("sv",))

    swedish = client.get(event_indexes["sv"].url).content.decode()
    item = listed_item(swedish, TITLE)
    assert 'lang="fi"' in item and "(på finska)" in item and event.url in item
    # A translated page is listed in its translation only.
    assert "Käännetty tapahtuma (sv)" in swedish
    assert translated.url not in swedish

    english = client.get(event_indexes["en"].url).content.decode()
    assert "(in Finnish)" in listed_item(english, TITLE)
    assert "(in Finnish)" in listed_item(english, "Käännetty tapahtuma")  # no English version

    finnish = client.get(event_indexes["fi"].url).content.decode()
    assert 'class="language-note"' not in finnish

    home = client.get("/sv/").content.decode()
    assert re.search(rf'<li class="listing__item" lang="fi"><a href="{event.url}">{TITLE}', home)


def test_a_draft_translation_does_not_hide_the_finnish_page(client, make_event, event_indexes):
    event = make_event(title=TITLE, translate_to=("sv",))
    make_draft(event.get_translations().get(locale__language_code="sv"))
    assert "(på finska)" in listed_item(client.get(event_indexes["sv"].url).content.decode(), TITLE)


def test_sections_without_the_flag_stay_in_their_language(
    client, make_event, event_indexes, monkeypatch
):
    plugin = registry.get("events")
    monkeypatch.setitem(registry._plugins, "events", replace(plugin, show_untranslated=False))
    make_event(title=TITLE)
    assert TITLE not in client.get(event_indexes["sv"].url).content.decode()
    assert TITLE not in client.get("/sv/feeds/events/rss.xml").content.decode()


def test_feeds_and_search_include_the_untranslated_page(client, make_event):
    event = make_event(title=TITLE)

    feed = client.get("/sv/feeds/events/rss.xml").content.decode()
    assert f"<title>{TITLE} (på finska)</title>" in feed
    assert (
        f"<title>{TITLE} (in Finnish)</title>"
        in client.get("/en/feeds/events/atom.xml").content.decode()
    )

    results = client.get("/sv/search/", {"q": "digipedagogiikan"}).content.decode()
    link = rf'<a href="[^"]*{event.url}" hreflang="fi">{TITLE}</a>'
    note = r'<span class="language-note" lang="sv">\(på finska\)'
    assert re.search(rf'<li lang="fi">\s*<h2>{link} {note}', results)

    api = client.get("/api/v1/search/", {"q": "digipedagogiikan", "locale": "sv"}).json()
    assert [(hit["id"], hit["locale"]) for hit in api["items"]] == [(event.id, "fi")]


def switcher(html: str) -> dict[str, tuple[str, str]]:
    nav = html.split('class="language-switcher"')[1].split("</nav>")[0]
    entries = {}
    for item in re.findall(r"<li>(.*?)</li>", nav, re.S):
        href, language = re.search(r'<a href="([^"]+)" lang="(\w+)"', item).groups()
        note = re.search(r'class="language-switcher__note" lang="\w+">([^<]*)<', item)
        entries[language] = (
            parse_qs(urlsplit(unescape(href)).query)["next"][0],
            note[1] if note else "",
        )
    return entries


def test_switcher_says_the_page_is_only_in_finnish(client, make_event):
    finnish_only = make_event(title=TITLE)
    links = switcher(client.get(finnish_only.url).content.decode())
    assert links["sv"] == ("/sv/", "Sidan finns endast på finska.")
    assert links["en"] == ("/en/", "This page is only available in Finnish.")
    assert links["fi"] == (finnish_only.url, "")

    english = make_event(title="Kaksikielinen", translate_to=("en",))
    links = switcher(client.get(english.url).content.decode())
    assert links["sv"] == ("/sv/", "Sidan finns inte på svenska.")
    assert links["en"][1] == ""


def test_switcher_carries_filters_and_search_terms(client, event_indexes):
    links = switcher(
        client.get(f"{event_indexes['fi'].url}?topic=johtaminen&page=2").content.decode()
    )
    assert links["sv"][0] == f"{event_indexes['sv'].url}?topic=johtaminen"
    links = switcher(
        client.get("/fi/search/", {"q": "johtaminen", "type": "events"}).content.decode()
    )
    assert links["en"][0] == "/en/search/?q=johtaminen&type=events"


def test_switching_remembers_the_language_at_the_root(client, translated_home_pages):
    response = client.get("/language/sv/", {"next": "/sv/evenemang/?topic=johtaminen"})
    assert response.status_code == 302
    assert response["Location"] == "/sv/evenemang/?topic=johtaminen"
    assert response.cookies["django_language"].value == "sv"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]

    root = client.get("/", HTTP_ACCEPT_LANGUAGE="fi")
    assert root.status_code == 302 and root["Location"] == "/sv/"

    for bad_next in ("https://evil.example/", "/fi/tapahtumat/", "//evil.example/sv/"):
        assert client.get("/language/en/", {"next": bad_next})["Location"] == "/en/"
    assert client.get("/language/de/").status_code == 400


def test_unprefixed_links_redirect_to_the_translation_or_the_page(client, make_event):
    translated = make_event(title=TITLE, translate_to=("sv",))
    finnish_only = make_event(title="Vain suomeksi")
    swedish = translated.get_translations().get(locale__language_code="sv")
    unprefixed = translated.url.removeprefix("/fi")

    response = client.get(unprefixed, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 302 and response["Location"] == swedish.url
    assert client.get(response["Location"]).status_code == 200

    response = client.get(finnish_only.url.removeprefix("/fi"), HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == finnish_only.url

    # A Swedish slug without its prefix, for a Finnish reader: the Finnish original.
    response = client.get(swedish.url.removeprefix("/sv"), HTTP_ACCEPT_LANGUAGE="fi")
    assert response["Location"] == translated.url

    assert client.get("/api/v1/no-such-thing/").status_code == 404
