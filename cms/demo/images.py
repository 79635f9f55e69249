"""Demo pictures drawn with Pillow when the demo is loaded, so no binary is committed."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

from cms.media.models import CustomImage


@dataclass(frozen=True)
class DemoImage:
    """A generated picture: a background and coloured shapes, with its alternative text."""

    title: str
    alt_text: str
    background: str
    shapes: tuple[tuple[str, str, tuple[int, int, int, int]], ...]  # (kind, colour, box)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> DemoImage:
        """The picture described in a demo data file's ``images`` list."""
        return cls(
            title=data["title"],
            alt_text=data["alt_text"],
            background=data["background"],
            shapes=tuple((kind, colour, tuple(box)) for kind, colour, box in data["shapes"]),
        )


def demo_image(spec: DemoImage) -> CustomImage:
    """The image titled ``spec.title``, drawn with Pillow and saved the first time only."""
    existing = CustomImage.objects.filter(title=spec.title).first()
    if existing is not None:
        return existing
    picture = Image.new("RGB", (520, 360), spec.background)
    draw = ImageDraw.Draw(picture)
    for kind, colour, box in spec.shapes:
        if kind == "line":
            draw.line(box, fill=colour, width=6)
        elif kind == "ellipse":
            draw.ellipse(box, fill=colour)
        else:
            draw.rectangle(box, fill=colour)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    image = CustomImage(
        title=spec.title,
        alt_text=spec.alt_text,
        file=ImageFile(buffer, name=f"{spec.title.split(': ')[-1]}.png"),
    )
    image.save()
    return image
