"""Search's part of every page: the base forms of its text, for the base page's lemma fields."""

from wagtail import hooks

from cms.models import SEARCH_LEMMAS_HOOK
from search.documents import lemmas

hooks.register(SEARCH_LEMMAS_HOOK, lemmas)
