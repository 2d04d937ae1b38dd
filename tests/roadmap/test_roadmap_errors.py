"""Bad roadmap requests raise RoadmapError with a message naming what is known or valid."""

from __future__ import annotations

import pytest

from advisor.errors import AdvisorError
from advisor.roadmap.models import RoadmapError


@pytest.mark.parametrize(
    ("current", "target", "says"),
    [
        ({"series": "9999", "grade": 7}, {"series": "2210"}, "Known series"),
        ({"series": "abc", "grade": 7}, {"series": "2210"}, "0335"),
        ({"series": "0335", "grade": 7}, {"series": "xyz"}, "2210"),
        ({"series": "0335", "grade": 16}, {"series": "2210"}, "outside GS 1–15"),
        ({"series": "0335", "grade": 0}, {"series": "2210"}, "outside GS 1–15"),
        ({"series": "0132", "grade": 19, "cipms": True}, {"grade": 19}, "1–18"),
        ({"series": "2210", "grade": 13}, {"grade": 11}, "below your current GS-13"),
        ({"series": "2210", "grade": 13}, {"role": "astronaut"}, "IT program manager"),
        ({"series": "2210", "grade": 13}, {}, "Say where you want to go"),
        ({"series": "2210"}, {"next_band": True}, "current grade"),
        ({"grade": 7, "cipms": False}, {"next_band": True}, "not CIPMS-covered"),
        ({"grade": 17, "cipms": True}, {"next_band": True}, "top grade band"),
        (
            {"series": "0335", "grade": 7},
            {"role": "IT program manager", "series": "0391"},
            "conflicts",
        ),
    ],
)
def test_bad_input_raises_a_roadmap_error_that_names_what_is_valid(roadmap, current, target, says):
    with pytest.raises(RoadmapError, match=says) as e:
        roadmap(current, target)
    assert isinstance(e.value, AdvisorError)


def test_a_target_equal_to_the_current_position_is_refused(roadmap):
    with pytest.raises(RoadmapError, match="current position"):
        roadmap({"series": "0335", "grade": 7}, {"series": "0335", "grade": 7})
