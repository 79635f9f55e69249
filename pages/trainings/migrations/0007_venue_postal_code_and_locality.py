"""The venue's address in parts: street address, postal code and town (schema.org PostalAddress).

Existing one-line addresses ("Valtakatu 2, 96100 Rovaniemi") are split on every training row
(each language's) and in every stored revision, so that the editor, who edits the latest
revision, sees the same parts as the public page. An address that does not end in
"<five digits> <town>" stays whole in the street address for an editor to split.
"""

import re

import django.core.validators
from django.db import migrations, models

ONE_LINE = re.compile(r"^(?P<street>.+?),\s*(?P<postal_code>\d{5})\s+(?P<locality>\S.*)$")


def split(values):
    """Split ``values["street_address"]`` in place; return whether it changed."""
    match = ONE_LINE.match((values.get("street_address") or "").strip())
    if match is None:
        return False
    values.update(
        street_address=match["street"],
        postal_code=match["postal_code"],
        locality=match["locality"],
    )
    return True


def join(values):
    town = " ".join(part for part in (values.pop("postal_code", ""), values.pop("locality", "")) if part)
    values["street_address"] = ", ".join(
        part for part in (values.get("street_address") or "", town) if part
    )
    return True


def convert(apps, change):
    TrainingPage = apps.get_model("trainings", "TrainingPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in TrainingPage.objects.only("street_address", "postal_code", "locality"):
        values = {
            "street_address": page.street_address,
            "postal_code": page.postal_code,
            "locality": page.locality,
        }
        if change(values):
            values.setdefault("postal_code", "")
            values.setdefault("locality", "")
            TrainingPage.objects.filter(pk=page.pk).update(**values)
    content_type = ContentType.objects.filter(app_label="trainings", model="trainingpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).only("content"):
        if change(revision.content):
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def forwards(apps, schema_editor):
    convert(apps, split)


def backwards(apps, schema_editor):
    convert(apps, join)


class Migration(migrations.Migration):

    dependencies = [
        ('trainings', '0006_merge_main_image_and_link_urls'),
    ]

    operations = [
        migrations.AddField(
            model_name='trainingpage',
            name='locality',
            field=models.CharField(blank=True, help_text='E.g. Rovaniemi.', max_length=100, verbose_name='town or city'),
        ),
        migrations.AddField(
            model_name='trainingpage',
            name='postal_code',
            field=models.CharField(blank=True, max_length=5, validators=[django.core.validators.RegexValidator('^\\d{5}$', 'Enter a Finnish postal code: five digits.')], verbose_name='postal code'),
        ),
        migrations.AlterField(
            model_name='trainingpage',
            name='street_address',
            field=models.CharField(blank=True, help_text='E.g. Valtakatu 2.', max_length=255, verbose_name='street address'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
