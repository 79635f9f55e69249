"""Per-language date and time formats: Finnish public-sector conventions (``22.10.2018 klo 9.00``)."""
