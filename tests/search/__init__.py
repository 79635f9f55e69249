"""Tests of the search feature: analysis, service, views, API, Elasticsearch, outages."""
