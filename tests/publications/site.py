"""The test plugin's site contribution: a feed and JSON-LD, declared like a real plugin's."""

from cms.site.contributions import FeedContribution, SiteContribution
from cms.site.structured_data import page_basics


def structured_data(publication, request) -> dict:
    data = page_basics(publication, request, "Book")
    if publication.isbn:
        data["isbn"] = publication.isbn
    return data


SITE = SiteContribution(
    feed=FeedContribution(date=lambda page: page.first_published_at, topic_field=None),
    structured_data=structured_data,
)
