"""A training's empty per-use alt text takes the image's, so translators are offered it.

(News items: pages/news/tests/test_models.py.) Without it the Swedish page would read the
Finnish alt text out to screen-reader users.
"""

from __future__ import annotations

from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.models import StringSegment, TranslationSource

from cms.media.models import CustomImage
from pages.trainings.factories import TrainingPageFactory


def _strings(page) -> set[str]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def test_a_trainings_empty_alt_text_is_offered_for_translation(
    training_indexes, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = CustomImage.objects.create(
        title="Luokka", alt_text="Piirros luokkahuoneesta", file=get_test_image_file()
    )
    training = TrainingPageFactory(parent=training_indexes["fi"], image=image, image_alt_text="")
    training.full_clean()
    training.save_revision().publish()
    assert training.image_alt_text == "Piirros luokkahuoneesta"
    assert "Piirros luokkahuoneesta" in _strings(training)


def test_a_chosen_alt_text_is_kept(training_indexes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = CustomImage.objects.create(
        title="Luokka", alt_text="Piirros luokkahuoneesta", file=get_test_image_file()
    )
    training = TrainingPageFactory(
        parent=training_indexes["fi"], image=image, image_alt_text="Kurssin ryhmäkuva"
    )
    training.full_clean()
    assert training.image_alt_text == "Kurssin ryhmäkuva"


def test_a_body_images_empty_alt_text_is_offered_for_translation(db, settings, tmp_path):
    from cms.blocks import ImageBlock

    settings.MEDIA_ROOT = tmp_path
    image = CustomImage.objects.create(
        title="Luokka", alt_text="Piirros luokkahuoneesta", file=get_test_image_file()
    )
    block = ImageBlock()
    cleaned = block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert cleaned["alt_text"] == "Piirros luokkahuoneesta"
