"""Abstract pages every content-type plugin builds on.

They declare, once, what every page shares: which fields are translated and which are
synchronised across locales (wagtail-localize), which fields are searchable, and that the
locale is always a search filter.
"""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.db import connection, models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.collation import localized_ordering
from cms.pagination import DeferredJoinPaginator
from cms.plugins import registry
from cms.site.listing_pages import listing_context
from cms.untranslated import with_untranslated
from cms.visibility import visible
from cms.vocabularies.forms import VocabularyPickersPageForm
from search import documents

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class BasePage(Page):
    """A content page: a lead paragraph, language-aware search, explicit translation rules."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown in listings, feeds and search results."),
    )

    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("lead")]
    # The lemma fields hold the base forms of the page's text in its own language (see
    # search/README.md); every backend matches inflected queries against them.
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField(documents.TITLE_LEMMA_FIELD, boost=2),
        index.SearchField(documents.BODY_LEMMA_FIELD),
        index.FilterField("locale"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("lead")]
    # Vocabulary pickers offer the Finnish source rows only, named in the page's language.
    base_form_class = VocabularyPickersPageForm

    class Meta:
        abstract = True

    def search_title_lemmas(self) -> str:
        """Base forms of the title in the page's language, for inflected searches."""
        return documents.title_lemmas(self)

    def search_lemmas(self) -> str:
        """Base forms and compound parts of the page's other searchable text."""
        return documents.body_lemmas(self)


class BaseIndexPage(Page):
    """The listing page of one content type, directly under each language's home page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    items_per_page = 20
    #: Ordering of the listed pages; plugins override it (upcoming first, newest first...).
    listing_ordering: tuple[str, ...] = ("-first_published_at",)

    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    search_fields = [*Page.search_fields, index.FilterField("locale")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    @classmethod
    def listed_model(cls) -> type[Page]:
        """The content page model this index lists: its only allowed subpage type."""
        (model,) = cls.clean_subpage_models()
        return model

    def get_listed_pages(self, request: HttpRequest | None = None) -> models.QuerySet:
        """Live, public pages below this index, in this index's locale (and untranslated ones).

        With a ``request``, the view restrictions read for the page's navigation are reused
        instead of being queried again.
        """
        pages = visible(self.listed_model().objects.child_of(self), request)
        # Sections that declare ``show_untranslated`` also list the Finnish pages that have
        # no translation in this language (marked with their language by the card).
        pages = with_untranslated(pages, registry.for_model(type(self)), self.locale, request)
        language = self.locale.language_code
        return pages.order_by(
            *localized_ordering(self.listing_ordering, language, connection.vendor)
        )

    def paginate(self, request: HttpRequest, queryset: models.QuerySet) -> PaginatorPage:
        paginator = DeferredJoinPaginator(queryset, self.items_per_page)
        return paginator.get_page(request.GET.get("page"))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The listing; 400 (with the form's messages) when a filter value is refused."""
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("filter_form")
        if form is not None and form.errors:
            response.status_code = 400
        return response
