"""Alphabetical order follows the reader's language: in Python, in SQL, on site and API.

Swedish and Finnish sort Å, Ä, Ö after Z (Å before Ä); É sorts with E; case does not
split the list. Real names of the field: Swedish audiences and Finnish organisations.
"""

from __future__ import annotations

import pytest

from cms.collation import collation_key

SWEDISH_NAMES = [
    "Åländska skolor",
    "Ämneslärare",
    "Yrkesutbildning",
    "Öppen högskola",
    "École-lärare",
    "Elevhälsa",
    "allmänbildande skolor",
    "Zonterapeuter",
]
SWEDISH_ORDER = [
    "allmänbildande skolor",
    "École-lärare",
    "Elevhälsa",
    "Yrkesutbildning",
    "Zonterapeuter",
    "Åländska skolor",
    "Ämneslärare",
    "Öppen högskola",
]


def test_swedish_and_finnish_put_a_ring_a_umlaut_o_umlaut_after_z():
    assert sorted(SWEDISH_NAMES, key=lambda name: collation_key(name, "sv")) == SWEDISH_ORDER
    finnish = ["Äänekosken lukio", "Zachris Topeliuksen koulu", "Åbo Akademi", "Öljy", "Espoo"]
    assert sorted(finnish, key=lambda name: collation_key(name, "fi")) == [
        "Espoo",
        "Zachris Topeliuksen koulu",
        "Åbo Akademi",
        "Äänekosken lukio",
        "Öljy",
    ]
    # English has no such letters: Å sorts with A.
    assert sorted(["Zeta", "Åbo Akademi", "Bravo"], key=lambda n: collation_key(n, "en")) == [
        "Åbo Akademi",
        "Bravo",
        "Zeta",
    ]


@pytest.mark.django_db
def test_api_and_site_filter_sort_swedish_names_the_swedish_way(client, locales, make_event):
    from cms.translation import translate
    from cms.vocabularies.factories import ThemeFactory

    themes = []
    for number, swedish in enumerate(SWEDISH_NAMES):
        theme = ThemeFactory(name=f"Teema {number}", slug=f"teema-{number}")
        translate(theme, locales["sv"], {"name": swedish})
        themes.append(theme)
    make_event(themes=themes, translate_to=("sv",))

    items = client.get("/api/v1/themes/?locale=sv&limit=50").json()["items"]
    assert [item["name"] for item in items] == SWEDISH_ORDER

    html = client.get("/sv/evenemang/").content.decode()
    positions = [html.index(f">{name}</option>") for name in SWEDISH_ORDER]
    assert positions == sorted(positions)
