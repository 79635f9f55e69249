"""StreamField blocks shared by every content type: one home for body content and links."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments.types import StringSegmentValue

from cms.visibility import is_public

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text in this language"),
        required=False,
        max_length=255,
        help_text=_("Empty: the image's own alternative text is used."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        description = _(
            "An image with an optional caption. Its alternative text is translated with the "
            "page; when left empty, the image's own alternative text is used."
        )
        template = "cms/blocks/image_block.html"

    def clean(self, value):
        """An empty alt text takes the image's own, so that it is a string translators are
        offered (see cms/media/alt_text.py); the reader hears the same text as before."""
        value = super().clean(value)
        if value.get("image") is not None and not value.get("alt_text"):
            value["alt_text"] = value["image"].alt_text
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A highlighted quotation, e.g. from a participant or a project lead.")
        template = "cms/blocks/quote_block.html"
        preview_value = {
            "quote": "Verkostossa opimme toisiltamme enemmän kuin yksin.",
            "attribution": "Hankekoordinaattori",
        }


class TranslatableURLBlock(blocks.URLBlock):
    """An address that a translation may change (a Swedish link to the Swedish front page).

    wagtail-localize treats a plain ``URLBlock`` as a synchronised value that translators
    can only override one by one in its editor, and that PO files (batch translation, the
    demo) never carry. This block is a translatable string instead: the Finnish address is
    the default until a translation gives its own.
    """

    def get_translatable_segments(self, value):
        return [StringSegmentValue("", value)] if value else []

    def restore_translated_segments(self, value, segments):
        return segments[0].render_text() if segments else value


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to an external address (exactly one of them)."""

    title = blocks.CharBlock(label=_("link text"), max_length=255)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = TranslatableURLBlock(label=_("external address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        description = _("A link to a page on this site or to another website.")
        template = "cms/blocks/link_block.html"
        preview_value = {"title": "Opetushallitus", "url": "https://www.oph.fi/"}

    def get_context(self, value, parent_context=None):
        """``link_page``: the chosen page while it is public; otherwise the title is plain text."""
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        context["link_page"] = page if page is not None and is_public(page) else None
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address, not both or neither.")
            raise StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(message)])}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of every content page."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        description=_("Body text with headings, lists and links."),
        preview_value="<p>Koulutus on maksuton ja tarkoitettu opetustoimen henkilöstölle.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    links = blocks.ListBlock(
        LinkBlock(), label=_("Links"), description=_("A list of related links.")
    )

    class Meta:
        block_counts = {}


class RelatedLinksBlock(blocks.StreamBlock):
    link = LinkBlock()
