"""Demo content: a realistic site in Finnish with Swedish and English translations.

The content is data, not code: each content-type plugin points to its JSON file
(``ContentTypePlugin.demo_data``), the site's own content is listed in the
``DEMO_DATA_FILES`` setting, and :mod:`cms.demo.loader` reads them all when
``manage.py load_demo`` runs. Nothing else imports this package, so web and worker
processes never load the demo (``tests/core/test_runtime_imports.py`` holds that).
"""
