"""Demo trainings: AVI kouluttaa courses, webinars and guidance sessions, past and upcoming."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cms.demo import DemoContext, Text, localized_fields
from cms.demo.images import DemoImage, demo_image
from cms.demo.vocabularies import demo_people
from cms.vocabularies.models import Audience, Language, Organisation, Region, Theme
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from pages.trainings.models import TrainingPage

Kind, Format, Status = TrainingPage.Kind, TrainingPage.Format, TrainingPage.Status


@dataclass(frozen=True)
class DemoTraining:
    slug: str
    fi: Text
    sv: Text
    en: Text
    kind: str
    format: str
    starts_in_days: int
    hours: tuple[int, int] = (9, 16)
    days: int = 1
    region: str = "koko-suomi"
    organiser: str = "lapin-avi"
    audiences: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("fi",)
    price: Decimal | None = None
    capacity: int | None = None
    registration_window: tuple[int, int] | None = None  # days from today
    status: str = Status.SCHEDULED
    contacts: tuple[str, ...] = ()
    street_address: str = ""
    extra: dict = field(default_factory=dict)


def venue(fi: str, sv: str, en: str) -> tuple[dict, dict, dict]:
    return {"venue": fi}, {"venue": sv}, {"venue": en}


#: Event pictures (search engines' event results ask for one), by training format, with
#: their alternative text in fi, sv and en.
CLASSROOM_IMAGE = DemoImage(
    title="Demo: koulutustila",
    alt_text="Piirros luokkahuoneesta: valkotaulu ja kaksi pöytäriviä.",
    background="#eef4f0",
    shapes=(
        ("rectangle", "#ffffff", (140, 40, 380, 150)),
        ("rectangle", "#2e6b4f", (130, 30, 390, 40)),
        ("rectangle", "#8a5a2b", (80, 200, 200, 230)),
        ("rectangle", "#8a5a2b", (320, 200, 440, 230)),
        ("rectangle", "#8a5a2b", (80, 280, 200, 310)),
        ("rectangle", "#8a5a2b", (320, 280, 440, 310)),
    ),
)
ONLINE_IMAGE = DemoImage(
    title="Demo: verkkokoulutus",
    alt_text="Piirros näytöstä, jolla on esitysdia ja neljä osallistujaa.",
    background="#eef1fa",
    shapes=(
        ("rectangle", "#3c3c3c", (90, 50, 430, 290)),
        ("rectangle", "#ffffff", (105, 65, 415, 205)),
        ("ellipse", "#003580", (115, 220, 175, 280)),
        ("ellipse", "#00a2a2", (195, 220, 255, 280)),
        ("ellipse", "#e8a317", (275, 220, 335, 280)),
        ("ellipse", "#003580", (355, 220, 415, 280)),
    ),
)
IMAGES = {
    Format.ON_SITE: (
        CLASSROOM_IMAGE,
        "En teckning av ett klassrum: en whiteboard och två rader bord.",
        "A drawing of a classroom: a whiteboard and two rows of tables.",
    ),
    Format.HYBRID: (
        CLASSROOM_IMAGE,
        "En teckning av ett klassrum: en whiteboard och två rader bord.",
        "A drawing of a classroom: a whiteboard and two rows of tables.",
    ),
    Format.ONLINE: (
        ONLINE_IMAGE,
        "En teckning av en skärm med en presentationsbild och fyra deltagare.",
        "A drawing of a screen with a presentation slide and four participants.",
    ),
}

ONLINE = venue("Teams-verkkotapahtuma", "Teams-webbevenemang", "Online event on Teams")

TRAININGS = (
    DemoTraining(
        slug="varhaiskasvatuksen-johtajuus-lappi",
        fi=Text(
            "Varhaiskasvatuksen pedagoginen johtajuus",
            "Kaksipäiväinen koulutus varhaiskasvatuksen johtajille pedagogisen johtamisen "
            "käytännöistä.",
            (
                "Koulutus on osa AVI kouluttaa -ohjelmaa. Päivien aikana käsitellään "
                "pedagogisen johtajuuden rakenteita ja tiimityön johtamista.",
            ),
            {"venue": "Lapin aluehallintovirasto, auditorio"},
        ),
        sv=Text(
            "Pedagogiskt ledarskap inom småbarnspedagogiken",
            "En tvådagarsutbildning för ledare inom småbarnspedagogiken om pedagogiskt ledarskap.",
            (
                "Utbildningen hör till programmet AVI utbildar. Vi behandlar strukturerna för "
                "pedagogiskt ledarskap och ledningen av teamarbete.",
            ),
            {"venue": "Regionförvaltningsverket i Lappland, auditoriet"},
        ),
        en=Text(
            "Pedagogical leadership in early childhood education",
            "A two-day training for early childhood education leaders on pedagogical leadership.",
            (
                "The training is part of the AVI kouluttaa programme. It covers the structures "
                "of pedagogical leadership and leading team work.",
            ),
            {"venue": "Regional State Administrative Agency for Lapland, auditorium"},
        ),
        kind=Kind.COURSE,
        format=Format.ON_SITE,
        starts_in_days=24,
        days=2,
        region="lappi",
        organiser="lapin-avi",
        audiences=("varhaiskasvatus",),
        themes=("johtaminen",),
        capacity=60,
        registration_window=(-10, 14),
        contacts=("anna-lehtonen",),
        street_address="Valtakatu 2, 96100 Rovaniemi",
    ),
    DemoTraining(
        slug="oppimisen-tuki-perusopetuksessa-webinaari",
        fi=Text(
            "Oppimisen tuki perusopetuksessa",
            "Webinaari uudistuneesta oppimisen tuesta opettajille ja rehtoreille.",
            ("Webinaari tallennetaan ja tallenne on katsottavissa kaksi viikkoa.",),
            ONLINE[0],
        ),
        sv=Text(
            "Stöd för lärande i den grundläggande utbildningen",
            "Ett webbinarium om det förnyade stödet för lärande för lärare och rektorer.",
            ("Webbinariet spelas in och inspelningen kan ses i två veckor.",),
            ONLINE[1],
        ),
        en=Text(
            "Learning support in basic education",
            "A webinar on the reformed learning support for teachers and principals.",
            ("The webinar is recorded and the recording can be watched for two weeks.",),
            ONLINE[2],
        ),
        kind=Kind.WEBINAR,
        format=Format.ONLINE,
        starts_in_days=10,
        hours=(13, 15),
        organiser="etela-suomen-avi",
        audiences=("perusopetus",),
        themes=("koulutus-ja-tutkinnot", "hyvinvointi"),
        languages=("fi", "sv"),
        registration_window=(-20, 8),
        contacts=("pekka-salonen",),
    ),
    DemoTraining(
        slug="ammatillisen-koulutuksen-laatustrategia-infotilaisuus",
        fi=Text(
            "Ammatillisen koulutuksen laatustrategia 2030 – informaatio-ohjaustilaisuus",
            "Opetushallituksen tilaisuus koulutuksen järjestäjille laatustrategian toimeenpanosta.",
            (
                "Tilaisuudessa esitellään laatustrategian painopisteet ja 13 verkostohankkeen "
                "ensimmäiset kokemukset.",
            ),
            ONLINE[0],
        ),
        sv=Text(
            "Kvalitetsstrategin för yrkesutbildningen 2030 – informationsmöte",
            "Utbildningsstyrelsens möte för utbildningsanordnare om kvalitetsstrategin.",
            (
                "Vid mötet presenteras strategins prioriteringar och de första erfarenheterna "
                "från 13 nätverksprojekt.",
            ),
            ONLINE[1],
        ),
        en=Text(
            "Vocational education quality strategy 2030 – guidance session",
            "A session by the National Agency for Education for providers on the quality strategy.",
            (
                "The session presents the priorities of the strategy and first experiences "
                "from the 13 network projects.",
            ),
            ONLINE[2],
        ),
        kind=Kind.GUIDANCE_SESSION,
        format=Format.ONLINE,
        starts_in_days=5,
        hours=(9, 12),
        organiser="oph",
        audiences=("ammatillinen-koulutus",),
        themes=("laatu-ja-kehittaminen", "ammatillinen-koulutus"),
        languages=("fi", "sv", "en"),
        registration_window=(-30, 3),
        contacts=("kaisa-nieminen",),
    ),
    DemoTraining(
        slug="kirjastojen-digituki-tyopaja",
        fi=Text(
            "Kirjastojen digituki – työpaja",
            "Käytännön työpaja kirjastohenkilöstölle asiakkaiden digitaitojen tukemisesta.",
            ("Ota mukaan oma kannettava tietokone.",),
            {"venue": "Jyväskylän pääkirjasto, Kansalaistori"},
        ),
        sv=Text(
            "Digitalt stöd på bibliotek – workshop",
            "En praktisk workshop för bibliotekspersonal om att stödja kundernas digitala "
            "färdigheter.",
            ("Ta med egen bärbar dator.",),
            {"venue": "Jyväskylä huvudbibliotek, Medborgartorget"},
        ),
        en=Text(
            "Digital support in libraries – workshop",
            "A hands-on workshop for library staff on supporting customers' digital skills.",
            ("Bring your own laptop.",),
            {"venue": "Jyväskylä City Library, Citizens' Square"},
        ),
        kind=Kind.WORKSHOP,
        format=Format.ON_SITE,
        starts_in_days=-40,
        hours=(12, 16),
        region="keski-suomi",
        organiser="lansi-ja-sisa-suomen-avi",
        audiences=("kirjastot",),
        themes=("digitalisaatio",),
        capacity=25,
        registration_window=(-70, -45),
        street_address="Vapaudenkatu 39–41, 40100 Jyväskylä",
    ),
    DemoTraining(
        slug="nuorisotyon-hyvinvointipaivat",
        fi=Text(
            "Nuorisotyön hyvinvointipäivät",
            "Kaksipäiväinen tapahtuma nuorisotyöntekijöille – paikka on täynnä.",
            ("Jonoon voi ilmoittautua sähköpostitse.",),
            {"venue": "Tampere-talo"},
        ),
        sv=Text(
            "Välbefinnandedagar för ungdomsarbetet",
            "Ett tvådagarsevenemang för ungdomsarbetare – evenemanget är fullt.",
            ("Du kan anmäla dig till kön per e-post.",),
            {"venue": "Tammerforshuset"},
        ),
        en=Text(
            "Youth work wellbeing days",
            "A two-day event for youth workers – the event is full.",
            ("You can join the waiting list by e-mail.",),
            {"venue": "Tampere Hall"},
        ),
        kind=Kind.COURSE,
        format=Format.HYBRID,
        starts_in_days=35,
        days=2,
        region="pirkanmaa",
        organiser="lansi-ja-sisa-suomen-avi",
        audiences=("nuorisotyo",),
        themes=("hyvinvointi",),
        price=Decimal("120.00"),
        capacity=150,
        registration_window=(-15, 20),
        status=Status.FULL,
        street_address="Yliopistonkatu 55, 33100 Tampere",
    ),
    DemoTraining(
        slug="lukion-opinto-ohjauksen-verkostopaiva",
        fi=Text(
            "Lukion opinto-ohjauksen verkostopäivä",
            "Opinto-ohjaajien verkostopäivä on peruttu vähäisen osallistujamäärän vuoksi.",
            ("Uusi ajankohta ilmoitetaan myöhemmin.",),
            {"venue": "Oulun kaupungintalo"},
        ),
        sv=Text(
            "Nätverksdag för studiehandledningen i gymnasiet",
            "Nätverksdagen för studiehandledare har ställts in på grund av för få deltagare.",
            ("En ny tidpunkt meddelas senare.",),
            {"venue": "Uleåborgs stadshus"},
        ),
        en=Text(
            "Network day for guidance counselling in upper secondary schools",
            "The network day for guidance counsellors has been cancelled due to low participation.",
            ("A new date will be announced later.",),
            {"venue": "Oulu City Hall"},
        ),
        kind=Kind.WORKSHOP,
        format=Format.ON_SITE,
        starts_in_days=18,
        region="pohjois-pohjanmaa",
        organiser="lapin-avi",
        audiences=("lukiokoulutus",),
        themes=("ohjaus",),
        capacity=40,
        registration_window=(-20, 10),
        status=Status.CANCELLED,
        street_address="Kajaaninkatu 12, 90100 Oulu",
    ),
    DemoTraining(
        slug="vapaan-sivistystyon-digiosaaminen",
        fi=Text(
            "Vapaan sivistystyön digiosaaminen",
            "Verkkokurssi opettajille digitaalisten oppimisympäristöjen käytöstä.",
            ("Kurssi koostuu neljästä verkkotapaamisesta ja itsenäisestä työskentelystä.",),
            ONLINE[0],
        ),
        sv=Text(
            "Digital kompetens i det fria bildningsarbetet",
            "En webbkurs för lärare om digitala lärmiljöer.",
            ("Kursen består av fyra webbmöten och självständigt arbete.",),
            ONLINE[1],
        ),
        en=Text(
            "Digital skills in liberal adult education",
            "An online course for teachers on digital learning environments.",
            ("The course has four online meetings and independent work.",),
            ONLINE[2],
        ),
        kind=Kind.COURSE,
        format=Format.ONLINE,
        starts_in_days=60,
        hours=(14, 16),
        organiser="etela-suomen-avi",
        audiences=("vapaa-sivistystyo",),
        themes=("digitalisaatio",),
        languages=("fi",),
        price=Decimal("80.00"),
        capacity=30,
        registration_window=(10, 50),
    ),
    DemoTraining(
        slug="kulttuurin-valtionavustukset-infotilaisuus",
        fi=Text(
            "Kulttuurin valtionavustukset – informaatio-ohjaustilaisuus",
            "Tilaisuus kulttuuritoimijoille haettavista valtionavustuksista ja hakemisesta.",
            ("Tilaisuudessa on aikaa kysymyksille.",),
            {"venue": "Helsingin kaupungintalo ja verkossa"},
        ),
        sv=Text(
            "Statsunderstöd för kultur – informationsmöte",
            "Ett möte för kulturaktörer om statsunderstöd som kan sökas och ansökan.",
            ("Det finns tid för frågor.",),
            {
                "venue": "Helsingfors stadshus och på webben",
                "street_address": "Norra esplanaden 11–13, 00170 Helsingfors",
            },
        ),
        en=Text(
            "Government grants for culture – guidance session",
            "A session for cultural operators on available government grants and applying.",
            ("There is time for questions.",),
            {"venue": "Helsinki City Hall and online"},
        ),
        kind=Kind.GUIDANCE_SESSION,
        format=Format.HYBRID,
        starts_in_days=-12,
        hours=(10, 12),
        region="uusimaa",
        organiser="okm",
        audiences=("kulttuuri",),
        themes=("valtionavustukset",),
        languages=("fi", "sv"),
        registration_window=(-40, -14),
        contacts=("liisa-virtanen",),
        street_address="Pohjoisesplanadi 11–13, 00170 Helsinki",
    ),
    DemoTraining(
        slug="ammatillisen-koulutuksen-johtamisen-verkostopaiva",
        fi=Text(
            "Ammatillisen koulutuksen johtamisen verkostopäivä",
            "Johtamisen verkostojen yhteinen päivä koulutuksen järjestäjille Jyväskylässä.",
            ("Päivän aikana jaetaan verkostohankkeiden tuloksia ja kokemuksia.",),
            {"venue": "Jyväskylän Paviljonki"},
        ),
        sv=Text(
            "Nätverksdag om ledarskap i yrkesutbildningen",
            "En gemensam dag för ledarskapsnätverken för utbildningsanordnare i Jyväskylä.",
            ("Under dagen delas resultat och erfarenheter från nätverksprojekten.",),
            {"venue": "Jyväskylä Paviljonki"},
        ),
        en=Text(
            "Vocational education leadership network day",
            "A joint day of the leadership networks for education providers in Jyväskylä.",
            ("Results and experiences from the network projects are shared.",),
            {"venue": "Jyväskylä Paviljonki"},
        ),
        kind=Kind.COURSE,
        format=Format.ON_SITE,
        starts_in_days=-200,
        region="keski-suomi",
        organiser="oph",
        audiences=("ammatillinen-koulutus",),
        themes=("johtaminen", "laatu-ja-kehittaminen"),
        capacity=300,
        registration_window=(-260, -210),
        contacts=("kaisa-nieminen", "jukka-heikkinen"),
        street_address="Lutakonaukio 12, 40100 Jyväskylä",
    ),
    DemoTraining(
        slug="elinikainen-ohjaus-lapissa",
        fi=Text(
            "Elinikäinen ohjaus Lapissa – alueellinen koulutuspäivä",
            "Lapin ELO-ryhmän koulutuspäivä ohjauksen ammattilaisille.",
            ("Päivä järjestetään yhteistyössä Lapin ELY-keskuksen kanssa.",),
            {"venue": "Lapin koulutuskeskus REDU, Rovaniemi"},
        ),
        sv=Text(
            "Livslång vägledning i Lappland – regional utbildningsdag",
            "En utbildningsdag för vägledningsproffs ordnad av ELO-gruppen i Lappland.",
            ("Dagen ordnas i samarbete med NTM-centralen i Lappland.",),
            {"venue": "Utbildningscentret i Lappland REDU, Rovaniemi"},
        ),
        en=Text(
            "Lifelong guidance in Lapland – regional training day",
            "A training day for guidance professionals by Lapland's ELO group.",
            ("The day is organised together with the Lapland ELY Centre.",),
            {"venue": "Lapland Education Centre REDU, Rovaniemi"},
        ),
        kind=Kind.COURSE,
        format=Format.HYBRID,
        starts_in_days=45,
        region="lappi",
        organiser="lapin-ely",
        audiences=("ammatillinen-koulutus", "lukiokoulutus", "nuorisotyo"),
        themes=("ohjaus",),
        capacity=80,
        registration_window=(-5, 38),
        contacts=("sari-makinen",),
        street_address="Kairatie 75, 96100 Rovaniemi",
    ),
    DemoTraining(
        slug="english-for-international-cooperation",
        fi=Text(
            "Kansainvälisen yhteistyön englanti opetushenkilöstölle",
            "Englanninkielinen koulutus kansainvälisistä hankkeista kiinnostuneille.",
            ("Koulutuskieli on englanti.",),
            ONLINE[0],
        ),
        sv=Text(
            "Engelska för internationellt samarbete för undervisningspersonal",
            "En engelskspråkig utbildning för dem som är intresserade av internationella projekt.",
            ("Utbildningsspråket är engelska.",),
            ONLINE[1],
        ),
        en=Text(
            "English for international cooperation for teaching staff",
            "A training in English for staff interested in international projects.",
            ("The language of instruction is English.",),
            ONLINE[2],
        ),
        kind=Kind.WEBINAR,
        format=Format.ONLINE,
        starts_in_days=75,
        hours=(15, 17),
        organiser="oph",
        audiences=("perusopetus", "lukiokoulutus", "ammatillinen-koulutus"),
        themes=("koulutus-ja-tutkinnot",),
        languages=("en",),
        registration_window=(30, 70),
    ),
    DemoTraining(
        slug="varhaiskasvatuksen-tiimityo-uusimaa",
        fi=Text(
            "Tiimityö varhaiskasvatuksessa",
            "Päivän koulutus varhaiskasvatuksen tiimeille Uudellamaalla.",
            ("Koulutus on maksuton ja sisältää lounaan.",),
            {"venue": "Keudan Keravan toimipiste"},
        ),
        sv=Text(
            "Teamarbete inom småbarnspedagogiken",
            "En dags utbildning för team inom småbarnspedagogiken i Nyland.",
            ("Utbildningen är avgiftsfri och lunch ingår.",),
            {"venue": "Keudas verksamhetsställe i Kervo"},
        ),
        en=Text(
            "Team work in early childhood education",
            "A one-day training for early childhood education teams in Uusimaa.",
            ("The training is free and includes lunch.",),
            {"venue": "Keuda, Kerava campus"},
        ),
        kind=Kind.COURSE,
        format=Format.ON_SITE,
        starts_in_days=0,
        hours=(8, 23),
        region="uusimaa",
        organiser="etela-suomen-avi",
        audiences=("varhaiskasvatus",),
        themes=("johtaminen", "hyvinvointi"),
        languages=("fi", "sv"),
        capacity=45,
        registration_window=(-30, -3),
        street_address="Sarviniitynkatu 2, 04200 Kerava",
    ),
    DemoTraining(
        slug="museoiden-saavutettavuus-webinaari",
        fi=Text(
            "Museoiden saavutettavuus – webinaari",
            "Webinaari saavutettavista näyttelyistä ja verkkopalveluista museoalalle.",
            ("Webinaarin esitykset tekstitetään.",),
            ONLINE[0],
        ),
        sv=Text(
            "Tillgängliga museer – webbinarium",
            "Ett webbinarium om tillgängliga utställningar och webbtjänster för museibranschen.",
            ("Presentationerna textas.",),
            ONLINE[1],
        ),
        en=Text(
            "Accessible museums – webinar",
            "A webinar on accessible exhibitions and web services for the museum sector.",
            ("The presentations are captioned.",),
            ONLINE[2],
        ),
        kind=Kind.WEBINAR,
        format=Format.ONLINE,
        starts_in_days=-3,
        hours=(13, 15),
        organiser="etela-suomen-avi",
        audiences=("kulttuuri",),
        themes=("digitalisaatio",),
        languages=("fi", "sv", "en"),
        registration_window=(-25, -4),
    ),
)


def build_demo(context: DemoContext) -> None:
    """The trainings listing page and :data:`TRAININGS` in three languages."""
    index = context.page(
        context.home,
        TrainingIndexPageFactory,
        "koulutukset",
        {
            "sv": {
                "title": "Utbildningar",
                "slug": "utbildningar",
                "intro": "<p>Fortbildning och informationsstyrning för undervisnings- och "
                "kulturväsendet.</p>",
            },
            "en": {
                "title": "Trainings",
                "slug": "trainings",
                "intro": "<p>Continuing education and guidance sessions for education and "
                "culture staff.</p>",
            },
        },
        title="Koulutukset",
        intro="<p>Täydennyskoulutusta ja informaatio-ohjausta opetus- ja kulttuuritoimelle.</p>",
    )
    for training in TRAININGS:
        fields, translations = localized_fields(
            training.slug, training.fi, sv=training.sv, en=training.en
        )
        start_hour, end_hour = training.hours
        picture, alt_sv, alt_en = IMAGES[training.format]
        translations["sv"]["image_alt_text"] = alt_sv
        translations["en"]["image_alt_text"] = alt_en
        opens, closes = training.registration_window or (None, None)
        context.page(
            index,
            TrainingPageFactory,
            training.slug,
            translations,
            **fields,
            kind=training.kind,
            format=training.format,
            starts_at=context.at(training.starts_in_days, start_hour),
            ends_at=context.at(training.starts_in_days + training.days - 1, end_hour),
            street_address=training.street_address,
            region=context.vocabulary(Region, training.region),
            organiser=context.vocabulary(Organisation, training.organiser),
            audiences=context.vocabularies(Audience, *training.audiences),
            themes=context.vocabularies(Theme, *training.themes),
            languages=list(Language.objects.filter(code__in=training.languages)),
            is_free=training.price is None,
            price=training.price,
            capacity=training.capacity,
            registration_url=f"https://ilmoittautuminen.example.fi/{training.slug}",
            registration_opens=context.day(opens) if opens is not None else None,
            registration_closes=context.day(closes) if closes is not None else None,
            status=training.status,
            contacts=demo_people(*training.contacts),
            image=demo_image(picture),
        )
