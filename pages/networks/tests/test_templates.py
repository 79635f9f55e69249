"""The network page shows every field to readers."""

from __future__ import annotations

import datetime as dt

from cms.vocabularies.factories import OrganisationFactory, PersonFactory
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory


def test_network_page_shows_every_field(client, home_page):
    index = NetworkIndexPageFactory(parent=home_page)
    related = NetworkPageFactory(parent=index, title="AVI kouluttaa -verkosto")
    coordinator = OrganisationFactory(name="Lapin ELY-keskus")
    member = OrganisationFactory(name="Lapin koulutuskeskus REDU")
    contact = PersonFactory(name="Sari Mäkinen", email="sari@example.fi")
    network = NetworkPageFactory(
        parent=index,
        title="Lapin ELO-ryhmä",
        lead="Elinikäisen ohjauksen yhteistyöryhmä.",
        purpose="<p>Ohjausta kaikenikäisille.</p>",
        goals=[("goal", {"title": "Ohjauspalvelujen kehittäminen", "description": "Yhdessä."})],
        coordinator=coordinator,
        members=[member],
        sub_groups=[
            ("sub_group", {"name": "Yhteistyöryhmä", "role": "Linjaa.", "level": 1}),
            ("sub_group", {"name": "Alueelliset ryhmät", "role": "Vievät.", "level": 2}),
        ],
        meeting_rhythm="3–4 kertaa vuodessa",
        term_start=dt.date(2013, 11, 1),
        term_end=dt.date(2015, 12, 31),
        action_plan=[
            (
                "action",
                {"title": "Arviointi", "description": "", "starts": dt.date(2027, 11, 1)},
            )
        ],
        related_pages=[("page", related)],
        contacts=[contact],
    )
    network.save_revision().publish()

    response = client.get(network.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Elinikäisen ohjauksen yhteistyöryhmä.",
        "Ohjausta kaikenikäisille.",
        "Ohjauspalvelujen kehittäminen",
        "Lapin ELY-keskus",
        "Lapin koulutuskeskus REDU",
        "Alueelliset ryhmät",
        "3–4 kertaa vuodessa",
        "1.11.2013",
        "31.12.2015",
        "Arviointi",
        "AVI kouluttaa -verkosto",
        "Sari Mäkinen",
    ]:
        assert text in html, text
    # The regional groups are nested inside the cooperation group's list item.
    assert html.index("Alueelliset ryhmät") > html.index("Yhteistyöryhmä")
    assert html.count('<ul class="sub-groups">') == 2
