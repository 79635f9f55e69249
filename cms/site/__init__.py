"""The public, server-rendered site: navigation, languages, listings and machine-readable outputs.

Everything here is content-type agnostic. A plugin takes part by declaring a
:class:`cms.site.site_contribution.SiteContribution` among its
``ContentTypePlugin.contributions``; plugins that declare nothing still get templates,
navigation, language switching and the sitemap, just no filters, feeds or structured data.
"""
