"""URL converters: a page id is an integer the database can hold, else the URL is a 404."""

from __future__ import annotations

#: The largest value of an integer primary key on every supported database.
MAX_PAGE_ID = 2**31 - 1


class PageIdConverter:
    """Like ``<int:…>``, but ids past the primary key range do not match (404, not 500)."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_PAGE_ID:
            raise ValueError(f"{value} is not a page id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)
