"""Language-aware text analysis: the one place where words become the terms we index and query.

Every search backend (SQLite FTS5, PostgreSQL, Elasticsearch) receives text that this module
has already reduced to base forms, so they all match "koulutuksen" to "koulutus" without
relying on each engine's own (absent or Snowball-only) Finnish support.

* :func:`index_terms` turns a page's text into the terms stored beside the original text:
  the base form of every word and, for Finnish compounds, their parts ("täydennyskoulutus"
  also yields "täydennys" and "koulutus"), so that a search for a part finds the compound.
* :func:`query_terms` turns what a reader typed into the words to look for: each word as typed
  and its base form. Compounds in a query are not split, so "täydennyskoulutus" stays precise.

Finnish uses Voikko (libvoikko with the Finnish dictionary) when it can be loaded, because
it knows compound boundaries; otherwise, and for Swedish and English, ``simplemma``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

import simplemma
import snowballstemmer

logger = logging.getLogger(__name__)

#: Languages with a lemmatiser; text in any other language is only lower-cased.
SUPPORTED_LANGUAGES = ("fi", "sv", "en")
WORD_RE = re.compile(r"\w+", re.UNICODE)
#: One segment of Voikko's WORDBASES: "+surface" optionally followed by "(base)".
WORDBASE_RE = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")
#: Shorter compound parts are mostly derivational fragments ("ys", "us") and add only noise.
MIN_COMPOUND_PART = 3


class Lemmatizer(Protocol):
    """Finds the base forms (and compound parts) of one lower-cased word."""

    def base_forms(self, word: str) -> tuple[str, ...]: ...

    def compound_parts(self, word: str) -> tuple[str, ...]: ...


SNOWBALL_LANGUAGES = {"fi": "finnish", "sv": "swedish", "en": "english"}


class SimplemmaLemmatizer:
    """Dictionary lemmatiser for fi, sv and en; it knows no compound boundaries.

    A word missing from simplemma's dictionary (a rare compound such as
    "småbarnspedagogiken") also gets its Snowball stem, on the index and the query side
    alike, so that its inflected forms still meet.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._stemmer = snowballstemmer.stemmer(SNOWBALL_LANGUAGES[language])

    def base_forms(self, word: str) -> tuple[str, ...]:
        lemma = simplemma.lemmatize(word, lang=self.language).lower()
        if lemma != word or simplemma.is_known(word, lang=self.language):
            return (lemma,)
        stem = self._stemmer.stemWord(word)
        return (lemma, stem) if stem != lemma else (lemma,)

    def compound_parts(self, word: str) -> tuple[str, ...]:
        return ()


class VoikkoLemmatizer:
    """Finnish morphology from Voikko: base forms and the parts of compound words.

    A libvoikko handle is not thread-safe, so calls are serialised with a lock; results are
    cached per word, which keeps the cost of analysing a whole site small.
    """

    def __init__(self, voikko) -> None:
        self._voikko = voikko
        self._lock = threading.Lock()
        self._fallback = SimplemmaLemmatizer("fi")

    def _analyses(self, word: str) -> list[dict]:
        with self._lock:
            return self._voikko.analyze(word)

    def base_forms(self, word: str) -> tuple[str, ...]:
        forms = []
        for analysis in self._analyses(word):
            form = analysis.get("BASEFORM", "").lower()
            if form and form not in forms:
                forms.append(form)
        return tuple(forms) or self._fallback.base_forms(word)

    def compound_parts(self, word: str) -> tuple[str, ...]:
        analyses = self._analyses(word)
        if not analyses:
            return ()
        return split_wordbases(analyses[0].get("WORDBASES", ""), analyses[0].get("BASEFORM", ""))


def split_wordbases(wordbases: str, baseform: str) -> tuple[str, ...]:
    """The parts of a compound from Voikko's ``WORDBASES`` analysis.

    ``"+täydenn(täydentää)+ys(+ys)+koulutus(koulutus)"`` has the surface segments "täydenn",
    "ys" and "koulutus"; a segment whose base starts with "+" is a derivational suffix and
    belongs to the segment before it. Every part but the last is kept as written
    ("täydennys"); the last is taken from the base form so it is in its dictionary form.
    """
    segments: list[str] = []
    for surface, base in WORDBASE_RE.findall(wordbases):
        if base.startswith("+") and segments:
            segments[-1] += surface
        else:
            segments.append(surface)
    if len(segments) < 2:
        return ()
    baseform = baseform.lower()
    leading = [segment.lower() for segment in segments[:-1]]
    prefix = "".join(leading)
    last = baseform[len(prefix) :] if baseform.startswith(prefix) else segments[-1].lower()
    return tuple(part for part in (*leading, last) if len(part) >= MIN_COMPOUND_PART)


@lru_cache(maxsize=1)
def _load_voikko():
    """A Voikko handle for Finnish, or None when libvoikko or its dictionary is missing."""
    try:
        import libvoikko
    except ImportError:
        return None
    try:
        return libvoikko.Voikko("fi")
    except (OSError, libvoikko.VoikkoException) as error:  # no shared library / dictionary
        logger.info("Voikko is not available, Finnish falls back to simplemma: %s", error)
        return None


def voikko_available() -> bool:
    """Whether Finnish analysis uses Voikko (and so splits compounds)."""
    return _load_voikko() is not None


@lru_cache(maxsize=8)
def lemmatizer_for(language: str) -> Lemmatizer | None:
    """The lemmatiser of ``language`` (a language code like "fi" or "sv-FI"), if any."""
    language = language.split("-")[0].lower()
    if language not in SUPPORTED_LANGUAGES:
        return None
    if language == "fi":
        voikko = _load_voikko()
        if voikko is not None:
            return VoikkoLemmatizer(voikko)
    return SimplemmaLemmatizer(language)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``; hyphenated compounds become separate words."""
    return WORD_RE.findall(text.lower())


@lru_cache(maxsize=200_000)
def _index_terms_of_word(word: str, language: str) -> tuple[str, ...]:
    terms = dict.fromkeys(_base_forms_of_word(word, language))
    lemmatizer = lemmatizer_for(language)
    parts = lemmatizer.compound_parts(word) if lemmatizer and not word.isdigit() else ()
    for part in parts:
        terms.setdefault(part)
        # A part is written in the form it takes inside the compound ("opetus-", "kansalais-");
        # its base form ("kansalainen") is what a reader searches for.
        for form in _base_forms_of_word(part, language):
            terms.setdefault(form)
    return tuple(terms)


@lru_cache(maxsize=50_000)
def _base_forms_of_word(word: str, language: str) -> tuple[str, ...]:
    lemmatizer = lemmatizer_for(language)
    if lemmatizer is None or word.isdigit():
        return (word,)
    return lemmatizer.base_forms(word)


def index_terms(text: str, language: str) -> list[str]:
    """Base forms and compound parts of every word in ``text``, in order, repeats kept.

    Repeats are kept so that engines that weigh term frequency (BM25) still can.
    """
    return [term for word in words(text) for term in _index_terms_of_word(word, language)]


def index_text(texts: Iterable[str], language: str) -> str:
    """:func:`index_terms` of several texts, joined into one string for a search field."""
    return _index_text(tuple(text for text in texts if text), language)


@lru_cache(maxsize=256)
def _index_text(texts: tuple[str, ...], language: str) -> str:
    # Backends read a search field several times per object (SQLite: title, body and
    # autocomplete passes); the cache makes that one analysis.
    return " ".join(term for text in texts for term in index_terms(text, language))


def query_terms(query: str, language: str) -> list[str]:
    """The distinct words to look for: each word of the query as typed and its base forms."""
    terms = (term for word in words(query) for term in (word, *_base_forms_of_word(word, language)))
    return list(dict.fromkeys(terms))


def lemmatise_query(query: str, language: str) -> list[str]:
    """The distinct base forms of the words of ``query`` (without the words as typed)."""
    forms = (form for word in words(query) for form in _base_forms_of_word(word, language))
    return list(dict.fromkeys(forms))
