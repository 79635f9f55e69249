"""URL converters: an id is an integer the database can hold, else the URL is a 404.

``<int:…>`` matches any number of digits, and a number past the primary key range makes
the database driver raise (a 500). Importing this module registers ``<db_id:…>``.
"""

from __future__ import annotations

from django.urls import register_converter

#: The largest value of an integer primary key on every supported database.
MAX_DB_ID = 2**31 - 1


class DatabaseIdConverter:
    """Like ``<int:…>``, but ids past the primary key range do not match (404, not 500)."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_DB_ID:
            raise ValueError(f"{value} is not a database id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(DatabaseIdConverter, "db_id")
