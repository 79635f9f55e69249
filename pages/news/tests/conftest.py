"""News editorial tests: the fixture plugins' editors, with a news section in every locale."""

import pytest

from cms.editorial.roles import setup_roles
from cms.translation import translate
from pages.news.factories import NewsIndexPageFactory


@pytest.fixture
def news_indexes(translated_home_pages, locales) -> dict:
    index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    pages = {"fi": index}
    for language, title in (("sv", "Nyheter"), ("en", "News")):
        pages[language] = translate(index, locales[language], {"title": title})
    return pages


@pytest.fixture
def roles(news_indexes, request) -> None:
    """News and trainings sections both exist, so section boundaries can be tested."""
    request.getfixturevalue("training_indexes")
    setup_roles()
