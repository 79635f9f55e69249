"""Abstract pages every content-type plugin builds on.

They declare, once, what every page shares: which fields are translated and which are
synchronised across locales (wagtail-localize), which fields are searchable, and that the
locale is always a search filter.

The base pages depend on nothing above them: the site and search layers fill in what they
own through two Wagtail hooks, :data:`LISTING_CONTEXT_HOOK` (the filter form and cards of
a listing page, from :mod:`cms.site.listing_pages`) and :data:`SEARCH_LEMMAS_HOOK` (the
base forms of a page's text, from :mod:`search.documents`).
"""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.db import connection, models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.collation import localized_ordering
from cms.pagination import DeferredJoinPaginator
from cms.plugins import registry
from cms.untranslated import with_untranslated
from cms.visibility import visible
from cms.vocabularies.forms import VocabularyPickersPageForm

#: Hook ``fn(index_page, request) -> dict``: adds a listing page's template context.
LISTING_CONTEXT_HOOK = "construct_listing_context"
#: Hook ``fn(page, field_name) -> str``: the text of a lemma field (the first hook answers).
SEARCH_LEMMAS_HOOK = "search_lemmas"
#: Callable search fields holding the base forms of a page's text in its own language
#: (see search/README.md); every backend matches inflected queries against them.
TITLE_LEMMA_FIELD = "search_title_lemmas"
BODY_LEMMA_FIELD = "search_lemmas"
LEMMA_FIELDS = frozenset({TITLE_LEMMA_FIELD, BODY_LEMMA_FIELD})

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
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField(TITLE_LEMMA_FIELD, boost=2),
        index.SearchField(BODY_LEMMA_FIELD),
        index.FilterField("locale"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("lead")]
    # Vocabulary pickers offer the Finnish source rows only, named in the page's language.
    base_form_class = VocabularyPickersPageForm

    class Meta:
        abstract = True

    def search_title_lemmas(self) -> str:
        """Base forms of the title in the page's language, for inflected searches."""
        return self._lemmas(TITLE_LEMMA_FIELD)

    def search_lemmas(self) -> str:
        """Base forms and compound parts of the page's other searchable text."""
        return self._lemmas(BODY_LEMMA_FIELD)

    def _lemmas(self, field_name: str) -> str:
        # Text analysis belongs to the search app, which registers the hook; without it
        # the lemma fields stay empty and plain matching still works.
        for analyse in hooks.get_hooks(SEARCH_LEMMAS_HOOK):
            return analyse(self, field_name)
        return ""


class BaseIndexPage(Page):
    """The listing page of one content type, directly under each language's home page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    items_per_page = 20

    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    search_fields = [*Page.search_fields, index.FilterField("locale")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    @property
    def listing_ordering(self) -> tuple:
        """Newest first by the plugin's ``date_field``; a listing that reads in another
        order (upcoming first, alphabetical) overrides it."""
        plugin = registry.for_index_model(type(self))
        return plugin.newest_first if plugin is not None else ("-first_published_at",)

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
        pages = with_untranslated(pages, registry.for_index_model(type(self)), self.locale, request)
        language = self.locale.language_code
        return pages.order_by(
            *localized_ordering(self.listing_ordering, language, connection.vendor)
        )

    def paginate(self, request: HttpRequest, queryset: models.QuerySet) -> PaginatorPage:
        paginator = DeferredJoinPaginator(queryset, self.items_per_page)
        return paginator.get_page(request.GET.get("page"))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        for construct in hooks.get_hooks(LISTING_CONTEXT_HOOK):
            context.update(construct(self, request))
        return context

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The listing; 400 (with the form's messages) when a filter value is refused."""
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("filter_form")
        if form is not None and form.errors:
            response.status_code = 400
        return response
