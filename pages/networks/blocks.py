"""StreamField blocks of a network page: goals, layered sub-groups, action plan, related pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

#: Sub-group layers: 1 is the top layer (e.g. the cooperation group), 4 the lowest
#: (e.g. the contact persons of each member organisation).
TOP_LEVEL = 1
LOWEST_LEVEL = 4


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("goal"), max_length=255)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "success"
        label = _("Goal")
        description = _("One goal of the network; goals are shown in the order given here.")
        preview_value = {
            "title": "Verkoston rakentaminen",
            "description": "Kootaan alueen toimijat yhteiseen verkostoon.",
        }


class GoalsBlock(blocks.StreamBlock):
    goal = GoalBlock()


class SubGroupBlock(blocks.StructBlock):
    """One group of the network's layered structure; its ``level`` says which layer."""

    name = blocks.CharBlock(label=_("name"), max_length=255)
    role = blocks.TextBlock(label=_("role"), help_text=_("What the group does."))
    level = blocks.IntegerBlock(
        label=_("level"),
        min_value=TOP_LEVEL,
        max_value=LOWEST_LEVEL,
        default=TOP_LEVEL,
        help_text=_("1 = top layer (e.g. cooperation group) … 4 = lowest (e.g. contact persons)."),
    )
    members = blocks.TextBlock(
        label=_("members and notes"),
        required=False,
        help_text=_("Who sits in the group, its term or other notes."),
    )

    class Meta:
        icon = "group"
        label = _("Sub-group")
        description = _("A group within the network, such as a coordination or regional group.")
        preview_value = {
            "name": "Koordinaatioryhmä",
            "role": "Valmistelee yhteistyöryhmän kokoukset ja seuraa toimintasuunnitelmaa.",
            "level": 2,
            "members": "",
        }


class SubGroupsBlock(blocks.StreamBlock):
    """Sub-groups in display order; each one may be at most one layer below the one before it.

    The stream is read as an outline (like headings in a document), so a layer cannot be
    skipped: a regional group (3) needs a coordination group (2) above it.
    """

    sub_group = SubGroupBlock()

    def clean(self, value):
        value = super().clean(value)
        block_errors = {}
        previous_level = TOP_LEVEL - 1
        for index, child in enumerate(value):
            level = child.value.get("level") or TOP_LEVEL
            if level > previous_level + 1:
                message = _("Add a group on level %(level)s above this one first.") % {
                    "level": previous_level + 1
                }
                block_errors[index] = StructBlockValidationError(
                    block_errors={"level": ErrorList([ValidationError(message)])}
                )
            previous_level = level
        if block_errors:
            raise StreamBlockValidationError(block_errors=block_errors)
        return value


class ActionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("action"), max_length=255)
    description = blocks.TextBlock(label=_("description"), required=False)
    starts = blocks.DateBlock(label=_("starts"))
    ends = blocks.DateBlock(
        label=_("ends"), required=False, help_text=_("Leave empty for an ongoing action.")
    )

    class Meta:
        icon = "date"
        label = _("Action")
        description = _("An item of the action plan with its timeframe.")
        preview_value = {
            "title": "Toimintasuunnitelman päivitys",
            "description": "Yhteistyöryhmä päivittää vuoden toimintasuunnitelman.",
            "starts": "2027-01-15",
            "ends": "2027-02-28",
        }

    def clean(self, value):
        value = super().clean(value)
        starts, ends = value.get("starts"), value.get("ends")
        if starts and ends and ends < starts:
            message = _("The action cannot end before it starts.")
            raise StructBlockValidationError(
                block_errors={"ends": ErrorList([ValidationError(message)])}
            )
        return value


class ActionPlanBlock(blocks.StreamBlock):
    action = ActionItemBlock()


class RelatedPagesBlock(blocks.StreamBlock):
    """Pages of other content types; which types are allowed is checked by the page's clean()."""

    page = blocks.PageChooserBlock(
        label=_("page"),
        page_type="wagtailcore.Page",
        description=_("A training, news item, project result or other network."),
    )
