"""Public URLs of the site that are not pages; ``language_urls`` go under /fi/, /sv/, /en/."""

from django.urls import path

from cms.site import (
    calendar,
    converters,  # noqa: F401  (registers <db_id:…>)
    syndication,
    views,
)

site_urls = [
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("language/<str:language_code>/", views.switch_language, name="switch_language"),
]

language_urls = [
    path("feeds/<slug:key>/rss.xml", syndication.PageFeed(), name="feed_rss"),
    path("feeds/<slug:key>/atom.xml", syndication.AtomPageFeed(), name="feed_atom"),
    path("feeds/<slug:key>/<slug:topic>/rss.xml", syndication.PageFeed(), name="topic_feed_rss"),
    path(
        "feeds/<slug:key>/<slug:topic>/atom.xml", syndication.AtomPageFeed(), name="topic_feed_atom"
    ),
    path("calendar/<slug:key>.ics", calendar.listing_calendar, name="listing_calendar"),
    path("calendar/<slug:key>/<db_id:page_id>.ics", calendar.page_calendar, name="page_calendar"),
]
