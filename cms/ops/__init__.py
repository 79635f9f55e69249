"""Running the product for real: health checks, request ids and JSON logs, the Varnish purge,
the Content-Security-Policy and the storage and process settings of ``cms.settings.production``.
"""
