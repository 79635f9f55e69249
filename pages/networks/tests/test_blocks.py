"""Block validation: action timeframes and the layered sub-group structure."""

from __future__ import annotations

import datetime as dt

import pytest
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from pages.networks.blocks import ActionItemBlock, SubGroupsBlock


def _action(starts: dt.date, ends: dt.date | None):
    block = ActionItemBlock()
    return block, block.to_python(
        {
            "title": "Toimintasuunnitelma",
            "description": "",
            "starts": starts.isoformat(),
            "ends": ends.isoformat() if ends else None,
        }
    )


def test_action_cannot_end_before_it_starts():
    block, value = _action(dt.date(2027, 2, 1), dt.date(2027, 1, 31))
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert set(raised.value.block_errors) == {"ends"}


@pytest.mark.parametrize("ends", [dt.date(2027, 2, 1), None])
def test_action_may_end_the_day_it_starts_or_stay_open(ends):
    block, value = _action(dt.date(2027, 2, 1), ends)
    assert block.clean(value)["ends"] == ends


def _sub_groups(*levels: int):
    block = SubGroupsBlock()
    return block, block.to_python(
        [
            {
                "type": "sub_group",
                "value": {"name": f"Ryhmä {n}", "role": "Rooli", "level": level, "members": ""},
            }
            for n, level in enumerate(levels)
        ]
    )


@pytest.mark.parametrize("levels", [(1, 2, 3, 4, 2, 1), (1, 1), (1, 2, 2)])
def test_sub_groups_may_go_one_layer_deeper_at_a_time(levels):
    block, value = _sub_groups(*levels)
    block.clean(value)


@pytest.mark.parametrize(("levels", "bad_index"), [((2,), 0), ((1, 3), 1), ((1, 2, 4), 2)])
def test_skipping_a_layer_is_an_error_on_that_group_level(levels, bad_index):
    block, value = _sub_groups(*levels)
    with pytest.raises(StreamBlockValidationError) as raised:
        block.clean(value)
    assert set(raised.value.block_errors) == {bad_index}
    assert set(raised.value.block_errors[bad_index].block_errors) == {"level"}
