"""StreamField values as typed JSON blocks, with images and page links resolved.

Stock ``get_api_representation`` returns image and page ids, which a partner cannot show;
here images become renditions with alt text and page links public URLs (or ``null`` when
the linked page is not public, so a link never reveals a draft or a restricted page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html

if TYPE_CHECKING:
    from cms.api.serialisation import SerialisationContext


def serialise_stream(stream: Any, context: SerialisationContext) -> list[dict]:
    """Each block of a StreamValue as ``{"type", "id", "value"}``."""
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": serialise_block(child.block, child.value, context),
        }
        for child in stream or []
    ]


def serialise_block(block: blocks.Block, value: Any, context: SerialisationContext) -> Any:
    """The JSON value of one block, recursing into structs, lists and nested streams."""
    if value is None:
        return None
    if isinstance(block, blocks.RichTextBlock):
        return expand_db_html(value.source if isinstance(value, RichText) else str(value))
    if isinstance(block, ImageChooserBlock):
        return context.image(value)
    if isinstance(block, blocks.PageChooserBlock):
        return context.page_link(value)
    if isinstance(block, blocks.StructBlock):
        return {
            name: serialise_block(block.child_blocks[name], child_value, context)
            for name, child_value in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [serialise_block(block.child_block, item, context) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return serialise_stream(value, context)
    return block.get_api_representation(value)
