"""Demo vocabularies: the organisations, people, themes, audiences and regions of the field."""

from __future__ import annotations

from cms.demo import SOURCE_LANGUAGE, DemoContext
from cms.vocabularies.models import Audience, Organisation, Person, Region, Theme

# slug: (fi, sv, en)
THEMES = {
    "koulutus-ja-tutkinnot": (
        "Koulutus ja tutkinnot",
        "Utbildning och examina",
        "Education and qualifications",
    ),
    "ammatillinen-koulutus": ("Ammatillinen koulutus", "Yrkesutbildning", "Vocational education"),
    "laatu-ja-kehittaminen": (
        "Laatu ja kehittäminen",
        "Kvalitet och utveckling",
        "Quality and development",
    ),
    "johtaminen": ("Johtaminen", "Ledarskap", "Leadership"),
    "ohjaus": ("Elinikäinen ohjaus", "Livslång vägledning", "Lifelong guidance"),
    "digitalisaatio": ("Digitalisaatio", "Digitalisering", "Digitalisation"),
    "valtionavustukset": ("Valtionavustukset", "Statsunderstöd", "Government grants"),
    "hyvinvointi": ("Hyvinvointi", "Välbefinnande", "Wellbeing"),
}

AUDIENCES = {
    "varhaiskasvatus": ("Varhaiskasvatus", "Småbarnspedagogik", "Early childhood education"),
    "perusopetus": ("Perusopetus", "Grundläggande utbildning", "Basic education"),
    "lukiokoulutus": ("Lukiokoulutus", "Gymnasieutbildning", "General upper secondary education"),
    "ammatillinen-koulutus": ("Ammatillinen koulutus", "Yrkesutbildning", "Vocational education"),
    "vapaa-sivistystyo": ("Vapaa sivistystyö", "Fritt bildningsarbete", "Liberal adult education"),
    "kirjastot": ("Kirjastot", "Bibliotek", "Libraries"),
    "kulttuuri": ("Kulttuuri", "Kultur", "Culture"),
    "nuorisotyo": ("Nuorisotyö", "Ungdomsarbete", "Youth work"),
}

# slug: (kind, fi, sv, en)
REGIONS = {
    "koko-suomi": (Region.Kind.NATIONAL, "Koko Suomi", "Hela Finland", "Whole of Finland"),
    "lappi": (Region.Kind.MAAKUNTA, "Lappi", "Lappland", "Lapland"),
    "uusimaa": (Region.Kind.MAAKUNTA, "Uusimaa", "Nyland", "Uusimaa"),
    "keski-suomi": (Region.Kind.MAAKUNTA, "Keski-Suomi", "Mellersta Finland", "Central Finland"),
    "pirkanmaa": (Region.Kind.MAAKUNTA, "Pirkanmaa", "Birkaland", "Pirkanmaa"),
    "pohjois-pohjanmaa": (
        Region.Kind.MAAKUNTA,
        "Pohjois-Pohjanmaa",
        "Norra Österbotten",
        "North Ostrobothnia",
    ),
    "varsinais-suomi": (
        Region.Kind.MAAKUNTA,
        "Varsinais-Suomi",
        "Egentliga Finland",
        "Southwest Finland",
    ),
}

#: The organisations' public websites (JSON-LD ``url`` of organisers and authors).
WEBSITES = {
    "oph": "https://www.oph.fi/",
    "okm": "https://okm.fi/",
    "etela-suomen-avi": "https://avi.fi/",
    "lansi-ja-sisa-suomen-avi": "https://avi.fi/",
    "lapin-avi": "https://avi.fi/",
    "lapin-ely": "https://www.ely-keskus.fi/",
    "omnia": "https://www.omnia.fi/",
    "gradia": "https://www.gradia.fi/",
    "redu": "https://www.redu.fi/",
    "keuda": "https://www.keuda.fi/",
    "rovaniemen-kaupunki": "https://www.rovaniemi.fi/",
}

# slug: (type, short name, city, fi, sv, en); a short name is one string (the same in every
# language) or a (fi, sv, en) tuple where Swedish or English has its own abbreviation.
ORGANISATIONS = {
    "oph": (
        Organisation.Type.OPH,
        ("OPH", "UBS", "EDUFI"),
        ("Helsinki", "Helsingfors", "Helsinki"),
        "Opetushallitus",
        "Utbildningsstyrelsen",
        "Finnish National Agency for Education",
    ),
    "okm": (
        Organisation.Type.OKM,
        ("OKM", "UKM", "OKM"),
        ("Helsinki", "Helsingfors", "Helsinki"),
        "Opetus- ja kulttuuriministeriö",
        "Undervisnings- och kulturministeriet",
        "Ministry of Education and Culture",
    ),
    "etela-suomen-avi": (
        Organisation.Type.AVI,
        "ESAVI",
        ("Hämeenlinna", "Tavastehus", "Hämeenlinna"),
        "Etelä-Suomen aluehallintovirasto",
        "Regionförvaltningsverket i Södra Finland",
        "Regional State Administrative Agency for Southern Finland",
    ),
    "lansi-ja-sisa-suomen-avi": (
        Organisation.Type.AVI,
        "LSSAVI",
        ("Jyväskylä", "Jyväskylä", "Jyväskylä"),
        "Länsi- ja Sisä-Suomen aluehallintovirasto",
        "Regionförvaltningsverket i Västra och Inre Finland",
        "Regional State Administrative Agency for Western and Inland Finland",
    ),
    "lapin-avi": (
        Organisation.Type.AVI,
        "LAAVI",
        ("Rovaniemi", "Rovaniemi", "Rovaniemi"),
        "Lapin aluehallintovirasto",
        "Regionförvaltningsverket i Lappland",
        "Regional State Administrative Agency for Lapland",
    ),
    "lapin-ely": (
        Organisation.Type.ELY,
        ("Lapin ELY", "Lapplands NTM", "Lapland ELY"),
        ("Rovaniemi", "Rovaniemi", "Rovaniemi"),
        "Lapin ELY-keskus",
        "NTM-centralen i Lappland",
        "Lapland ELY Centre",
    ),
    "omnia": (
        Organisation.Type.EDUCATION_PROVIDER,
        "Omnia",
        ("Espoo", "Esbo", "Espoo"),
        "Espoon seudun koulutuskuntayhtymä Omnia",
        "Samkommunen för utbildning i Esboregionen Omnia",
        "Omnia, the Joint Authority of Education in the Espoo Region",
    ),
    "gradia": (
        Organisation.Type.EDUCATION_PROVIDER,
        "Gradia",
        ("Jyväskylä", "Jyväskylä", "Jyväskylä"),
        "Jyväskylän koulutuskuntayhtymä Gradia",
        "Samkommunen för utbildning i Jyväskylä Gradia",
        "Jyväskylä Educational Consortium Gradia",
    ),
    "redu": (
        Organisation.Type.EDUCATION_PROVIDER,
        "REDU",
        ("Rovaniemi", "Rovaniemi", "Rovaniemi"),
        "Lapin koulutuskeskus REDU",
        "Utbildningscentret i Lappland REDU",
        "Lapland Education Centre REDU",
    ),
    "keuda": (
        Organisation.Type.EDUCATION_PROVIDER,
        "Keuda",
        ("Kerava", "Kervo", "Kerava"),
        "Keski-Uudenmaan koulutuskuntayhtymä Keuda",
        "Samkommunen för utbildning i Mellersta Nyland Keuda",
        "Keuda, the Joint Authority of Education in Central Uusimaa",
    ),
    "rovaniemen-kaupunki": (
        Organisation.Type.MUNICIPALITY,
        "",
        ("Rovaniemi", "Rovaniemi", "Rovaniemi"),
        "Rovaniemen kaupunki",
        "Rovaniemi stad",
        "City of Rovaniemi",
    ),
}

# slug: (name, organisation, phone, e-mail, (title fi, sv, en))
PEOPLE = {
    "liisa-virtanen": (
        "Liisa Virtanen",
        "okm",
        "+358 29 533 0101",
        "liisa.virtanen@example.fi",
        ("opetusneuvos", "undervisningsråd", "Counsellor of Education"),
    ),
    "mikko-korhonen": (
        "Mikko Korhonen",
        "okm",
        "+358 29 533 0102",
        "mikko.korhonen@example.fi",
        ("neuvotteleva virkamies", "konsultativ tjänsteman", "Ministerial Adviser"),
    ),
    "kaisa-nieminen": (
        "Kaisa Nieminen",
        "oph",
        "+358 29 533 1101",
        "kaisa.nieminen@example.fi",
        ("opetusneuvos", "undervisningsråd", "Counsellor of Education"),
    ),
    "anna-lehtonen": (
        "Anna Lehtonen",
        "lapin-avi",
        "+358 29 501 7001",
        "anna.lehtonen@example.fi",
        ("ylitarkastaja", "överinspektör", "Senior Inspector"),
    ),
    "jukka-heikkinen": (
        "Jukka Heikkinen",
        "omnia",
        "+358 46 877 1001",
        "jukka.heikkinen@example.fi",
        ("kehittämispäällikkö", "utvecklingschef", "Development Manager"),
    ),
    "sari-makinen": (
        "Sari Mäkinen",
        "lapin-ely",
        "+358 29 503 7001",
        "sari.makinen@example.fi",
        ("erityisasiantuntija", "specialsakkunnig", "Senior Specialist"),
    ),
    "pekka-salonen": (
        "Pekka Salonen",
        "etela-suomen-avi",
        "+358 29 501 6001",
        "pekka.salonen@example.fi",
        ("koulutuskoordinaattori", "utbildningskoordinator", "Training Coordinator"),
    ),
}


def _named_terms(context: DemoContext, model, terms: dict, **extra_per_slug) -> None:
    for slug, names in terms.items():
        extra = extra_per_slug.get(slug, {})
        fi, sv, en = names
        term, _created = model.objects.get_or_create(
            locale=context.locales[SOURCE_LANGUAGE], slug=slug, defaults={"name": fi, **extra}
        )
        context.translate(term, {"sv": {"name": sv}, "en": {"name": en}})


def build_vocabularies(context: DemoContext) -> None:
    """Create (or leave as they are) every shared vocabulary term, in three languages."""
    _named_terms(context, Theme, THEMES)
    _named_terms(context, Audience, AUDIENCES)
    _named_terms(
        context,
        Region,
        {slug: names for slug, (_kind, *names) in REGIONS.items()},
        **{slug: {"kind": kind} for slug, (kind, *_names) in REGIONS.items()},
    )
    source = context.locales[SOURCE_LANGUAGE]
    for slug, (org_type, short, cities, fi, sv, en) in ORGANISATIONS.items():
        shorts = short if isinstance(short, tuple) else (short, short, short)
        organisation, _created = Organisation.objects.get_or_create(
            locale=source,
            slug=slug,
            defaults={
                "name": fi,
                "short_name": shorts[0],
                "organisation_type": org_type,
                "city": cities[0],
                "website": WEBSITES.get(slug, ""),
            },
        )
        context.translate(
            organisation,
            {
                "sv": {"name": sv, "city": cities[1], "short_name": shorts[1]},
                "en": {"name": en, "city": cities[2], "short_name": shorts[2]},
            },
        )
    for name, organisation_slug, phone, email, titles in PEOPLE.values():
        person = Person.objects.filter(locale=source, email=email).first()
        if person is None:
            person = Person.objects.create(
                locale=source,
                name=name,
                job_title=titles[0],
                organisation=context.vocabulary(Organisation, organisation_slug),
                phone=phone,
                email=email,
            )
        context.translate(person, {"sv": {"job_title": titles[1]}, "en": {"job_title": titles[2]}})


def demo_people(*slugs: str) -> list[Person]:
    """The Finnish rows of the demo people named by their slugs in :data:`PEOPLE`."""
    emails = [PEOPLE[slug][3] for slug in slugs]
    people = {
        person.email: person
        for person in Person.objects.filter(locale__language_code=SOURCE_LANGUAGE, email__in=emails)
    }
    return [people[email] for email in emails]
