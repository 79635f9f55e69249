"""Demo accessibility statement in Finnish, Swedish and English."""

from __future__ import annotations

import datetime as dt

from cms.demo import DemoContext
from home.accessibility import AccessibilityStatementPage

SLUG = "saavutettavuusseloste"

FINNISH = {
    "title": "Saavutettavuusseloste",
    "intro": "<p>Tämä seloste koskee Koulutusverkostot-verkkopalvelua. Digitaalisten palvelujen "
    "tarjoamisesta annettu laki (306/2019) edellyttää, että julkisilla verkkopalveluilla "
    "on saavutettavuusseloste.</p>",
    "non_accessible_content": "<ul><li>Osa vanhoista PDF-liitteistä ei ole saavutettavia "
    "(WCAG 1.3.1). Korvaamme ne saavutettavilla versioilla vuoden loppuun mennessä.</li></ul>",
    "assessment": "<p>Seloste perustuu itsearvioon ja automaattiseen axe-testaukseen "
    "kaikilla kolmella kielellä.</p>",
    "enforcement": "<p>Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen "
    "valvontaviranomaiselle. Tiedot löytyvät osoitteesta "
    '<a href="https://www.saavutettavuusvaatimukset.fi/">saavutettavuusvaatimukset.fi</a>.</p>',
}
TRANSLATIONS = {
    "sv": {
        "title": "Tillgänglighetsutlåtande",
        "slug": "tillganglighetsutlatande",
        "intro": "<p>Detta utlåtande gäller webbtjänsten Utbildningsnätverk. Lagen om "
        "tillhandahållande av digitala tjänster (306/2019) kräver att offentliga webbtjänster "
        "har ett tillgänglighetsutlåtande.</p>",
        "non_accessible_content": "<ul><li>En del äldre PDF-bilagor är inte tillgängliga "
        "(WCAG 1.3.1). Vi ersätter dem med tillgängliga versioner före årets slut.</li></ul>",
        "assessment": "<p>Utlåtandet grundar sig på en självbedömning och automatisk "
        "axe-testning på alla tre språken.</p>",
        "enforcement": "<p>Om du inte är nöjd med svaret kan du kontakta "
        "tillsynsmyndigheten. Uppgifterna finns på "
        '<a href="https://www.saavutettavuusvaatimukset.fi/sv/">webbplatsen '
        "tillgänglighetskrav.fi</a>.</p>",
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "intro": "<p>This statement covers the Education networks website. The Act on the "
        "Provision of Digital Services (306/2019) requires public websites to publish an "
        "accessibility statement.</p>",
        "non_accessible_content": "<ul><li>Some older PDF attachments are not accessible "
        "(WCAG 1.3.1). We will replace them with accessible versions by the end of the "
        "year.</li></ul>",
        "assessment": "<p>The statement is based on a self-assessment and automated axe "
        "testing in all three languages.</p>",
        "enforcement": "<p>If you are not satisfied with the reply, you can notify the "
        "supervisory authority. Its details are at "
        '<a href="https://www.saavutettavuusvaatimukset.fi/en/">webaccessibility.fi</a>.</p>',
    },
}


def build_accessibility_statement(context: DemoContext) -> AccessibilityStatementPage:
    """The statement under each language's home page (kept as it is if it exists)."""
    existing = context.home.get_children().filter(slug=SLUG).first()
    if existing is not None:
        return existing.specific
    page = AccessibilityStatementPage(
        slug=SLUG,
        conformance=AccessibilityStatementPage.Conformance.PARTIAL,
        prepared_on=dt.date(2026, 9, 1),
        reviewed_on=context.today,
        feedback_email="saavutettavuus@example.fi",
        feedback_phone="+358 29 533 1000",
        **FINNISH,
    )
    context.home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    context.translate(page, TRANSLATIONS)
    context.created.append(page)
    return page
