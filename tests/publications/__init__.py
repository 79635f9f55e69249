"""A test-only content-type plugin: proves a new type plugs in without touching ``cms/``."""
