"""Read the short forms people type for a roadmap: "GS-0335-7 to 2210", "0335-7 → 2210-11",
"GS-0335-7 to GS-2210-11 IT specialist", "from 2210-12 to GS-15 IT program manager".

The left side is a series with an optional grade (and title words); the right side a series
and/or grade with optional role words. The form is rewritten as the sentence the chat's
parser reads ("I'm a GS-0335-7; how do I become a GS-2210?"), so there is one reading of
positions, roles and grades. Anything else gives None. It plans nothing.
"""

from __future__ import annotations

import re

from advisor.roadmap.models import RoadmapRequest
from advisor.roadmap.parse import parse_roadmap_question

_ARROW = re.compile(r"\s*(?:→|⟶|->|-->|=>|⇒|—>|–>|\bto\b|\binto\b)\s*", re.IGNORECASE)
_PLAN = r"(?:(?:GS|GG|GM)[-\s]?)?"
_HERE = re.compile(rf"^(?:from\s+)?(?:i'?m\s+(?:an?\s+)?)?{_PLAN}(\d{{3,4}})(?:[-/\s](\d{{1,2}}))?(\s+[a-z][\w\s&'-]*)?$",
                   re.IGNORECASE)
_THERE = re.compile(rf"^(?:an?\s+)?{_PLAN}(\d{{1,4}})(?:[-/\s](\d{{1,2}}))?(\s+[a-z][\w\s&'-]*)?$", re.IGNORECASE)


def _gs(number: str, grade: str | None) -> str:
    return f"GS-{number}" + (f"-{grade}" if grade else "")


def parse_short_form(text: str) -> RoadmapRequest | None:
    """The roadmap request a short "from → to" form asks for, or None."""
    parts = _ARROW.split(" ".join((text or "").split()).strip(" .?!"), maxsplit=1)
    if len(parts) != 2:
        return None
    here, there = (_HERE.match(parts[0]), _THERE.match(parts[1]))
    if here is None or there is None:
        return None
    words = (there.group(3) or "").strip()
    sentence = (f"I'm a {_gs(here.group(1), here.group(2))}{here.group(3) or ''}; how do I become a "
                f"{_gs(there.group(1), there.group(2))}{' ' + words if words else ''}?")
    return parse_roadmap_question(sentence)
