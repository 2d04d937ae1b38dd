"""Spelling of series codes and grades: '391' -> '0391', 'GS-0335-07' labels.

Pure string helpers shared by the extractor, planner, parser and diagram. No data, no rules.
"""

from __future__ import annotations

import re

_SERIES = re.compile(r"^(?:GS|GG|GM)?[-\s/]*(\d{3,4})(?:[-\s]?(i))?$", re.IGNORECASE)


def normalize_series(raw: str) -> str | None:
    """'391' -> '0391', 'GS-0335' -> '0335', '0301-I' -> '0301-i'; None if not a series code."""
    m = _SERIES.match(raw.strip())
    if not m:
        return None
    digits, suffix = m.group(1), m.group(2)
    if int(digits) == 0:
        return None
    code = digits.zfill(4)
    return f"{code}-i" if suffix else code


def series_label(code: str | None) -> str:
    """'GS-0335', or 'series not given'."""
    return f"GS-{code}" if code else "series not given"


def position_label(code: str | None, grade: int | None) -> str:
    """'GS-0335-07', 'GS-2210', 'GS-07'."""
    if code and grade:
        return f"GS-{code}-{grade:02d}"
    if code:
        return f"GS-{code}"
    if grade:
        return f"GS-{grade:02d}"
    return "current position"
