"""A page's empty per-use alt text takes the image's, so translators are offered it.

(Here on the events test plugin's main image, a MainImageMixin page.) Without it the Swedish
page would read the Finnish alt text out to screen-reader users.
"""

from __future__ import annotations

from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.models import StringSegment, TranslationSource

from cms.media.models import CustomImage
from tests.events.factories import EventPageFactory


def _strings(page) -> set[str]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def test_a_pages_empty_alt_text_is_offered_for_translation(event_indexes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = CustomImage.objects.create(
        title="Luokka", alt_text="Piirros luokkahuoneesta", file=get_test_image_file()
    )
    event = EventPageFactory(parent=event_indexes["fi"], image=image, image_alt_text="")
    event.full_clean()
    event.save_revision().publish()
    assert event.image_alt_text == "Piirros luokkahuoneesta"
    assert "Piirros luokkahuoneesta" in _strings(event)


def test_a_chosen_alt_text_is_kept(event_indexes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = CustomImage.objects.create(
        title="Luokka", alt_text="Piirros luokkahuoneesta", file=get_test_image_file()
    )
    event = EventPageFactory(
        parent=event_indexes["fi"], image=image, image_alt_text="Tapaamisen ryhmäkuva"
    )
    event.full_clean()
    assert event.image_alt_text == "Tapaamisen ryhmäkuva"


def test_a_body_images_empty_alt_text_is_offered_for_translation(db, settings, tmp_path):
    from cms.blocks import ImageBlock

    settings.MEDIA_ROOT = tmp_path
    image = CustomImage.objects.create(
        title="Luokka", alt_text="Piirros luokkahuoneesta", file=get_test_image_file()
    )
    block = ImageBlock()
    cleaned = block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert cleaned["alt_text"] == "Piirros luokkahuoneesta"
