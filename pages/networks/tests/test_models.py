"""Networks: page-creation rules, validation, the sub-group outline, term and translation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.translation import translate
from cms.vocabularies.factories import OrganisationFactory, PersonFactory
from home.models import HomePage
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from pages.networks.models import NetworkIndexPage, NetworkPage


class NetworkPageTreeTests(WagtailPageTestCase):
    def test_index_lives_under_home_and_holds_networks(self):
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkPage})
        self.assertAllowedParentPageTypes(NetworkPage, {NetworkIndexPage})
        self.assertAllowedSubpageTypes(NetworkPage, set())

    def test_editor_can_create_network_with_every_field(self):
        home = HomePage.objects.get(locale__language_code="fi")
        index = NetworkIndexPageFactory(parent=home)
        other = NetworkPageFactory(parent=index, title="AVI kouluttaa")
        coordinator = OrganisationFactory()
        contact = PersonFactory(organisation=coordinator)
        self.login()
        self.assertCanCreateAt(NetworkIndexPage, NetworkPage)
        self.assertCanNotCreateAt(HomePage, NetworkPage)
        data = nested_form_data(
            {
                "title": "Lapin ELO-ryhmä",
                "slug": "lapin-elo-ryhma",
                "lead": "Elinikäisen ohjauksen yhteistyöryhmä.",
                "purpose": rich_text("<p>Ohjauspalvelut kaikenikäisille.</p>"),
                "goals": streamfield(
                    [("goal", {"title": "Verkoston rakentaminen", "description": ""})]
                ),
                "coordinator": coordinator.pk,
                "sub_groups": streamfield(
                    [
                        (
                            "sub_group",
                            {"name": "Yhteistyöryhmä", "role": "Linjaa", "level": 1, "members": ""},
                        ),
                        (
                            "sub_group",
                            {"name": "Koordinaatioryhmä", "role": "Valmistelee", "level": 2},
                        ),
                    ]
                ),
                "meeting_rhythm": "3–4 kertaa vuodessa",
                "term_start": "2013-11-01",
                "term_end": "2015-12-31",
                "action_plan": streamfield(
                    [
                        (
                            "action",
                            {
                                "title": "Toimintasuunnitelma",
                                "description": "",
                                "starts": "2027-01-15",
                                "ends": "",
                            },
                        )
                    ]
                ),
                "related_pages": streamfield([("page", other.pk)]),
            }
        )
        data["members"] = [coordinator.pk]
        data["contacts"] = [contact.pk]
        self.assertCanCreate(index, NetworkPage, data)
        created = NetworkPage.objects.get(slug="lapin-elo-ryhma")
        assert created.coordinator == coordinator
        assert list(created.members.all()) == [coordinator]
        assert [block.value.specific for block in created.related_pages] == [other]
        assert created.sub_groups[1].value["level"] == 2


@pytest.fixture
def index(home_page) -> NetworkIndexPage:
    return NetworkIndexPageFactory(parent=home_page)


def _network(**fields) -> NetworkPage:
    return NetworkPage(title="Verkosto", slug="verkosto", **fields)


def test_term_cannot_end_before_it_starts(db):
    page = _network(term_start=dt.date(2015, 12, 31), term_end=dt.date(2013, 11, 1))
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert set(raised.value.error_dict) == {"term_end"}


def test_term_may_start_and_end_on_the_same_day(db):
    _network(term_start=dt.date(2020, 4, 21), term_end=dt.date(2020, 4, 21)).clean()


@pytest.mark.parametrize("chosen", ["home", "index"])
def test_related_pages_must_be_content_pages(index, home_page, chosen):
    page = {"home": home_page, "index": index}[chosen]
    network = _network(related_pages=[("page", page)])
    with pytest.raises(ValidationError) as raised:
        network.clean()
    assert set(raised.value.error_dict) == {"related_pages"}


def test_content_page_of_a_registered_plugin_may_be_related(index):
    other = NetworkPageFactory(parent=index)
    _network(related_pages=[("page", other)]).clean()


def test_network_cannot_be_related_to_itself(index):
    network = NetworkPageFactory(parent=index)
    network.related_pages = [("page", network)]
    with pytest.raises(ValidationError) as raised:
        network.clean()
    assert set(raised.value.error_dict) == {"related_pages"}


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (dt.date(2013, 10, 31), False),
        (dt.date(2013, 11, 1), True),
        (dt.date(2015, 12, 31), True),
        (dt.date(2016, 1, 1), False),
    ],
)
def test_term_includes_both_ends(day, active):
    page = _network(term_start=dt.date(2013, 11, 1), term_end=dt.date(2015, 12, 31))
    assert page.is_active_on(day) is active


def test_term_without_ends_is_open():
    assert _network(term_end=dt.date(2015, 12, 31)).is_active_on(dt.date(1990, 1, 1))
    assert _network(term_start=dt.date(2013, 11, 1)).is_active_on(dt.date(2099, 1, 1))
    assert _network().is_active_on(dt.date(2026, 1, 1))


def _group(name: str, level: int) -> tuple[str, dict]:
    return ("sub_group", {"name": name, "role": f"{name} role", "level": level, "members": ""})


def test_sub_groups_form_an_outline_in_stream_order():
    page = _network(
        sub_groups=[
            _group("cooperation", 1),
            _group("coordination", 2),
            _group("regional", 3),
            _group("contacts", 4),
            _group("steering", 2),
            _group("other top", 1),
        ]
    )

    def outline(groups):
        return [(group.name, outline(group.children)) for group in groups]

    assert outline(page.sub_group_tree()) == [
        (
            "cooperation",
            [("coordination", [("regional", [("contacts", [])])]), ("steering", [])],
        ),
        ("other top", []),
    ]


def test_no_sub_groups_give_an_empty_outline():
    assert _network().sub_group_tree() == []


def test_factory_builds_a_listed_network(index):
    organisation = OrganisationFactory()
    network = NetworkPageFactory(parent=index, members=[organisation], coordinator=organisation)
    assert network.live
    assert list(network.members.all()) == [organisation]
    assert list(index.get_listed_pages()) == [network]


def test_translation_translates_texts_and_keeps_structure(index, translated_home_pages, locales):
    coordinator = OrganisationFactory()
    network = NetworkPageFactory(
        parent=index,
        title="Yhteistyöryhmä",
        coordinator=coordinator,
        meeting_rhythm="3–4 kertaa vuodessa",
        term_start=dt.date(2013, 11, 1),
        sub_groups=[
            {"type": "sub_group", "id": "g1", "value": _group("Koordinaatioryhmä", 2)[1]},
        ],
        action_plan=[
            {
                "type": "action",
                "id": "a1",
                "value": {
                    "title": "Arviointi",
                    "description": "",
                    "starts": "2027-11-01",
                    "ends": "2027-12-31",
                },
            }
        ],
    )
    swedish = translate(
        network,
        locales["sv"],
        {
            "title": "Samarbetsgruppen",
            "meeting_rhythm": "3–4 gånger per år",
            "sub_groups": [
                {"type": "sub_group", "id": "g1", "value": _group("Koordineringsgruppen", 2)[1]}
            ],
            "action_plan": [
                {
                    "type": "action",
                    "id": "a1",
                    "value": {"title": "Utvärdering", "description": "", "starts": "2027-11-01"},
                }
            ],
        },
    )
    assert swedish.locale == locales["sv"]
    assert swedish.meeting_rhythm == "3–4 gånger per år"
    assert swedish.coordinator == coordinator
    assert swedish.term_start == dt.date(2013, 11, 1)
    group = swedish.sub_groups[0].value
    assert (group["name"], group["level"]) == ("Koordineringsgruppen", 2)
    action = swedish.action_plan[0].value
    assert action["title"] == "Utvärdering"
    assert (action["starts"], action["ends"]) == (dt.date(2027, 11, 1), dt.date(2027, 12, 31))
