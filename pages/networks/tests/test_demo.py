"""The networks demo links other plugins' pages by reference, whatever order plugins load in."""

from __future__ import annotations

import pytest

from cms.demo.loader import VOCABULARIES, DemoLoader
from cms.plugins import registry
from pages.networks.models import NetworkPage


@pytest.mark.django_db
def test_network_demo_links_pages_of_plugins_loaded_after_it(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Networks first: the pages it refers to do not exist when its file is read.
    plugins = ("networks", "projects", "trainings")
    DemoLoader(home=home_page).load(
        [VOCABULARIES, *(registry.get(key).demo_data for key in plugins)]
    )

    network = NetworkPage.objects.get(
        locale__language_code="fi", slug="laatustrategian-verkostohankkeet"
    )
    linked = [
        (block.value.specific_class.__name__, block.value.slug) for block in network.related_pages
    ]
    assert linked == [
        ("TrainingPage", "ammatillisen-koulutuksen-laatustrategia-infotilaisuus"),
        ("TrainingPage", "ammatillisen-koulutuksen-johtamisen-verkostopaiva"),
        ("ProjectResultPage", "vertaansa-vailla"),
    ]
