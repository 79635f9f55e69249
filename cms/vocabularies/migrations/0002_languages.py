from django.db import migrations

LANGUAGES_OF_INSTRUCTION = ["fi", "sv", "en", "se"]


def create_languages(apps, schema_editor):
    Language = apps.get_model("vocabularies", "Language")
    for code in LANGUAGES_OF_INSTRUCTION:
        Language.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]

    operations = [migrations.RunPython(create_languages, migrations.RunPython.noop)]
