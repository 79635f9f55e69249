"""Admin menus for the shared vocabularies, grouped under one "Vocabularies" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.vocabularies.choosers import SourceRowsChooserViewSet
from cms.vocabularies.models import Audience, Organisation, Person, Region, Theme


class VocabularyViewSet(SnippetViewSet):
    """A translatable vocabulary: its chooser offers the Finnish source rows only."""

    chooser_viewset_class = SourceRowsChooserViewSet


class OrganisationViewSet(VocabularyViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "short_name", "organisation_type", "city"]
    list_filter = ["organisation_type", "locale"]
    search_fields = ["name", "short_name"]


class PersonViewSet(VocabularyViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "job_title", "organisation", "email"]
    list_filter = ["locale"]
    search_fields = ["name"]


class ThemeViewSet(VocabularyViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class AudienceViewSet(VocabularyViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class RegionViewSet(VocabularyViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind", "locale"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_order = 300
    items = (OrganisationViewSet, PersonViewSet, ThemeViewSet, AudienceViewSet, RegionViewSet)


register_snippet(VocabularyViewSetGroup)
