"""Demo networks: AVI kouluttaa, Lapland's ELO group and the quality-strategy network projects.

Stream blocks get ids that are the same in every language, so the Swedish and English
texts are matched to the Finnish blocks. Related pages of other plugins are looked up by
slug and linked only when they exist: the networks plugin never imports another plugin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wagtail.models import Page

from cms.demo import SOURCE_LANGUAGE, DemoContext, Text, localized_fields
from cms.demo.vocabularies import demo_people
from cms.vocabularies.models import Organisation
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory

LANGUAGES = ("fi", "sv", "en")
#: A text in Finnish, Swedish and English.
Trio = tuple[str, str, str]
#: Raw StreamField data per language.
Streams = dict[str, list[dict[str, Any]]]


def _streams(slug: str, block_type: str, items: list[tuple[dict[str, Any], dict[str, Trio]]]):
    """Raw stream data per language: ``items`` are (untranslated values, translated values)."""
    return {
        language: [
            {
                "type": block_type,
                "id": f"{slug}-{block_type}-{number}",
                "value": {**fixed, **{name: texts[i] for name, texts in translated.items()}},
            }
            for number, (fixed, translated) in enumerate(items)
        ]
        for i, language in enumerate(LANGUAGES)
    }


def goals(slug: str, *items: tuple[Trio, Trio]) -> Streams:
    return _streams(
        slug, "goal", [({}, {"title": title, "description": text}) for title, text in items]
    )


def sub_groups(slug: str, *items: tuple[int, Trio, Trio, Trio]) -> Streams:
    return _streams(
        slug,
        "sub_group",
        [
            ({"level": level}, {"name": name, "role": role, "members": members})
            for level, name, role, members in items
        ],
    )


def action_plan(slug: str, *items: tuple[Trio, Trio, dt.date, dt.date | None]) -> Streams:
    return _streams(
        slug,
        "action",
        [
            (
                {"starts": starts.isoformat(), "ends": ends.isoformat() if ends else None},
                {"title": title, "description": text},
            )
            for title, text, starts, ends in items
        ],
    )


def paragraph(*sentences: str) -> str:
    """One rich-text paragraph.

    One paragraph, not several: ``cms.translation.translate`` matches translated strings to
    segments by path, and every paragraph of a rich-text field shares the field's path, so
    a second paragraph would overwrite the first in the translations.
    """
    return f"<p>{' '.join(sentences)}</p>"


NONE: Trio = ("", "", "")


@dataclass(frozen=True)
class DemoNetwork:
    slug: str
    titles: Trio
    leads: Trio
    purposes: Trio
    coordinator: str
    members: tuple[str, ...]
    contacts: tuple[str, ...] = ()
    meeting_rhythm: Trio = NONE
    goals: Streams | None = None
    sub_groups: Streams | None = None
    action_plan: Streams | None = None
    #: Slugs of pages of other plugins, linked when they exist.
    related: tuple[str, ...] = ()

    def text(self, language: str) -> Text:
        i = LANGUAGES.index(language)
        extra: dict[str, Any] = {
            "purpose": self.purposes[i],
            "meeting_rhythm": self.meeting_rhythm[i],
        }
        for name in ("goals", "sub_groups", "action_plan"):
            streams = getattr(self, name)
            if streams:
                extra[name] = streams[language]
        return Text(self.titles[i], self.leads[i], extra=extra)


def demo_networks(year: int) -> tuple[DemoNetwork, ...]:
    """The demo networks; ``year`` dates the ELO group's yearly action plan."""
    elo = "lapin-elo-ryhma"
    quality = "laatustrategian-verkostohankkeet"
    return (
        DemoNetwork(
            slug="avi-kouluttaa-verkosto",
            titles=("AVI kouluttaa -verkosto", "Nätverket AVI utbildar", "AVI kouluttaa network"),
            leads=(
                "Aluehallintovirastojen valtakunnallinen verkosto, joka suunnittelee ja "
                "toteuttaa opetus- ja kulttuuritoimen henkilöstön koulutukset yhdessä.",
                "Regionförvaltningsverkens riksomfattande nätverk som tillsammans planerar och "
                "genomför utbildningar för personalen inom undervisning och kultur.",
                "The regional state administrative agencies' national network that plans and "
                "runs trainings for education and culture staff together.",
            ),
            purposes=(
                paragraph(
                    "Aluehallintovirastot kouluttavat vuosittain yli 25 000 opetus- ja "
                    "kulttuuritoimen työntekijää ja järjestävät kymmeniä "
                    "informaatio-ohjaustilaisuuksia. Aiemmin tarjontaa oli runsaasti, mutta se "
                    "oli päällekkäistä ja koordinoimatonta.",
                    "AVI kouluttaa -verkosto kokoaa virastojen koulutukset yhdeksi "
                    "valtakunnalliseksi kokonaisuudeksi, jossa koulutukset täydentävät toisiaan.",
                ),
                paragraph(
                    "Regionförvaltningsverken utbildar varje år över 25 000 personer inom "
                    "undervisning och kultur och ordnar tiotals informationsmöten. Tidigare var "
                    "utbudet rikligt men överlappande och okoordinerat.",
                    "Nätverket AVI utbildar samlar verkens utbildningar till en riksomfattande "
                    "helhet där utbildningarna kompletterar varandra.",
                ),
                paragraph(
                    "Every year the regional state administrative agencies train more than "
                    "25,000 people in education and culture and hold dozens of guidance "
                    "sessions. Their offering used to be plentiful but overlapping and "
                    "uncoordinated.",
                    "The AVI kouluttaa network brings the agencies' trainings together into one "
                    "national programme in which the trainings complement each other.",
                ),
            ),
            coordinator="etela-suomen-avi",
            members=("etela-suomen-avi", "lansi-ja-sisa-suomen-avi", "lapin-avi"),
            contacts=("pekka-salonen", "anna-lehtonen"),
            goals=goals(
                "avi-kouluttaa-verkosto",
                (
                    (
                        "Verkostomaisen johtamisrakenteen järjestäminen",
                        "Att organisera en nätverksbaserad ledningsstruktur",
                        "Organising a networked leadership structure",
                    ),
                    (
                        "Sovitaan, miten virastot johtavat yhteistä koulutustarjontaa ja "
                        "päättävät siitä.",
                        "Vi kommer överens om hur verken leder och beslutar om det gemensamma "
                        "utbildningsutbudet.",
                        "Agreeing how the agencies lead and decide on their joint training "
                        "offering.",
                    ),
                ),
                (
                    ("Verkoston rakentaminen", "Att bygga upp nätverket", "Building the network"),
                    (
                        "Virastojen kouluttajat ja yhteistyökumppanit kootaan toimivaksi "
                        "verkostoksi.",
                        "Verkens utbildare och samarbetspartner samlas i ett fungerande nätverk.",
                        "Bringing the agencies' trainers and partners together into a working "
                        "network.",
                    ),
                ),
                (
                    (
                        "Suunnittelu kokeillen ja testaten",
                        "Planering genom försök och testning",
                        "Planning through experiments and testing",
                    ),
                    (
                        "Uusia koulutusmalleja kokeillaan pienesti ennen kuin ne otetaan "
                        "käyttöön koko maassa.",
                        "Nya utbildningsmodeller prövas i liten skala innan de införs i hela "
                        "landet.",
                        "New training models are tried out on a small scale before they are "
                        "used across the country.",
                    ),
                ),
                (
                    (
                        "Valtakunnallisten koulutusten toteuttaminen ja arviointi",
                        "Att genomföra och utvärdera riksomfattande utbildningar",
                        "Running and evaluating national trainings",
                    ),
                    (
                        "Yhteiset koulutukset järjestetään, ja niiden vaikutuksia arvioidaan "
                        "osallistujien palautteen avulla.",
                        "De gemensamma utbildningarna ordnas och deras effekter utvärderas med "
                        "hjälp av deltagarnas respons.",
                        "The joint trainings are run and their impact is evaluated through "
                        "participants' feedback.",
                    ),
                ),
            ),
            related=(
                "varhaiskasvatuksen-johtajuus-lappi",
                "varhaiskasvatuksen-tiimityo-uusimaa",
                "vapaan-sivistystyon-digiosaaminen",
                "museoiden-saavutettavuus-webinaari",
            ),
        ),
        DemoNetwork(
            slug=elo,
            titles=(
                "Lapin elinikäisen ohjauksen yhteistyöryhmä (ELO)",
                "Samarbetsgruppen för livslång vägledning i Lappland (ELO)",
                "Lapland lifelong guidance cooperation group (ELO)",
            ),
            leads=(
                "Lapin ELY-keskuksen asettama yhteistyöryhmä, joka kehittää ohjauspalveluja "
                "kaikenikäisille lappilaisille.",
                "En samarbetsgrupp som NTM-centralen i Lappland har tillsatt och som utvecklar "
                "vägledningstjänster för invånare i alla åldrar i Lappland.",
                "A cooperation group set up by the Lapland ELY Centre to develop guidance "
                "services for people of all ages in Lapland.",
            ),
            purposes=(
                paragraph(
                    "Ryhmä kokoaa koulutuksen, työhallinnon ja nuorisotyön ohjaustoimijat "
                    "yhteen, jotta lappilaiset saavat ohjausta elämänsä eri vaiheissa.",
                    "Työ etenee vuosittaisen toimintasuunnitelman mukaan.",
                ),
                paragraph(
                    "Gruppen samlar aktörerna inom vägledning i utbildningen, "
                    "arbetsförvaltningen och ungdomsarbetet, så att invånarna i Lappland får "
                    "vägledning i livets olika skeden.",
                    "Arbetet följer en årlig verksamhetsplan.",
                ),
                paragraph(
                    "The group brings together guidance providers in education, employment "
                    "services and youth work, so that people in Lapland get guidance at every "
                    "stage of life.",
                    "The work follows a yearly action plan.",
                ),
            ),
            coordinator="lapin-ely",
            members=("lapin-ely", "lapin-avi", "redu", "rovaniemen-kaupunki"),
            contacts=("sari-makinen",),
            meeting_rhythm=("3–4 kertaa vuodessa", "3–4 gånger per år", "3–4 times a year"),
            sub_groups=sub_groups(
                elo,
                (
                    1,
                    ("Yhteistyöryhmä", "Samarbetsgruppen", "Cooperation group"),
                    (
                        "Linjaa elinikäisen ohjauksen kehittämistä Lapissa ja hyväksyy "
                        "vuosittaisen toimintasuunnitelman.",
                        "Drar upp riktlinjerna för den livslånga vägledningen i Lappland och "
                        "godkänner den årliga verksamhetsplanen.",
                        "Sets the direction for lifelong guidance in Lapland and approves the "
                        "yearly action plan.",
                    ),
                    (
                        "Jäsenet nimeää Lapin ELY-keskus.",
                        "Medlemmarna utses av NTM-centralen i Lappland.",
                        "The members are appointed by the Lapland ELY Centre.",
                    ),
                ),
                (
                    2,
                    ("Koordinaatioryhmä", "Koordineringsgruppen", "Coordination group"),
                    (
                        "Valmistelee yhteistyöryhmän kokoukset ja seuraa toimintasuunnitelman "
                        "toteutumista.",
                        "Förbereder samarbetsgruppens möten och följer upp verksamhetsplanen.",
                        "Prepares the cooperation group's meetings and follows up the action plan.",
                    ),
                    NONE,
                ),
                (
                    3,
                    ("Alueelliset ryhmät", "Regionala grupper", "Regional groups"),
                    (
                        "Vievät ohjauksen kehittämisen seutukuntiin ja välittävät tietoa "
                        "alueiden tarpeista.",
                        "För ut utvecklingen av vägledningen i de ekonomiska regionerna och "
                        "förmedlar information om regionernas behov.",
                        "Take the development of guidance to the sub-regions and report what "
                        "the regions need.",
                    ),
                    NONE,
                ),
                (
                    4,
                    (
                        "Organisaatioiden yhteyshenkilöt",
                        "Organisationernas kontaktpersoner",
                        "Contact persons of the organisations",
                    ),
                    (
                        "Jokaisella jäsenorganisaatiolla on yhteyshenkilö, joka vie tiedon "
                        "omaan organisaatioonsa.",
                        "Varje medlemsorganisation har en kontaktperson som för informationen "
                        "vidare i den egna organisationen.",
                        "Each member organisation has a contact person who passes information "
                        "on within the organisation.",
                    ),
                    NONE,
                ),
                (
                    2,
                    (
                        "Aikuiskoulutuksen ohjausryhmä",
                        "Styrgruppen för vuxenutbildning",
                        "Steering group for adult education",
                    ),
                    (
                        "Ohjaa aikuiskoulutuksen ohjauspalvelujen kehittämistä.",
                        "Styr utvecklingen av vägledningstjänsterna inom vuxenutbildningen.",
                        "Steers the development of guidance services in adult education.",
                    ),
                    (
                        "Toimikausi 1.11.2013–31.12.2015.",
                        "Mandatperiod 1.11.2013–31.12.2015.",
                        "Term 1 November 2013 – 31 December 2015.",
                    ),
                ),
            ),
            action_plan=action_plan(
                elo,
                (
                    (
                        "Toimintasuunnitelman päivitys",
                        "Uppdatering av verksamhetsplanen",
                        "Updating the action plan",
                    ),
                    (
                        "Yhteistyöryhmä hyväksyy vuoden toimintasuunnitelman.",
                        "Samarbetsgruppen godkänner årets verksamhetsplan.",
                        "The cooperation group approves the year's action plan.",
                    ),
                    dt.date(year, 1, 15),
                    dt.date(year, 2, 28),
                ),
                (
                    (
                        "Ohjauspalvelujen kartoitus",
                        "Kartläggning av vägledningstjänsterna",
                        "Mapping guidance services",
                    ),
                    (
                        "Kootaan tiedot alueen ohjauspalveluista ja niiden saatavuudesta.",
                        "Information om regionens vägledningstjänster och deras tillgänglighet "
                        "samlas in.",
                        "Gathering information on the region's guidance services and their "
                        "availability.",
                    ),
                    dt.date(year, 3, 1),
                    dt.date(year, 5, 31),
                ),
                (
                    (
                        "Alueellinen koulutuspäivä",
                        "Regional utbildningsdag",
                        "Regional training day",
                    ),
                    (
                        "Ohjauksen ammattilaisten yhteinen koulutuspäivä.",
                        "En gemensam utbildningsdag för vägledningsproffs.",
                        "A joint training day for guidance professionals.",
                    ),
                    dt.date(year, 9, 1),
                    dt.date(year, 11, 30),
                ),
                (
                    (
                        "Vuoden toiminnan arviointi",
                        "Utvärdering av årets verksamhet",
                        "Evaluating the year's work",
                    ),
                    (
                        "Yhteistyöryhmä arvioi vuoden toiminnan ja suunnittelee seuraavaa vuotta.",
                        "Samarbetsgruppen utvärderar årets verksamhet och planerar nästa år.",
                        "The cooperation group evaluates the year's work and plans the next year.",
                    ),
                    dt.date(year, 11, 1),
                    dt.date(year, 12, 31),
                ),
                (
                    (
                        "Jäsenorganisaatioiden yhteyshenkilöverkosto",
                        "Nätverket av kontaktpersoner i medlemsorganisationerna",
                        "Network of contact persons in the member organisations",
                    ),
                    (
                        "Yhteyshenkilöt pitävät oman organisaationsa ajan tasalla koko vuoden.",
                        "Kontaktpersonerna håller den egna organisationen uppdaterad hela året.",
                        "The contact persons keep their organisations up to date all year.",
                    ),
                    dt.date(year, 1, 1),
                    None,
                ),
            ),
            related=("elinikainen-ohjaus-lapissa",),
        ),
        DemoNetwork(
            slug=quality,
            titles=(
                "Ammatillisen koulutuksen laatustrategian verkostohankkeet",
                "Nätverksprojekten för kvalitetsstrategin inom yrkesutbildningen",
                "Network projects of the vocational education quality strategy",
            ),
            leads=(
                "Opetushallituksen koordinoimat 13 verkostohanketta toteuttavat ammatillisen "
                "koulutuksen laatustrategiaa kohti vuotta 2030.",
                "Tretton nätverksprojekt som Utbildningsstyrelsen koordinerar genomför "
                "kvalitetsstrategin för yrkesutbildningen fram till 2030.",
                "Thirteen network projects, coordinated by the Finnish National Agency for "
                "Education, put the vocational education quality strategy towards 2030 into "
                "practice.",
            ),
            purposes=(
                paragraph(
                    "Verkostohankkeissa koulutuksen järjestäjät kehittävät yhdessä johtamista, "
                    "osaamisperusteisuutta ja laadunhallintaa. Hankkeet on ryhmitelty "
                    "painopistealueittain, ja jokaisella painopisteellä on oma koordinaattori.",
                    "Hankkeiden yhteinen aloituswebinaari pidettiin 21.4.2020, ja siihen "
                    "osallistui yli sata koulutuksen järjestäjää.",
                ),
                paragraph(
                    "I nätverksprojekten utvecklar utbildningsanordnarna tillsammans ledarskap, "
                    "kompetensbasering och kvalitetshantering. Projekten är grupperade enligt "
                    "prioriteringsområden, och varje område har en egen koordinator.",
                    "Projektens gemensamma startwebbinarium hölls den 21 april 2020 med över "
                    "hundra utbildningsanordnare.",
                ),
                paragraph(
                    "In the network projects, education providers develop leadership, "
                    "competence-based operations and quality management together. The projects "
                    "are grouped by priority area, and each priority area has its own "
                    "coordinator.",
                    "The projects' joint kick-off webinar was held on 21 April 2020 with more "
                    "than a hundred education providers taking part.",
                ),
            ),
            coordinator="oph",
            members=("oph", "omnia", "gradia", "keuda", "redu"),
            contacts=("kaisa-nieminen", "jukka-heikkinen"),
            goals=goals(
                quality,
                (
                    (
                        "Laatustrategian toimeenpano",
                        "Att genomföra kvalitetsstrategin",
                        "Implementing the quality strategy",
                    ),
                    (
                        "Laatustrategian tavoitteet viedään koulutuksen järjestäjien arkeen.",
                        "Kvalitetsstrategins mål förs ut i utbildningsanordnarnas vardag.",
                        "Bringing the quality strategy's goals into education providers' "
                        "everyday work.",
                    ),
                ),
                (
                    (
                        "Hyvien käytäntöjen jakaminen",
                        "Att dela god praxis",
                        "Sharing good practice",
                    ),
                    (
                        "Hankkeiden tulokset jaetaan kaikille järjestäjille verkostotapaamisissa "
                        "ja valtakunnallisissa tilaisuuksissa.",
                        "Projektens resultat delas med alla anordnare vid nätverksträffar och "
                        "riksomfattande evenemang.",
                        "Sharing the projects' results with all providers at network meetings "
                        "and national events.",
                    ),
                ),
            ),
            sub_groups=sub_groups(
                quality,
                (
                    1,
                    (
                        "Verkostohankkeiden koordinaatio",
                        "Koordineringen av nätverksprojekten",
                        "Coordination of the network projects",
                    ),
                    (
                        "Opetushallitus koordinoi kokonaisuutta ja järjestää yhteiset tilaisuudet.",
                        "Utbildningsstyrelsen koordinerar helheten och ordnar de gemensamma "
                        "evenemangen.",
                        "The Finnish National Agency for Education coordinates the whole and "
                        "organises the joint events.",
                    ),
                    ("13 verkostohanketta.", "13 nätverksprojekt.", "13 network projects."),
                ),
                (
                    2,
                    ("Painopiste: johtaminen", "Prioritering: ledarskap", "Priority: leadership"),
                    (
                        "Kehittää osaamisperusteista, asiakaslähtöistä ja kumppanuuksiin "
                        "perustuvaa johtamista.",
                        "Utvecklar kompetensbaserat, kundorienterat och partnerskapsbaserat "
                        "ledarskap.",
                        "Develops competence-based, customer-oriented and partnership-based "
                        "leadership.",
                    ),
                    (
                        "Painopisteen koordinaattori: Omnia.",
                        "Prioriteringens koordinator: Omnia.",
                        "Priority coordinator: Omnia.",
                    ),
                ),
                (
                    2,
                    (
                        "Painopiste: osaamisperusteisuus ja asiakaslähtöisyys",
                        "Prioritering: kompetensbasering och kundorientering",
                        "Priority: competence-based and customer-oriented operations",
                    ),
                    (
                        "Kehittää opiskelijoiden yksilöllisiä opintopolkuja ja "
                        "työelämäyhteistyötä.",
                        "Utvecklar de studerandes individuella studievägar och samarbetet med "
                        "arbetslivet.",
                        "Develops students' individual study paths and cooperation with working "
                        "life.",
                    ),
                    (
                        "Painopisteen koordinaattori: Gradia.",
                        "Prioriteringens koordinator: Gradia.",
                        "Priority coordinator: Gradia.",
                    ),
                ),
                (
                    2,
                    (
                        "Painopiste: laadunhallinta ja jatkuva parantaminen",
                        "Prioritering: kvalitetshantering och ständiga förbättringar",
                        "Priority: quality management and continuous improvement",
                    ),
                    (
                        "Kehittää itsearviointia, vertaisarviointia ja palautteen hyödyntämistä.",
                        "Utvecklar självvärdering, kollegial bedömning och användningen av "
                        "respons.",
                        "Develops self-assessment, peer review and the use of feedback.",
                    ),
                    (
                        "Painopisteen koordinaattori: Keuda.",
                        "Prioriteringens koordinator: Keuda.",
                        "Priority coordinator: Keuda.",
                    ),
                ),
            ),
            action_plan=action_plan(
                quality,
                (
                    ("Aloituswebinaari", "Startwebbinarium", "Kick-off webinar"),
                    (
                        "Webinaari 13 uudelle verkostohankkeelle.",
                        "Ett webbinarium för de 13 nya nätverksprojekten.",
                        "A webinar for the 13 new network projects.",
                    ),
                    dt.date(2020, 4, 21),
                    dt.date(2020, 4, 21),
                ),
                (
                    (
                        "Valtakunnallinen tilaisuus Jyväskylässä",
                        "Riksomfattande evenemang i Jyväskylä",
                        "National event in Jyväskylä",
                    ),
                    (
                        "Avoin tilaisuus kaikille koulutuksen järjestäjille.",
                        "Ett öppet evenemang för alla utbildningsanordnare.",
                        "An open event for all education providers.",
                    ),
                    dt.date(2020, 10, 28),
                    dt.date(2020, 10, 28),
                ),
            ),
            related=(
                "ammatillisen-koulutuksen-laatustrategia-infotilaisuus",
                "ammatillisen-koulutuksen-johtamisen-verkostopaiva",
                "vertaansa-vailla",
            ),
        ),
    )


def related_pages(slugs: tuple[str, ...]) -> list[dict[str, Any]]:
    """Raw ``related_pages`` data for the Finnish pages of ``slugs`` that exist, in that order."""
    found = {
        page.slug: page.pk
        for page in Page.objects.filter(locale__language_code=SOURCE_LANGUAGE, slug__in=slugs)
    }
    return [{"type": "page", "value": found[slug]} for slug in slugs if slug in found]


def build_demo(context: DemoContext) -> None:
    """The networks listing page and the demo networks in three languages."""
    index = context.page(
        context.home,
        NetworkIndexPageFactory,
        "verkostot",
        {
            "sv": {
                "title": "Nätverk",
                "slug": "natverk",
                "intro": "<p>Samarbetsnätverk inom utbildning och kultur.</p>",
            },
            "en": {
                "title": "Networks",
                "slug": "networks",
                "intro": "<p>Cooperation networks in education and culture.</p>",
            },
        },
        title="Verkostot",
        intro="<p>Opetus- ja kulttuurialan yhteistyöverkostot.</p>",
    )
    for network in demo_networks(context.today.year):
        fields, translations = localized_fields(
            network.slug, network.text("fi"), sv=network.text("sv"), en=network.text("en")
        )
        context.page(
            index,
            NetworkPageFactory,
            network.slug,
            translations,
            **fields,
            coordinator=context.vocabulary(Organisation, network.coordinator),
            members=context.vocabularies(Organisation, *network.members),
            contacts=demo_people(*network.contacts),
            related_pages=related_pages(network.related),
        )
