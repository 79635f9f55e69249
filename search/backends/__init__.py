"""Search backends owned by this project (``WAGTAILSEARCH_BACKENDS`` points at them)."""
