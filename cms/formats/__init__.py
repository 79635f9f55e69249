"""Per-language date and time formats (``22.10.2018 klo 9.00`` in Finnish)."""
