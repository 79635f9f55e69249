"""The committed OpenAPI document as partners' tools read it.

Redocly (``recommended``) and Spectral (``spectral:oas``) lint it with no error and no
warning beyond those accepted, with reasons, in ``tests/api/lint/``; openapi-python-client
generates a plain (unauthenticated) client from it, which reads the live test server.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

API_DIR = Path(__file__).parent
SNAPSHOT = API_DIR / "openapi.json"
NODE_BIN = API_DIR.parent / "browser" / "node_modules" / ".bin"
LINT = API_DIR / "lint"

pytestmark = pytest.mark.backend_independent


def test_redocly_and_spectral_find_nothing():
    redocly = subprocess.Popen(
        [
            NODE_BIN / "redocly",
            "lint",
            "--config",
            LINT / "redocly.yaml",
            "--format",
            "stylish",
            "--max-problems",
            "1000",
            SNAPSHOT,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    spectral = subprocess.Popen(
        [
            NODE_BIN / "spectral",
            "lint",
            "--ruleset",
            LINT / "spectral.yaml",
            "--fail-severity",
            "hint",
            "--format",
            "text",
            SNAPSHOT,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    redocly_out, _ = redocly.communicate(timeout=300)
    spectral_out, _ = spectral.communicate(timeout=300)
    assert redocly.returncode == 0, redocly_out
    assert "warning" not in redocly_out.lower().replace("deprecation warning", ""), redocly_out
    assert spectral.returncode == 0, spectral_out
    assert spectral_out.strip() == "No results with a severity of 'hint' or higher found!"


@pytest.fixture(scope="module")
def generated_client(tmp_path_factory):
    """The Python package openapi-python-client generates from the committed document."""
    output = tmp_path_factory.mktemp("client")
    config = output / "config.yaml"
    config.write_text("post_hooks: []\npackage_name_override: eduverkko_client\n")
    result = subprocess.run(
        [
            Path(sys.executable).with_name("openapi-python-client"),
            "generate",
            "--path",
            SNAPSHOT,
            "--meta",
            "none",
            "--output-path",
            output / "eduverkko_client",
            "--config",
            config,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout, result.stdout
    sys.path.insert(0, str(output))
    try:
        yield importlib.import_module("eduverkko_client")
    finally:
        sys.path.remove(str(output))
        for name in [name for name in sys.modules if name.startswith("eduverkko_client")]:
            del sys.modules[name]


def test_generated_client_is_plain_with_one_locale_type(generated_client):
    package = Path(generated_client.__file__).parent
    models = {path.stem for path in (package / "models").glob("*.py")}
    assert "locale" in models
    assert not [name for name in models if "locale_type" in name], sorted(models)
    source = (package / "api" / "publications" / "list_publications.py").read_text()
    assert "client: AuthenticatedClient | Client" in source


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_client_reads_the_live_server(
    generated_client, live_server, make_publication, make_event
):
    from eduverkko_client import Client
    from eduverkko_client.api.events import list_events
    from eduverkko_client.api.publications import get_publication, list_publications
    from eduverkko_client.api.vocabularies import list_themes
    from eduverkko_client.models import EventsList, Locale, PublicationsItem, PublicationsList

    publication = make_publication(title="Saavutettava verkko-opetus")
    event = make_event(title="Verkostopäivä")
    client = Client(base_url=live_server.url, raise_on_unexpected_status=True)

    listing = list_publications.sync(client=client, locale=Locale.FI)
    assert isinstance(listing, PublicationsList)
    assert [item.title for item in listing.items] == ["Saavutettava verkko-opetus"]
    assert listing.items[0].locale == "fi"

    item = get_publication.sync(client=client, id=publication.pk)
    assert isinstance(item, PublicationsItem)
    assert item.id == publication.pk and item.url.endswith(publication.url)
    assert item.isbn == publication.isbn and item.available is True

    events = list_events.sync(client=client)
    assert isinstance(events, EventsList)
    assert [(item.id, item.starts_at) for item in events.items] == [(event.pk, event.starts_at)]

    themes = list_themes.sync(client=client, locale=Locale.SV)
    assert themes.count == len(themes.items)
    missing = get_publication.sync_detailed(client=client, id=publication.pk + 1000)
    assert missing.status_code == 404
