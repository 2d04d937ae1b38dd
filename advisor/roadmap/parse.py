"""Read a chat question as a roadmap request: ``parse_roadmap_question(text, previous)``.

Recognises the current position ("I'm a GS-0335 computer assistant"), the target ("become a
GS-15 IT program manager", "the next grade band") and a follow-up that narrows a previous
roadmap ("and what training for the GS-15 part?"). Returns None for anything that is not a
career-path question, so the chat falls through to normal retrieval. It plans nothing;
``render_markdown`` and ``to_answer_parts`` are re-exported here for the chat's convenience.
"""

from __future__ import annotations

import re

from advisor.roadmap.codes import normalize_series
from advisor.roadmap.context import ITM, PM, PROJECT, SPECIALIST
from advisor.roadmap.models import Focus, Position, RoadmapRequest, Target
from advisor.roadmap.render import render_markdown, to_answer_parts
from advisor.roadmap.schema import load_career_data

__all__ = ["parse_roadmap_question", "render_markdown", "to_answer_parts"]

_INTENT = re.compile(
    r"\b(?:become|becoming|move|moving|get\s+(?:in)?to|getting\s+into|transition|switch|career|roadmap"
    r"|path|promot\w*|advance|progress|reach|next\s+(?:grade\s+)?band|what\s+do\s+i\s+need|qualif\w*"
    r"|idp|individual\s+development\s+plan|how\s+(?:do|can|should)\s+i|what\s+should\s+i)\b",
    re.IGNORECASE,
)
# Questions that belong to retrieval or a calculator even when they mention a grade.
_ELSEWHERE = re.compile(
    r"\b(?:appeal|grievance|step\s+increase|salary|pay|bonus|award|deadline|complaint"
    r"|leave|retire\w*|terminat\w*|disciplin\w*|classif\w*)\b",
    re.IGNORECASE,
)
_SELF = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+work\s+as|i'?m\s+currently)\s+(?:an?\s+|currently\s+)?(.*?)"
    r"(?=[;?.!—–]|\s-\s|\bhow\b|\bwhat\b|\band\s+(?:i|want|would)\b|$)",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\bfrom\s+(.+?)\s+(?:to|into)\s+(.+)", re.IGNORECASE)
_SPLIT = re.compile(
    r"\b(?:become|becoming|move|moving|get|getting|reach|transition|switch|into|promoted)\b",
    re.IGNORECASE,
)
_GS_SERIES_GRADE = re.compile(r"\b(?:GS|GG|GM)[-\s]?(\d{3,4})[-\s](\d{1,2})\b", re.IGNORECASE)
_GS = re.compile(r"\b(?:GS|GG|GM)[-\s]?(\d{1,4})\b", re.IGNORECASE)
_SERIES = re.compile(r"\bseries\s+(\d{3,4})\b|\b(\d{3,4})\s+series\b|\b(\d{4})\b", re.IGNORECASE)
_GRADE = re.compile(r"\bgrade\s+(\d{1,2})\b", re.IGNORECASE)
_ROLES = (
    (re.compile(r"\bprogram\s+manag", re.IGNORECASE), PM),
    (re.compile(r"\bproject\s+manag", re.IGNORECASE), PROJECT),
    (re.compile(r"\bit\s+specialist", re.IGNORECASE), SPECIALIST),
    (re.compile(r"\b(?:it|information\s+technology)\s+management\b", re.IGNORECASE), ITM),
)
# Everyday words for CP-34's own series titles ("0335 Computer Clerical & Asst", ...).
_TITLES = {
    "computer assistant": "0335",
    "computer clerk": "0335",
    "computer operator": "0332",
    "library technician": "1411",
    "librarian": "1410",
    "telephone operator": "0382",
}
_FOCUS: tuple[tuple[re.Pattern[str], Focus], ...] = (
    (re.compile(r"\bidp\b|individual development plan", re.IGNORECASE), "idp"),
    (re.compile(r"\btraining\b|\bcourses?\b", re.IGNORECASE), "training"),
    (re.compile(r"\bcertif\w*|\bdegrees?\b", re.IGNORECASE), "certifications"),
    (re.compile(r"\bcompetenc\w*", re.IGNORECASE), "competencies"),
    (re.compile(r"\bentry\s+points?\b", re.IGNORECASE), "entry"),
)


def _role(text: str) -> str | None:
    return next((role for pattern, role in _ROLES if pattern.search(text)), None)


def _series_grade(text: str) -> tuple[str | None, int | None]:
    if m := _GS_SERIES_GRADE.search(text):
        return normalize_series(m.group(1)), int(m.group(2))
    series = grade = None
    for m in _GS.finditer(text):
        digits = m.group(1)
        if len(digits) >= 3:
            series = series or normalize_series(digits)
        else:
            grade = grade or int(digits)
    if series is None:
        series = next(
            (c for m in _SERIES.finditer(_GS.sub(" ", text)) if (c := _bare_series(m))), None
        )
    if series is None:
        series = next((code for word, code in _TITLES.items() if word in text.lower()), None)
    if grade is None and (m := _GRADE.search(text)):
        grade = int(m.group(1))
    return series, grade


def _bare_series(m: re.Match[str]) -> str | None:
    """'series 391' or '391 series' always; a bare four-digit number unless it reads as a year."""
    if m.group(1) or m.group(2):
        return normalize_series(m.group(1) or m.group(2))
    code = normalize_series(m.group(3))
    if code in load_career_data().known_series() or not 1900 <= int(m.group(3)) <= 2099:
        return code
    return None


def _flag(text: str, yes: str, no: str) -> bool | None:
    if re.search(no, text, re.IGNORECASE):
        return False
    return True if re.search(yes, text, re.IGNORECASE) else None


def _focus(text: str) -> Focus | None:
    return next((focus for pattern, focus in _FOCUS if pattern.search(text)), None)


def _split(text: str) -> tuple[str, str]:
    """(what describes the current position, what describes the target)."""
    if m := _SELF.search(text):
        return m.group(1), text[: m.start()] + " " + text[m.end() :]
    if m := _FROM_TO.search(text):
        return m.group(1), m.group(2)
    if m := _SPLIT.search(text):
        return text[: m.start()], text[m.end() :]
    return "", text


def parse_roadmap_question(
    text: str, previous: RoadmapRequest | None = None
) -> RoadmapRequest | None:
    """The roadmap request a question asks for, or None if it is not a career-path question.

    Args:
        text: The user's question.
        previous: The request behind the last roadmap in this conversation, if any; a short
            follow-up ("and what training for the GS-15 part?") narrows it.
    """
    text = text.replace("’", "'").strip()
    if not text or _ELSEWHERE.search(text):
        return None
    here, there = _split(text)
    series, grade = _series_grade(here)
    to_series, to_grade = _series_grade(there)
    role, title = _role(there), _role(here)
    next_band = bool(re.search(r"\bnext\s+(?:grade\s+)?band\b", text, re.IGNORECASE))
    cipms = _flag(text, r"\bcipms\b", r"\b(?:non-?cipms|not\s+(?:in\s+)?cipms)\b")
    supervisory = _flag(here or text, r"\bsupervis", r"\bnon-?supervis")
    position = Position(
        series=series, grade=grade, title=title, cipms=cipms, supervisory=supervisory
    )
    has_target = bool(role or to_series or to_grade or next_band)
    if (
        previous is not None
        and not (has_target and (role or to_series or next_band))
        and not here.strip()
    ):
        return _narrow(previous, text, to_grade, cipms, supervisory)
    if not _INTENT.search(text) or not has_target:
        return None
    if previous is not None:  # keep what the earlier question told us about the position
        known = {k: v for k, v in position.model_dump().items() if v is not None}
        position = previous.position.model_copy(update=known)
    target = Target(
        series=to_series, grade=to_grade, role=role, next_band=next_band, focus=_focus(text)
    )
    return RoadmapRequest(position=position, target=target)


def _narrow(
    previous: RoadmapRequest,
    text: str,
    grade: int | None,
    cipms: bool | None,
    supervisory: bool | None,
) -> RoadmapRequest | None:
    """A follow-up: the previous request with a focus, a focus grade or a changed flag."""
    focus = _focus(text)
    if focus is None and grade is None and cipms is None and supervisory is None:
        return None
    target = previous.target.model_copy(update={"focus": focus or previous.target.focus})
    if grade is not None:
        in_range = previous.target.role == PM and 13 <= grade <= 15
        target = target.model_copy(update={"focus_grade": grade} if in_range else {"grade": grade})
    update = {k: v for k, v in (("cipms", cipms), ("supervisory", supervisory)) if v is not None}
    return RoadmapRequest(position=previous.position.model_copy(update=update), target=target)
