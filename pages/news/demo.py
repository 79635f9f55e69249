"""Demo news: grant calls of the ministry and OPH, the quality-strategy networks, AVI kouluttaa.

Historical news carry their real dates; the open and the recently closed grant call are dated
relative to the day the demo is loaded, so that the site always shows one of each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cms.demo import DemoContext, Text, localized_fields
from cms.demo.images import DemoImage, demo_image
from cms.demo.vocabularies import demo_people
from cms.vocabularies.models import Theme
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.news.models import HELSINKI

#: A day relative to the demo's "today" (an int) or a real calendar date.
Day = int | dt.date


@dataclass(frozen=True)
class DemoNews:
    slug: str
    fi: Text
    sv: Text
    en: Text
    published: Day
    topics: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    image: DemoImage | None = None
    grant_amount: Decimal | None = None
    #: A real deadline, or days from today (the call then closes at 16.15 Helsinki time).
    deadline: dt.datetime | int | None = None


NETWORK_IMAGE = DemoImage(
    title="Demo: verkostokaavio",
    alt_text="Piirros seitsemästä toisiinsa yhdistetystä ympyrästä, jotka kuvaavat verkostoa.",
    background="#f2f6fa",
    shapes=(
        ("line", "#8aa4bf", (120, 100, 400, 260)),
        ("line", "#8aa4bf", (400, 100, 120, 260)),
        ("line", "#8aa4bf", (260, 60, 260, 300)),
        ("ellipse", "#003580", (80, 60, 160, 140)),
        ("ellipse", "#003580", (360, 60, 440, 140)),
        ("ellipse", "#003580", (80, 220, 160, 300)),
        ("ellipse", "#003580", (360, 220, 440, 300)),
        ("ellipse", "#00a2a2", (220, 20, 300, 100)),
        ("ellipse", "#00a2a2", (220, 260, 300, 340)),
        ("ellipse", "#e8a317", (215, 135, 305, 225)),
    ),
)

WEBINAR_IMAGE = DemoImage(
    title="Demo: webinaari",
    alt_text="Piirros kannettavasta tietokoneesta, jonka näytöllä on kuusi osallistujaruutua.",
    background="#fdf6ec",
    shapes=(
        ("rectangle", "#3c3c3c", (90, 50, 430, 270)),
        ("rectangle", "#ffffff", (105, 65, 415, 255)),
        ("rectangle", "#5a5a5a", (50, 270, 470, 300)),
        ("rectangle", "#003580", (120, 80, 205, 155)),
        ("rectangle", "#00a2a2", (217, 80, 302, 155)),
        ("rectangle", "#e8a317", (314, 80, 399, 155)),
        ("rectangle", "#00a2a2", (120, 167, 205, 242)),
        ("rectangle", "#e8a317", (217, 167, 302, 242)),
        ("rectangle", "#003580", (314, 167, 399, 242)),
    ),
)


def related_links(slug: str, *links: tuple[str, str]) -> list[dict[str, Any]]:
    """Raw RelatedLinksBlock data; block ids stay the same in every language."""
    return [
        {"type": "link", "value": {"title": title, "page": None, "url": url}, "id": f"{slug}-l{n}"}
        for n, (title, url) in enumerate(links)
    ]


GRANT_2018 = "ammatillisen-koulutuksen-johtamisen-valtionavustus-2018"
GRANT_OPEN = "jatkuvan-oppimisen-verkostojen-valtionavustushaku"
GRANT_CLOSED = "kirjastojen-digituen-valtionavustushaku"

NEWS = (
    DemoNews(
        slug=GRANT_2018,
        fi=Text(
            "Ammatillisen koulutuksen johtamisen kehittämiseen haettavana 4 miljoonaa euroa",
            "Opetus- ja kulttuuriministeriö julistaa haettavaksi valtionavustuksia "
            "ammatillisen koulutuksen järjestäjille johtamisen kehittämishankkeisiin.",
            (
                "Avustuksilla tuetaan hankkeita, jotka kehittävät osaamisperusteista, "
                "asiakaslähtöistä ja kumppanuuksiin perustuvaa johtamista. Haettavana on "
                "yhteensä 4 miljoonaa euroa.",
                "Rahoitus myönnetään enintään kuudelle alueelliselle verkostohankkeelle sekä "
                "yhdelle hankkeelle, joka koordinoi verkostojen yhteistä työtä.",
                "Hakemukset on jätettävä viimeistään 21.11.2018 klo 16.15.",
            ),
            {
                "image_caption": "Verkostohankkeet kokoavat alueen koulutuksen järjestäjät.",
                "image_alt_text": NETWORK_IMAGE.alt_text,
                "related_links": related_links(
                    GRANT_2018,
                    ("Opetus- ja kulttuuriministeriö", "https://okm.fi/"),
                    ("Ammatillinen koulutus – Opetushallitus", "https://www.oph.fi/"),
                ),
            },
        ),
        sv=Text(
            "4 miljoner euro för att utveckla ledarskapet inom yrkesutbildningen",
            "Undervisnings- och kulturministeriet utlyser statsunderstöd för "
            "utbildningsanordnare inom yrkesutbildningen för projekt som utvecklar ledarskap.",
            (
                "Understöden stöder projekt som utvecklar ett kompetensbaserat, kundorienterat "
                "och partnerskapsbaserat ledarskap. Sammanlagt 4 miljoner euro kan sökas.",
                "Finansiering beviljas högst sex regionala nätverksprojekt och ett projekt som "
                "samordnar nätverkens gemensamma arbete.",
                "Ansökningarna ska lämnas in senast 21.11.2018 kl. 16.15.",
            ),
            {
                "image_caption": "Nätverksprojekten samlar regionens utbildningsanordnare.",
                "image_alt_text": "En teckning av sju sammanlänkade cirklar, ett nätverk.",
                "related_links": related_links(
                    GRANT_2018,
                    ("Undervisnings- och kulturministeriet", "https://okm.fi/sv/"),
                    ("Yrkesutbildning – Utbildningsstyrelsen", "https://www.oph.fi/sv/"),
                ),
            },
        ),
        en=Text(
            "4 million euros available for developing leadership in vocational education",
            "The Ministry of Education and Culture invites vocational education providers to "
            "apply for government grants for projects that develop leadership.",
            (
                "The grants support projects that develop competence-based, customer-oriented "
                "and partnership-based leadership. A total of 4 million euros is available.",
                "Funding goes to at most six regional network projects and one project that "
                "coordinates the networks' joint work.",
                "Applications must be submitted by 21 November 2018 at 16.15.",
            ),
            {
                "image_caption": "The network projects bring together the region's providers.",
                "image_alt_text": "A drawing of seven linked circles that depict a network.",
                "related_links": related_links(
                    GRANT_2018,
                    ("Ministry of Education and Culture", "https://okm.fi/en/"),
                    (
                        "Vocational education – Finnish National Agency for Education",
                        "https://www.oph.fi/en/",
                    ),
                ),
            },
        ),
        published=dt.date(2018, 10, 22),
        topics=("koulutus-ja-tutkinnot", "ammatillinen-koulutus", "valtionavustukset"),
        contacts=("liisa-virtanen", "mikko-korhonen"),
        image=NETWORK_IMAGE,
        grant_amount=Decimal("4000000.00"),
        deadline=dt.datetime(2018, 11, 21, 16, 15, tzinfo=HELSINKI),
    ),
    DemoNews(
        slug="laatustrategian-verkostohankkeet-aloittivat-webinaarilla",
        fi=Text(
            "Laatustrategiaa toteuttavat verkostohankkeet aloittivat yhteisellä webinaarilla",
            "Opetushallituksen webinaari kokosi ammatillisen koulutuksen laatustrategiaa "
            "toteuttavat 13 uutta verkostohanketta.",
            (
                "Opetushallitus järjesti 21.4.2020 webinaarin 13 uudelle verkostohankkeelle, "
                "jotka toteuttavat ammatillisen koulutuksen laatustrategiaa kohti vuotta 2030.",
                "Webinaariin osallistui yli sata koulutuksen järjestäjää. Hankkeet esittelivät "
                "painopisteensä ja sopivat yhteistyön tavoista.",
            ),
            {
                "image_caption": "Webinaari pidettiin kokonaan verkossa.",
                "image_alt_text": WEBINAR_IMAGE.alt_text,
            },
        ),
        sv=Text(
            "Nätverksprojekten för kvalitetsstrategin inledde med ett gemensamt webbinarium",
            "Utbildningsstyrelsens webbinarium samlade de 13 nya nätverksprojekt som "
            "genomför kvalitetsstrategin för yrkesutbildningen.",
            (
                "Utbildningsstyrelsen ordnade 21.4.2020 ett webbinarium för 13 nya "
                "nätverksprojekt som genomför kvalitetsstrategin för yrkesutbildningen fram "
                "till 2030.",
                "Över hundra utbildningsanordnare deltog. Projekten presenterade sina "
                "prioriteringar och kom överens om hur de ska samarbeta.",
            ),
            {
                "image_caption": "Webbinariet hölls helt på webben.",
                "image_alt_text": "En bärbar dator med sex deltagarrutor på skärmen.",
            },
        ),
        en=Text(
            "Quality strategy network projects started with a joint webinar",
            "A webinar of the Finnish National Agency for Education brought together the 13 "
            "new network projects implementing the vocational education quality strategy.",
            (
                "On 21 April 2020 the Finnish National Agency for Education held a webinar for "
                "the 13 new network projects implementing the quality strategy for vocational "
                "education towards 2030.",
                "Over a hundred education providers took part. The projects presented their "
                "priorities and agreed on how to work together.",
            ),
            {
                "image_caption": "The webinar was held entirely online.",
                "image_alt_text": "A laptop showing six participant tiles on its screen.",
            },
        ),
        published=dt.date(2020, 4, 21),
        topics=("ammatillinen-koulutus", "laatu-ja-kehittaminen"),
        contacts=("kaisa-nieminen",),
        image=WEBINAR_IMAGE,
    ),
    DemoNews(
        slug="laatustrategian-valtakunnallinen-tapahtuma-jyvaskylassa",
        fi=Text(
            "Laatustrategian valtakunnallinen tapahtuma kokoontui Jyväskylässä",
            "Ammatillisen koulutuksen laatustrategian avoin valtakunnallinen tapahtuma "
            "järjestettiin 28.10.2020 Jyväskylässä.",
            (
                "Tapahtuma oli avoin kaikille ammatillisen koulutuksen järjestäjille. "
                "Verkostohankkeet kertoivat ensimmäisen puolen vuoden kokemuksistaan.",
                "Päivän esitykset ja aineistot julkaistaan hankkeiden verkkosivuilla.",
            ),
        ),
        sv=Text(
            "Det nationella evenemanget om kvalitetsstrategin samlades i Jyväskylä",
            "Ett öppet nationellt evenemang om kvalitetsstrategin för yrkesutbildningen "
            "ordnades 28.10.2020 i Jyväskylä.",
            (
                "Evenemanget var öppet för alla anordnare av yrkesutbildning. "
                "Nätverksprojekten berättade om erfarenheterna från det första halvåret.",
                "Dagens presentationer och material publiceras på projektens webbplatser.",
            ),
        ),
        en=Text(
            "National quality strategy event met in Jyväskylä",
            "An open national event on the vocational education quality strategy was held in "
            "Jyväskylä on 28 October 2020.",
            (
                "The event was open to all vocational education providers. The network "
                "projects shared their experiences of the first six months.",
                "The presentations and materials of the day are published on the projects' "
                "websites.",
            ),
        ),
        published=dt.date(2020, 10, 28),
        topics=("ammatillinen-koulutus", "laatu-ja-kehittaminen"),
        contacts=("kaisa-nieminen", "jukka-heikkinen"),
    ),
    DemoNews(
        slug=GRANT_OPEN,
        fi=Text(
            "Valtionavustusta haettavana jatkuvan oppimisen alueellisiin verkostoihin",
            "Opetushallitus julistaa haettavaksi 2,5 miljoonaa euroa koulutuksen järjestäjien "
            "alueellisille jatkuvan oppimisen verkostohankkeille.",
            (
                "Avustusta voivat hakea koulutuksen järjestäjät yhdessä alueen kumppaneiden "
                "kanssa. Hankkeiden tulee vahvistaa ohjausta ja johtamisen yhteistyötä.",
                "Haku on auki, ja hakemukset jätetään sähköisessä asiointipalvelussa.",
            ),
            {
                "related_links": related_links(
                    GRANT_OPEN, ("Opetushallitus – valtionavustukset", "https://www.oph.fi/")
                )
            },
        ),
        sv=Text(
            "Statsunderstöd kan sökas för regionala nätverk för kontinuerligt lärande",
            "Utbildningsstyrelsen utlyser 2,5 miljoner euro för utbildningsanordnares "
            "regionala nätverksprojekt för kontinuerligt lärande.",
            (
                "Utbildningsanordnare kan söka understöd tillsammans med regionala partner. "
                "Projekten ska stärka samarbetet inom vägledning och ledarskap.",
                "Ansökan är öppen och ansökningarna lämnas in i den elektroniska tjänsten.",
            ),
            {
                "related_links": related_links(
                    GRANT_OPEN, ("Utbildningsstyrelsen – statsunderstöd", "https://www.oph.fi/sv/")
                )
            },
        ),
        en=Text(
            "Government grants available for regional continuous learning networks",
            "The Finnish National Agency for Education invites applications for 2.5 million "
            "euros for providers' regional network projects on continuous learning.",
            (
                "Education providers may apply together with regional partners. The projects "
                "must strengthen cooperation in guidance and leadership.",
                "The call is open; applications are submitted in the online service.",
            ),
            {
                "related_links": related_links(
                    GRANT_OPEN,
                    ("Finnish National Agency for Education – grants", "https://www.oph.fi/en/"),
                )
            },
        ),
        published=-6,
        topics=("valtionavustukset", "ohjaus", "johtaminen"),
        contacts=("kaisa-nieminen",),
        grant_amount=Decimal("2500000.00"),
        deadline=30,
    ),
    DemoNews(
        slug=GRANT_CLOSED,
        fi=Text(
            "Kirjastojen digituen valtionavustushaku on päättynyt",
            "Opetus- ja kulttuuriministeriön 800 000 euron haku yleisten kirjastojen digituen "
            "kehittämiseen päättyi.",
            (
                "Hakemuksia saapui kaikista maakunnista. Päätökset julkaistaan arviolta "
                "kahden kuukauden kuluessa.",
            ),
        ),
        sv=Text(
            "Ansökan om statsunderstöd för digitalt stöd på bibliotek har avslutats",
            "Undervisnings- och kulturministeriets ansökan om 800 000 euro för att utveckla "
            "det digitala stödet på allmänna bibliotek har avslutats.",
            ("Ansökningar kom från alla landskap. Besluten publiceras inom cirka två månader.",),
        ),
        en=Text(
            "The grant call for digital support in libraries has closed",
            "The Ministry of Education and Culture's call of 800,000 euros for developing "
            "digital support in public libraries has closed.",
            (
                "Applications came from every region. The decisions will be published in "
                "about two months.",
            ),
        ),
        published=-40,
        topics=("valtionavustukset", "digitalisaatio"),
        contacts=("liisa-virtanen",),
        grant_amount=Decimal("800000.00"),
        deadline=-3,
    ),
    DemoNews(
        slug="avi-kouluttaa-kokoaa-koulutustarjonnan",
        fi=Text(
            "AVI kouluttaa kokoaa aluehallintovirastojen koulutustarjonnan yhteen",
            "Aluehallintovirastojen koulutuksiin osallistuu vuosittain yli 25 000 opetus- ja "
            "kulttuuritoimen ammattilaista.",
            (
                "Valtakunnallinen AVI kouluttaa -ohjelma koordinoi koulutuksia, joita on "
                "aiemmin ollut runsaasti, osin päällekkäin ja ilman yhteistä suunnittelua.",
                "Koulutusten lisäksi virastot järjestävät vuosittain kymmeniä "
                "informaatio-ohjaustilaisuuksia.",
            ),
            {
                "related_links": related_links(
                    "avi-kouluttaa", ("Aluehallintovirastot", "https://avi.fi/")
                )
            },
        ),
        sv=Text(
            "AVI utbildar samlar regionförvaltningsverkens utbildningsutbud",
            "Över 25 000 yrkespersoner inom undervisning och kultur deltar varje år i "
            "regionförvaltningsverkens utbildningar.",
            (
                "Det nationella programmet AVI utbildar samordnar utbildningar som tidigare "
                "varit många, delvis överlappande och utan gemensam planering.",
                "Utöver utbildningarna ordnar verken årligen tiotals informationsmöten.",
            ),
            {
                "related_links": related_links(
                    "avi-kouluttaa", ("Regionförvaltningsverken", "https://avi.fi/sv/")
                )
            },
        ),
        en=Text(
            "AVI kouluttaa brings the agencies' training offering together",
            "More than 25,000 education and culture professionals take part in the regional "
            "state administrative agencies' trainings every year.",
            (
                "The national AVI kouluttaa programme coordinates trainings that used to be "
                "plentiful, partly overlapping and planned separately.",
                "Besides the trainings, the agencies hold dozens of guidance sessions a year.",
            ),
            {
                "related_links": related_links(
                    "avi-kouluttaa",
                    ("Regional State Administrative Agencies", "https://avi.fi/en/"),
                )
            },
        ),
        published=-10,
        topics=("koulutus-ja-tutkinnot", "laatu-ja-kehittaminen"),
        contacts=("anna-lehtonen", "pekka-salonen"),
    ),
)


def _day(context: DemoContext, day: Day) -> dt.date:
    return context.day(day) if isinstance(day, int) else day


def _deadline(context: DemoContext, deadline: dt.datetime | int | None) -> dt.datetime | None:
    if isinstance(deadline, int):
        return context.at(deadline, 16, 15)
    return deadline


def build_demo(context: DemoContext) -> None:
    """The news listing page and :data:`NEWS` in three languages."""
    index = context.page(
        context.home,
        NewsIndexPageFactory,
        "uutiset",
        {
            "sv": {
                "title": "Nyheter",
                "slug": "nyheter",
                "intro": "<p>Aktuellt om yrkesutbildning, nätverk och statsunderstöd.</p>",
            },
            "en": {
                "title": "News",
                "slug": "news",
                "intro": "<p>News on vocational education, networks and government grants.</p>",
            },
        },
        title="Uutiset",
        intro="<p>Ajankohtaista ammatillisesta koulutuksesta, verkostoista ja "
        "valtionavustuksista.</p>",
    )
    for news in NEWS:
        fields, translations = localized_fields(news.slug, news.fi, sv=news.sv, en=news.en)
        context.page(
            index,
            NewsPageFactory,
            news.slug,
            translations,
            **fields,
            publication_date=_day(context, news.published),
            topics=context.vocabularies(Theme, *news.topics),
            contacts=demo_people(*news.contacts),
            image=demo_image(news.image) if news.image else None,
            is_grant_call=news.grant_amount is not None,
            grant_amount=news.grant_amount,
            application_deadline=_deadline(context, news.deadline),
        )
