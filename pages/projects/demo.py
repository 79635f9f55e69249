"""Demo project results: leadership, quality-strategy and guidance network projects.

Each card section is a single paragraph: :func:`cms.translation.translate` matches
translated strings to source strings by field path, and every paragraph of a rich-text
field shares the field's path, so a section of several paragraphs would get one
paragraph's translation everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cms.demo import DemoContext, Text, localized_fields
from cms.demo.vocabularies import demo_people
from cms.vocabularies.models import Organisation, Theme
from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory
from pages.projects.models import ProjectResultPage

Status = ProjectResultPage.Status


def card(
    programme: str, measure: str, need_and_goals: str, solution: str, results: str
) -> dict[str, str]:
    """The translated non-page fields of one project result in one language."""
    return {
        "funding_programme": programme,
        "funding_measure": measure,
        "need_and_goals": f"<p>{need_and_goals}</p>",
        "solution": f"<p>{solution}</p>",
        "results": f"<p>{results}</p>",
    }


@dataclass(frozen=True)
class DemoProject:
    slug: str
    fi: Text
    sv: Text
    en: Text
    lead_organisation: str
    status: str
    #: Fixed dates, or ``None`` to place the period relative to today (``starts_in_days``).
    period: tuple[dt.date, dt.date | None] | None = None
    starts_in_days: int = 0
    lasts_days: int = 0
    partners: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()


PROJECTS = (
    DemoProject(
        slug="vertaansa-vailla",
        fi=Text(
            "Vertaansa vailla – verkostot johtamisen tukena",
            "Omnian koordinoimassa verkostohankkeessa 16 koulutuksen järjestäjää kehittää "
            "johtamista vertaisverkostoissa.",
            extra=card(
                "Opetushallituksen Oikeus osata -kehittämisohjelma 2020–2022",
                "Toimintakulttuurin uudistaminen ja sen johtamisen tukeminen",
                "Uudistuva toimintakulttuuri vaatii johtamiselta uusia tapoja toimia, eikä "
                "yksikään organisaatio ratkaise tätä yksin. Hankkeen tavoitteena on tukea "
                "johtajia ja esihenkilöitä jakamalla osaamista ja hyviä käytäntöjä verkoston "
                "16 toteuttajaorganisaation kesken.",
                "Hanke rakentaa vertaisverkostoja, joissa eri organisaatioiden asiantuntijat "
                "kehittävät työtään yhdessä. Käynnissä ovat HR-kehittäjien, pedagogisen "
                "johtajuuden, johtamisosaamisen ja tiimimäisen työskentelyn verkostot. "
                "Suunnitteilla ovat johtamisjärjestelmän sekä koulutus- ja palvelupäälliköiden "
                "verkostot.",
                "Verkostot kokoontuvat säännöllisesti, ja niissä syntyvät mallit ja työkalut "
                "kootaan kaikkien koulutuksen järjestäjien käyttöön. Hankkeen ensimmäiset "
                "tulokset julkaistiin kesäkuussa 2021.",
            ),
        ),
        sv=Text(
            "Vertaansa vailla – nätverk som stöd för ledarskapet",
            "I nätverksprojektet som koordineras av Omnia utvecklar 16 utbildningsanordnare "
            "ledarskapet i kollegiala nätverk.",
            extra=card(
                "Utbildningsstyrelsens utvecklingsprogram Oikeus osata 2020–2022",
                "Förnyelse av verksamhetskulturen och stöd för ledningen av den",
                "En verksamhetskultur i förändring kräver nya arbetssätt av ledarskapet, och "
                "ingen organisation klarar det ensam. Projektets mål är att stödja ledare och "
                "chefer genom att dela kunnande och goda praxis mellan nätverkets 16 "
                "genomförande organisationer.",
                "Projektet bygger upp kollegiala nätverk där sakkunniga från olika "
                "organisationer utvecklar sitt arbete tillsammans. I gång är nätverken för "
                "HR-utvecklare, pedagogiskt ledarskap, ledarskapskompetens och teambaserat "
                "arbete. Nätverk för ledningssystemet och för utbildnings- och servicechefer "
                "planeras.",
                "Nätverken träffas regelbundet, och de modeller och verktyg som tas fram där "
                "samlas så att alla utbildningsanordnare kan använda dem. Projektets första "
                "resultat publicerades i juni 2021.",
            ),
        ),
        en=Text(
            "Vertaansa vailla – networks supporting leadership",
            "In this network project coordinated by Omnia, 16 education providers develop "
            "leadership in peer networks.",
            extra=card(
                "Finnish National Agency for Education's Oikeus osata development programme "
                "2020–2022",
                "Renewing the operating culture and supporting its leadership",
                "A changing operating culture asks leaders to work in new ways, and no "
                "organisation can manage that alone. The project aims to support leaders and "
                "managers by sharing competence and good practices among the network's 16 "
                "implementing organisations.",
                "The project builds peer networks in which experts from different "
                "organisations develop their work together. Networks for HR developers, "
                "pedagogical leadership, leadership competence and team-based working are "
                "running; networks for the management system and for heads of training and "
                "services are planned.",
                "The networks meet regularly, and the models and tools they produce are "
                "collected for every education provider to use. The project's first results "
                "were published in June 2021.",
            ),
        ),
        lead_organisation="omnia",
        status=Status.ONGOING,
        period=(dt.date(2020, 1, 1), dt.date(2022, 12, 31)),
        partners=("gradia", "keuda", "redu"),
        themes=("johtaminen", "ammatillinen-koulutus"),
        contacts=("jukka-heikkinen", "kaisa-nieminen"),
    ),
    DemoProject(
        slug="laatua-yhdessa",
        fi=Text(
            "Laatua yhdessä – laatustrategia arjen työksi",
            "Gradian koordinoima hanke oli yksi ammatillisen koulutuksen laatustrategiaa "
            "toimeenpanneista 13 verkostohankkeesta.",
            extra=card(
                "Opetushallituksen valtionavustus ammatillisen koulutuksen laatustrategian "
                "toimeenpanoon",
                "Laadunhallinta ja jatkuva parantaminen",
                "Laatustrategia ohjaa koulutuksen järjestäjiä kohti vuotta 2030, mutta sen "
                "tavoitteet on vietävä käytännön työhön. Hankkeen tavoitteena oli vahvistaa "
                "laadunhallintaa ja jatkuvaa parantamista verkoston organisaatioissa.",
                "Verkoston organisaatiot arvioivat toistensa laadunhallintaa "
                "vertaisarvioinneissa ja kehittivät yhteisiä itsearvioinnin välineitä. Työtä "
                "koordinoi painopistealueen koordinaattori yhdessä Opetushallituksen kanssa.",
                "Hankkeen kokemuksia esiteltiin avoimessa valtakunnallisessa tapahtumassa "
                "Jyväskylässä 28.10.2020. Vertaisarvioinnin malli ja itsearvioinnin välineet "
                "jäivät verkoston organisaatioiden pysyvään käyttöön.",
            ),
        ),
        sv=Text(
            "Kvalitet tillsammans – kvalitetsstrategin i det dagliga arbetet",
            "Projektet som koordinerades av Gradia var ett av de 13 nätverksprojekt som "
            "genomförde kvalitetsstrategin för yrkesutbildningen.",
            extra=card(
                "Utbildningsstyrelsens statsunderstöd för genomförandet av kvalitetsstrategin "
                "för yrkesutbildningen",
                "Kvalitetsledning och ständig förbättring",
                "Kvalitetsstrategin styr utbildningsanordnarna mot år 2030, men dess mål "
                "måste föras in i det praktiska arbetet. Projektets mål var att stärka "
                "kvalitetsledningen och den ständiga förbättringen i nätverkets organisationer.",
                "Nätverkets organisationer bedömde varandras kvalitetsledning i kollegiala "
                "utvärderingar och utvecklade gemensamma verktyg för självvärdering. Arbetet "
                "koordinerades av prioritetsområdets koordinator tillsammans med "
                "Utbildningsstyrelsen.",
                "Erfarenheterna från projektet presenterades vid ett öppet nationellt "
                "evenemang i Jyväskylä den 28 oktober 2020. Modellen för kollegial utvärdering "
                "och verktygen för självvärdering används fortsatt i nätverkets organisationer.",
            ),
        ),
        en=Text(
            "Quality together – making the quality strategy everyday work",
            "Coordinated by Gradia, this was one of the 13 network projects implementing the "
            "quality strategy for vocational education.",
            extra=card(
                "Finnish National Agency for Education grant for implementing the vocational "
                "education quality strategy",
                "Quality management and continuous improvement",
                "The quality strategy guides education providers towards 2030, but its goals "
                "have to be brought into everyday work. The project aimed to strengthen "
                "quality management and continuous improvement in the network's organisations.",
                "The network's organisations reviewed each other's quality management in peer "
                "reviews and developed shared self-assessment tools. The priority area's "
                "coordinator led the work together with the Finnish National Agency for "
                "Education.",
                "The project's experiences were presented at an open national event in "
                "Jyväskylä on 28 October 2020. The peer review model and the self-assessment "
                "tools remain in permanent use in the network's organisations.",
            ),
        ),
        lead_organisation="gradia",
        status=Status.ENDED,
        period=(dt.date(2020, 3, 1), dt.date(2022, 12, 31)),
        partners=("omnia", "keuda"),
        themes=("laatu-ja-kehittaminen", "ammatillinen-koulutus"),
        contacts=("kaisa-nieminen",),
    ),
    DemoProject(
        slug="ohjaus-verkostossa-lapissa",
        fi=Text(
            "Ohjaus verkostossa – elinikäinen ohjaus Lapissa",
            "REDUn koordinoima hanke tukee Lapin elinikäisen ohjauksen yhteistyöryhmää ja "
            "tuo ohjauksen lähemmäs sitä tarvitsevia.",
            extra=card(
                "Opetushallituksen valtionavustus ohjauksen kehittämiseen",
                "Alueellisen ohjausyhteistyön vahvistaminen",
                "Lapin pitkät etäisyydet vaikeuttavat ohjauspalvelujen saatavuutta. "
                "ELO-yhteistyöryhmä kokoontuu 3–4 kertaa vuodessa, mutta alueellisten "
                "ryhmien ja organisaatioiden yhteyshenkilöiden työ tarvitsee yhteisiä "
                "toimintamalleja. Tavoitteena on, että jokainen lappilainen saa ohjausta "
                "elämänsä eri vaiheissa.",
                "Hanke laatii ohjauksen toimintamallit yhteistyöryhmän vuosittaiseen "
                "toimintasuunnitelmaan, kouluttaa organisaatioiden yhteyshenkilöitä ja "
                "kokeilee etäohjausta alueellisten ryhmien kanssa.",
                "Hanke ei ole vielä alkanut. Tulokset julkaistaan tällä sivulla hankkeen edetessä.",
            ),
        ),
        sv=Text(
            "Vägledning i nätverk – livslång vägledning i Lappland",
            "Projektet som koordineras av REDU stöder samarbetsgruppen för livslång "
            "vägledning i Lappland och för vägledningen närmare dem som behöver den.",
            extra=card(
                "Utbildningsstyrelsens statsunderstöd för utveckling av vägledningen",
                "Stärkt regionalt samarbete inom vägledningen",
                "De långa avstånden i Lappland försvårar tillgången till vägledning. "
                "ELO-samarbetsgruppen träffas 3–4 gånger per år, men de regionala gruppernas "
                "och organisationernas kontaktpersoners arbete behöver gemensamma "
                "verksamhetsmodeller. Målet är att alla i Lappland ska få vägledning i livets "
                "olika skeden.",
                "Projektet tar fram verksamhetsmodeller för vägledningen till "
                "samarbetsgruppens årliga verksamhetsplan, utbildar organisationernas "
                "kontaktpersoner och testar vägledning på distans med de regionala grupperna.",
                "Projektet har inte börjat ännu. Resultaten publiceras på den här sidan "
                "allteftersom projektet framskrider.",
            ),
        ),
        en=Text(
            "Guidance in a network – lifelong guidance in Lapland",
            "Coordinated by REDU, the project supports Lapland's lifelong guidance "
            "cooperation group and brings guidance closer to the people who need it.",
            extra=card(
                "Finnish National Agency for Education grant for developing guidance",
                "Strengthening regional cooperation in guidance",
                "Lapland's long distances make guidance services hard to reach. The ELO "
                "cooperation group meets 3–4 times a year, but the work of the regional groups "
                "and the organisations' contact persons needs shared ways of working. The goal "
                "is that everyone in Lapland gets guidance at every stage of life.",
                "The project drafts guidance models for the cooperation group's yearly action "
                "plan, trains the organisations' contact persons and tries out remote guidance "
                "with the regional groups.",
                "The project has not started yet. Its results will be published on this page "
                "as the project progresses.",
            ),
        ),
        lead_organisation="redu",
        status=Status.PLANNED,
        starts_in_days=60,
        lasts_days=730,
        partners=("lapin-ely", "rovaniemen-kaupunki"),
        themes=("ohjaus",),
        contacts=("sari-makinen",),
    ),
)


def build_demo(context: DemoContext) -> None:
    """The project-results listing page and :data:`PROJECTS` in three languages."""
    index = context.page(
        context.home,
        ProjectResultIndexPageFactory,
        "hankkeiden-tulokset",
        {
            "sv": {
                "title": "Projektresultat",
                "slug": "projektresultat",
                "intro": "<p>Mål, lösningar och resultat i utvecklingsprojekt inom "
                "utbildning och kultur.</p>",
            },
            "en": {
                "title": "Project results",
                "slug": "project-results",
                "intro": "<p>Goals, solutions and results of development projects in "
                "education and culture.</p>",
            },
        },
        title="Hankkeiden tulokset",
        intro="<p>Opetus- ja kulttuurialan kehittämishankkeiden tavoitteet, ratkaisut ja "
        "tulokset.</p>",
    )
    for project in PROJECTS:
        fields, translations = localized_fields(
            project.slug, project.fi, sv=project.sv, en=project.en
        )
        if project.period is not None:
            period_start, period_end = project.period
        else:
            period_start = context.day(project.starts_in_days)
            period_end = context.day(project.starts_in_days + project.lasts_days)
        context.page(
            index,
            ProjectResultPageFactory,
            project.slug,
            translations,
            **fields,
            lead_organisation=context.vocabulary(Organisation, project.lead_organisation),
            partner_organisations=context.vocabularies(Organisation, *project.partners),
            period_start=period_start,
            period_end=period_end,
            status=project.status,
            themes=context.vocabularies(Theme, *project.themes),
            contacts=demo_people(*project.contacts),
        )
