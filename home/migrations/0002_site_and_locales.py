"""The three content locales, and the Finnish home page as the default site's root."""

from django.db import migrations

LANGUAGES = ["fi", "sv", "en"]


def create_site(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    finnish = Locale.objects.get(language_code="fi")

    if HomePage.objects.exists():
        return
    # Replace Wagtail's placeholder welcome page with the Finnish home page.
    welcome_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=welcome_type, depth=2).delete()
    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Koulutusverkostot",
        draft_title="Koulutusverkostot",
        slug="etusivu",
        content_type=home_type,
        locale=finnish,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/etusivu/",
        live=True,
        intro="<p>Koulutuksia, uutisia, hankkeiden tuloksia ja verkostoja "
        "opetus- ja kulttuuritoimen henkilöstölle.</p>",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.id, is_default_site=True,
        site_name="Koulutusverkostot",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_site, migrations.RunPython.noop)]
