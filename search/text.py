"""Language-aware text analysis: the one place where words become the terms we index and query.

Every search backend (SQLite FTS5, PostgreSQL, Elasticsearch) receives text that this module
has already reduced to base forms, so they all match "koulutuksen" to "koulutus" without
relying on each engine's own (absent or Snowball-only) Finnish support.

* :func:`index_terms` turns a page's text into the terms stored beside the original text:
  the base form of every word and, for Finnish compounds, their parts ("täydennyskoulutus"
  also yields "täydennys" and "koulutus"), so that a search for a part finds the compound.
* :func:`query_terms` turns what a reader typed into the words to look for: each word as typed
  and its base form, without stop words ("the", "och", "ja"), with the other names of a
  bilingual place ("Esbo" → "espoo") and, in English, the other spelling ("organization" →
  "organisation"). Compounds in a query are split only on request (``split_compounds``: the
  search service retries with the parts when the whole compound finds nothing), so
  "täydennyskoulutus" stays precise.

Finnish uses Voikko (libvoikko with the Finnish dictionary) when it can be loaded, because
it knows compound boundaries; otherwise ``simplemma`` with :func:`split_compound`, a
dictionary splitter that Swedish always uses (Voikko has no Swedish). English uses
``simplemma``.
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

from search.vocabulary import PLACE_NAME_VARIANTS, STOP_WORDS, spelling_variants

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
        if self.language not in SPLIT_LANGUAGES:
            return ()
        return split_compound(word, self.language)


#: Languages that write compounds as one word; without Voikko, :func:`split_compound` splits.
SPLIT_LANGUAGES = ("fi", "sv")
#: Shortest word worth splitting, and shortest head and modifier of a compound.
MIN_COMPOUND = 8
MIN_HEAD = 4
#: A dictionary word is split only at a head at least this long (its tail is no ending).
SHORT_HEAD = 6


def _known(word: str, language: str) -> bool:
    return len(word) >= MIN_COMPOUND_PART and simplemma.is_known(word, lang=language)


def _modifier_known(modifier: str, language: str) -> bool:
    """Whether ``modifier`` is a word in the form it takes before a compound's head.

    Swedish joins with a linking "s" ("ledarskaps|utbildning"); Finnish puts the modifier
    in the genitive ("valtion|avustus", known to the dictionary) or shortens "-minen" nouns
    to "-mis" ("johtamis|koulutus").
    """
    if _known(modifier, language):
        return True
    if language == "sv" and modifier.endswith("s"):
        return _known(modifier[:-1], language)
    if language == "fi" and modifier.endswith("mis"):
        return _known(f"{modifier[:-1]}nen", language)
    return False


@lru_cache(maxsize=50_000)
def split_compound(word: str, language: str) -> tuple[str, ...]:
    """The parts of a Finnish or Swedish compound, from the dictionary, or ``()``.

    The longest known head whose modifier is a known word (in its compound form) wins;
    parts keep their compound form ("ledarskaps"); their base forms are added by the
    caller. "ledarskapsutbildning" → ("ledarskaps", "utbildning"), "täydennyskoulutus" →
    ("täydennys", "koulutus"). Used where Voikko is not installed (and for Swedish).
    """
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    whole_known = _known(word, language)
    for cut in range(MIN_COMPOUND_PART, len(word) - MIN_HEAD + 1):
        modifier, head = word[:cut], word[cut:]
        if whole_known and len(head) < SHORT_HEAD:
            break  # "kommun|ernas": a known word is not split into a word and an ending
        if _known(head, language) and _modifier_known(modifier, language):
            if language == "fi" and modifier.endswith("mis") and not _known(modifier, language):
                modifier = f"{modifier[:-1]}nen"  # "johtamis-" is "johtaminen"
            return (modifier, head)
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


def is_stop_word(word: str, language: str) -> bool:
    return word in STOP_WORDS.get(language.split("-")[0], ())


def significant_words(query: str, language: str) -> list[str]:
    """The words of ``query`` without stop words, in order, each once."""
    return list(dict.fromkeys(word for word in words(query) if not is_stop_word(word, language)))


def word_variants(word: str, language: str, *, split_compounds: bool = False) -> list[str]:
    """What one query word may be written as in a page: the word itself, its base forms,
    the other names of a place, the other English spelling and (on request) its parts."""
    forms = [word, *_base_forms_of_word(word, language)]
    if split_compounds:
        lemmatizer = lemmatizer_for(language)
        parts = lemmatizer.compound_parts(word) if lemmatizer is not None else ()
        for part in parts:
            forms.extend((part, *_base_forms_of_word(part, language)))
    for form in list(forms):
        forms.extend(PLACE_NAME_VARIANTS.get(form, ()))
        if language.startswith("en"):
            for variant in spelling_variants(form):
                forms.extend((variant, *_base_forms_of_word(variant, language)))
    return list(dict.fromkeys(forms))


def query_terms(query: str, language: str, *, split_compounds: bool = False) -> list[str]:
    """The distinct words to look for: each significant word of the query and its variants."""
    terms = (
        term
        for word in significant_words(query, language)
        for term in word_variants(word, language, split_compounds=split_compounds)
    )
    return list(dict.fromkeys(terms))


def lemmatise_query(query: str, language: str, *, split_compounds: bool = False) -> list[str]:
    """The distinct base forms (and variants) of the significant words of ``query``."""
    forms = (
        form
        for word in significant_words(query, language)
        for form in word_variants(word, language, split_compounds=split_compounds)[1:]
        or _base_forms_of_word(word, language)
    )
    return list(dict.fromkeys(forms))


def has_compounds(query: str, language: str) -> bool:
    """Whether a word of ``query`` splits into parts (worth a retry with the parts)."""
    lemmatizer = lemmatizer_for(language)
    if lemmatizer is None:
        return False
    return any(lemmatizer.compound_parts(word) for word in significant_words(query, language))
