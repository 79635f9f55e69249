"""The relevance test set: pages in fi, sv and en, and queries with the pages they must find.

Queries use inflected forms and compounds the way readers type them. Each query lists the
pages that must be among its first five results; ``needs_voikko`` marks queries that only
Voikko can answer (compounds the dictionary splitter of search/text.py does not know).
Issue 17 added Swedish and Finnish compounds without Voikko, bilingual place names, US/UK
spellings, stop words, all-words ranking and the cross-language fallback. Page texts
paraphrase real items of the field. ``measure_recall`` runs the set through the search service
on whatever backend is configured.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.service import search_pages
from search.text import voikko_available

#: Each query's expected pages must be among this many first results.
TOP = 5


@dataclass(frozen=True)
class Doc:
    key: str
    language: str
    type: str  # "trainings", "news" or "projects"
    title: str
    lead: str


@dataclass(frozen=True)
class Query:
    language: str
    text: str
    expected: tuple[str, ...]
    needs_voikko: bool = False
    #: The page that must rank first (all-words matches before any-word ones).
    first: str | None = None
    #: At most this many results (stop words alone find nothing).
    max_total: int | None = None


DOCS = (
    # --- Finnish -------------------------------------------------------------------------
    Doc(
        "f-koulutus", "fi", "trainings", "Koulutus", "Yleinen koulutus opetustoimen henkilöstölle."
    ),
    Doc(
        "f-taydennys",
        "fi",
        "trainings",
        "Täydennyskoulutus varhaiskasvatuksen opettajille",
        "Kaksipäiväinen täydennyskoulutus päiväkotien opettajille Lapissa.",
    ),
    Doc(
        "f-lukio",
        "fi",
        "trainings",
        "Informaatio-ohjaustilaisuus lukiokoulutuksen järjestäjille",
        "Aluehallintovirasto kertoo lukiolain muutoksista.",
    ),
    Doc(
        "f-avustus",
        "fi",
        "news",
        "Valtionavustusta ammatillisen koulutuksen järjestäjille",
        "Opetus- ja kulttuuriministeriö jakaa neljä miljoonaa euroa verkostohankkeisiin.",
    ),
    Doc(
        "f-laatu",
        "fi",
        "news",
        "Laatustrategian verkostohankkeet aloittivat työnsä",
        "Opetushallitus järjesti webinaarin 13 uudelle verkostohankkeelle.",
    ),
    Doc(
        "f-vertaansa",
        "fi",
        "projects",
        "Vertaansa vailla – verkostot johtamisen tukena",
        "Omnian koordinoima verkosto kehittää johtamista 16 organisaation kanssa.",
    ),
    Doc(
        "f-tuki",
        "fi",
        "projects",
        "Oppimisen tuki perusopetuksessa",
        "Hanke kehittää kolmiportaista tukea kouluissa.",
    ),
    Doc(
        "f-kirjasto",
        "fi",
        "trainings",
        "Kirjastojen henkilöstön digitaidot",
        "Verkkokurssi yleisten kirjastojen työntekijöille.",
    ),
    Doc(
        "f-opettajat",
        "fi",
        "news",
        "Opettajien täydennyskoulutukseen haetaan hankkeita",
        "Haku on avoinna marraskuun loppuun asti.",
    ),
    Doc(
        "f-nuoriso",
        "fi",
        "trainings",
        "Nuorisotyön webinaari",
        "Etsivän nuorisotyön ajankohtaiset asiat.",
    ),
    Doc(
        "f-jatkuva",
        "fi",
        "projects",
        "Jatkuvan oppimisen verkosto Keski-Suomessa",
        "Maakunnallinen yhteistyöverkosto aikuiskoulutukselle.",
    ),
    Doc(
        "f-kulttuuri",
        "fi",
        "news",
        "Kulttuuritoimen avustukset jaettiin",
        "Kunnat saivat tukea kulttuuripalveluihin.",
    ),
    Doc(
        "f-rehtorit",
        "fi",
        "trainings",
        "Rehtorien johtamiskoulutus",
        "Pedagogisen johtamisen valmennus rehtoreille.",
    ),
    Doc(
        "f-ohjaus",
        "fi",
        "projects",
        "Ohjauksen yhteistyöryhmä Lapissa",
        "Elinikäisen ohjauksen yhteistyöryhmä kokoontuu neljästi vuodessa.",
    ),
    # --- Swedish -------------------------------------------------------------------------
    Doc(
        "s-utbildning", "sv", "trainings", "Utbildning", "Allmän utbildning för personal i skolor."
    ),
    Doc(
        "s-fortbildning",
        "sv",
        "trainings",
        "Fortbildning för lärare i småbarnspedagogik",
        "Två dagars kurs för lärare på daghem.",
    ),
    Doc(
        "s-statsunderstod",
        "sv",
        "news",
        "Statsunderstöd för yrkesutbildningens nätverk",
        "Undervisnings- och kulturministeriet delar ut fyra miljoner euro.",
    ),
    Doc(
        "s-ledarskap",
        "sv",
        "projects",
        "Nätverk som stöder ledarskap",
        "Ett nätverk av sexton organisationer utvecklar ledningen.",
    ),
    Doc(
        "s-bibliotek",
        "sv",
        "trainings",
        "Webbinarium för bibliotekens personal",
        "Digitala färdigheter för allmänna bibliotek.",
    ),
    Doc(
        "s-kvalitet",
        "sv",
        "news",
        "Kvalitetsstrategins nätverksprojekt har inlett sitt arbete",
        "Utbildningsstyrelsen ordnade ett webbinarium för projekten.",
    ),
    Doc(
        "s-rektorer",
        "sv",
        "trainings",
        "Rektorernas ledarskapsutbildning",
        "Pedagogiskt ledarskap för rektorer.",
    ),
    Doc(
        "s-larande",
        "sv",
        "projects",
        "Kontinuerligt lärande i Mellersta Finland",
        "Ett regionalt samarbetsnätverk för vuxenutbildning.",
    ),
    Doc(
        "s-kultur",
        "sv",
        "news",
        "Kulturbidrag till kommunerna",
        "Kommunerna fick stöd till kulturtjänster.",
    ),
    Doc(
        "s-ungdom",
        "sv",
        "trainings",
        "Ungdomsarbete i skolor",
        "Aktuellt om uppsökande ungdomsarbete.",
    ),
    # --- English -------------------------------------------------------------------------
    Doc("e-training", "en", "trainings", "Training", "General training for education staff."),
    Doc(
        "e-continuing",
        "en",
        "trainings",
        "Continuing education for early childhood teachers",
        "A two-day course for kindergarten teachers in Lapland.",
    ),
    Doc(
        "e-grants",
        "en",
        "news",
        "State grants for vocational education networks",
        "The ministry awards four million euros to network projects.",
    ),
    Doc(
        "e-leadership",
        "en",
        "projects",
        "Networks supporting leadership",
        "A network of sixteen organisations develops management.",
    ),
    Doc(
        "e-library",
        "en",
        "trainings",
        "Webinar for library staff",
        "Digital skills for public libraries.",
    ),
    Doc(
        "e-quality",
        "en",
        "news",
        "Quality strategy network projects started their work",
        "The national agency organised a webinar for thirteen projects.",
    ),
    Doc(
        "e-principals",
        "en",
        "trainings",
        "Leadership training for principals",
        "Pedagogical leadership coaching for school principals.",
    ),
    Doc(
        "e-learning",
        "en",
        "projects",
        "Continuous learning in Central Finland",
        "A regional cooperation network for adult education.",
    ),
    Doc(
        "e-culture",
        "en",
        "news",
        "Culture grants for municipalities",
        "Municipalities received support for cultural services.",
    ),
    Doc(
        "e-youth",
        "en",
        "trainings",
        "Youth work in schools",
        "Current issues in outreach youth work.",
    ),
    # --- Issue 17: places, spellings, compounds ---------------------------------------
    Doc(
        "f-omnia",
        "fi",
        "projects",
        "Johtamisen verkosto",
        "Omnia, Espoo, koordinoi oppilaitosten yhteistä verkostoa.",
    ),
    Doc(
        "s-omnia",
        "sv",
        "projects",
        "Nätverk för ledning av läroanstalter",
        "Omnia, Esbo, samordnar läroanstalternas gemensamma nätverk.",
    ),
    Doc(
        "s-helsingfors",
        "sv",
        "trainings",
        "Studiehandledning i Helsingfors",
        "En kurs för studiehandledare i Helsingfors.",
    ),
    Doc(
        "e-counselling",
        "en",
        "trainings",
        "Guidance counselling and digitalisation",
        "How organisations in Oulu bring counselling online.",
    ),
)

QUERIES = (
    # Finnish: case endings, plurals, possessives, compounds.
    Query("fi", "koulutuksen", ("f-koulutus",)),
    Query("fi", "täydennyskoulutukset", ("f-taydennys", "f-opettajat")),
    Query("fi", "verkostohankkeiden", ("f-laatu", "f-avustus")),
    Query("fi", "opettajien", ("f-taydennys", "f-opettajat")),
    Query("fi", "valtionavustukset", ("f-avustus",)),
    Query("fi", "kirjastoille", ("f-kirjasto",)),
    Query("fi", "nuorisotyötä", ("f-nuoriso",)),
    Query("fi", "johtaminen", ("f-vertaansa", "f-rehtorit")),
    Query("fi", "rehtoreiden koulutus", ("f-rehtorit",)),
    Query("fi", "jatkuva oppiminen", ("f-jatkuva",)),
    Query("fi", "lukiokoulutus", ("f-lukio",)),
    Query("fi", "kouluissa", ("f-tuki",)),
    Query("fi", "kulttuuripalvelut", ("f-kulttuuri",)),
    Query("fi", "yhteistyöryhmän", ("f-ohjaus",)),
    Query("fi", "verkostojen", ("f-vertaansa", "f-jatkuva")),
    Query("fi", "hanke", ("f-laatu", "f-avustus")),
    Query("fi", "avustus", ("f-avustus", "f-kulttuuri")),
    Query("fi", "ohjaustilaisuudet", ("f-lukio",), needs_voikko=True),
    # Issue 17: compounds without Voikko, place names, stop words, other languages.
    Query("fi", "koulutus", ("f-koulutus", "f-taydennys", "f-rehtorit")),
    Query("fi", "Esbo", ("f-omnia",)),
    Query("fi", "ja", (), max_total=0),
    Query("fi", "leadership", ("e-leadership", "e-principals")),
    Query("fi", "johtamisverkosto", ("f-omnia",)),
    # Swedish: definite forms, plurals, genitives.
    Query("sv", "utbildningar", ("s-utbildning",)),
    Query("sv", "lärarna", ("s-fortbildning",)),
    Query("sv", "nätverken", ("s-ledarskap", "s-statsunderstod")),
    Query("sv", "biblioteket", ("s-bibliotek",)),
    Query("sv", "rektorn", ("s-rektorer",)),
    Query("sv", "statsunderstödet", ("s-statsunderstod",)),
    Query("sv", "kommunernas", ("s-kultur",)),
    Query("sv", "ledarskapet", ("s-ledarskap", "s-rektorer")),
    Query("sv", "skolorna", ("s-ungdom", "s-utbildning")),
    Query("sv", "fortbildningen", ("s-fortbildning",)),
    Query("sv", "projektet", ("s-kvalitet",)),
    Query("sv", "utbildning", ("s-utbildning", "s-rektorer")),
    Query("sv", "ledarskapsnätverk", ("s-ledarskap",)),
    Query("sv", "Esbo", ("s-omnia",)),
    Query("sv", "Espoo", ("s-omnia",)),
    Query("sv", "Helsinki", ("s-helsingfors",)),
    Query("sv", "och", (), max_total=0),
    # English: plurals, -ing forms, irregular plurals.
    Query("en", "trainings", ("e-training", "e-principals")),
    Query("en", "teacher", ("e-continuing",)),
    Query("en", "network", ("e-grants", "e-leadership")),
    Query("en", "library", ("e-library",)),
    Query("en", "principal", ("e-principals",)),
    Query("en", "grant", ("e-grants", "e-culture")),
    Query("en", "municipality", ("e-culture",)),
    Query("en", "webinars", ("e-library", "e-quality")),
    Query("en", "organisation", ("e-leadership",)),
    Query("en", "school", ("e-youth", "e-principals")),
    Query("en", "project", ("e-quality", "e-grants")),
    Query("en", "organization", ("e-leadership", "e-counselling")),
    Query("en", "counseling", ("e-counselling",)),
    Query("en", "digitalization", ("e-counselling",)),
    Query("en", "Uleåborg", ("e-counselling",)),
    Query("en", "the", (), max_total=0),
    Query("en", "the leadership of networks", ("e-leadership",), first="e-leadership"),
)


def measure_recall(corpus: dict[str, int]) -> tuple[dict[str, list[int]], list[str]]:
    """Found/expected counts per language over the set's queries, and each query that missed.

    Runs through ``search_pages`` on whatever backend is configured, so that the live engine
    tests (tests/search/test_live_engine.py) measure the engine the same way.
    """
    keys_by_id = {pk: key for key, pk in corpus.items()}
    failures = []
    per_language: dict[str, list[int]] = {}
    for query in relevance_queries():
        outcome = search_pages(query.text, query.language)
        top = [keys_by_id.get(hit.id) for hit in outcome.hits][:TOP]
        if query.max_total is not None and outcome.total > query.max_total:
            failures.append(f"{query.language} {query.text!r}: {outcome.total} results")
        if query.first is not None and top[:1] != [query.first]:
            failures.append(f"{query.language} {query.text!r}: {query.first} not first in {top}")
        found = [key for key in query.expected if key in top]
        counts = per_language.setdefault(query.language, [0, 0])
        counts[0] += len(found)
        counts[1] += len(query.expected)
        if len(found) < len(query.expected):
            failures.append(
                f"{query.language} {query.text!r}: expected {query.expected}, got {top}"
            )
    return per_language, failures


def relevance_queries() -> list:
    return [query for query in QUERIES if voikko_available() or not query.needs_voikko]


def print_recall(label: str, per_language: dict[str, list[int]]) -> None:
    print(
        f"\nRelevance on {label}, {len(relevance_queries())} queries (Voikko: {voikko_available()})"
    )
    for language, (found, expected) in per_language.items():
        print(f"  {language}: recall@{TOP} {found}/{expected} = {found / expected:.0%}")
    found_total = sum(found for found, _expected in per_language.values())
    expected_total = sum(expected for _found, expected in per_language.values())
    print(
        f"  all: recall@{TOP} {found_total}/{expected_total} = {found_total / expected_total:.0%}"
    )
