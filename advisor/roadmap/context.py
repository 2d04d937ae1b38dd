"""Check a roadmap request and resolve it into a planning context (series, grades, bands, role).

Raises ``RoadmapError`` with a message naming what is valid; otherwise returns a ``Ctx`` the
step builders read. It decides no step itself and does no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.roadmap.codes import normalize_series, position_label
from advisor.roadmap.models import ROLES, CareerPathName, Position, RoadmapError, Target
from advisor.roadmap.schema import CareerData, GradeBand

PM, PROJECT, SPECIALIST, ITM = ROLES
PM_TITLE = "IT Program Manager"  # as the OPM guide spells the title
GUIDE = "the OPM IT Program Management Career Path Guide"
NOT_DESCRIBED = "not described in AR 690-13, the OPM guide or CP-34"
MAX_GS, MAX_BANDED = 15, 18  # GS-1..15; AR 690-13 Figure 3-1's Band 5 runs to 18
_ROLE_WORDS = (
    ("program manag", PM),
    ("project manag", PROJECT),
    ("specialist", SPECIALIST),
    ("information technology management", ITM),
    ("it management", ITM),
    ("it manager", ITM),
)


@dataclass(frozen=True)
class Ctx:
    """A validated request with everything derived from it."""

    data: CareerData
    pos: Position
    tgt: Target
    role: str | None
    title: str | None  # the current job title as a role, e.g. IT specialist
    cur: str | None
    to: str | None
    g0: int | None
    g1: int | None
    cipms: bool
    cipms_assumed: bool
    path: CareerPathName
    path_assumed: bool

    @property
    def pm(self) -> bool:
        return self.role == PM

    def band(self, grade: int) -> GradeBand:
        return next(b for b in self.data.grade_bands if grade in b.grades)

    def path_levels(self) -> dict[int, str]:
        name = self.path.split("/")[0].lower()
        row = next(p for p in self.data.career_paths if p.name.lower().startswith(name))
        return row.levels

    def name(self, code: str | None) -> str:
        title = self.data.known_series().get(code or "")
        return f"GS-{code} ({title})" if title else f"GS-{code}"

    def label(self, code: str | None, grade: int | None, role: str | None = None) -> str:
        base = position_label(code, grade)
        return f"{base} {role}" if role else base


def normalize_role(raw: str | None) -> str | None:
    """'it program manager' -> 'IT program manager'; None stays None."""
    if raw is None or not raw.strip():
        return None
    low = " ".join(raw.lower().split())
    for word, role in _ROLE_WORDS:
        if word in low:
            return role
    raise RoadmapError(f"Unknown role {raw!r}. Roles the documents describe: {', '.join(ROLES)}.")


def _title_role(raw: str | None) -> str | None:
    """A current job title read as a role where it is one ('IT specialist'), else None."""
    try:
        return normalize_role(raw)
    except RoadmapError:
        return None


def _series(raw: str | None, data: CareerData, what: str, must_be_known: bool) -> str | None:
    if raw is None or not str(raw).strip():
        return None
    code = normalize_series(str(raw))
    known = data.known_series()
    if code is None or (must_be_known and code not in known):
        listed = ", ".join(known)
        raise RoadmapError(
            f"{what} series {raw!r} is not one the documents name. Known series "
            f"(CP-34, the OPM guide's entry points, AR 690-13's coverage): {listed}."
        )
    return code


def _grade(value: int | None, cipms: bool, what: str) -> int | None:
    if value is None:
        return None
    top = MAX_BANDED if cipms else MAX_GS
    if not 1 <= value <= top:
        raise RoadmapError(
            f"{what} grade {value} is outside GS 1–{MAX_GS} (1–{MAX_BANDED} only for CIPMS "
            "positions, whose Band 5 in AR 690-13 Figure 3-1 spans grades 16–18)."
        )
    return value


def build_context(current: Position, target: Target, data: CareerData) -> Ctx:
    """Validate the request and derive the target series, grades, band path and role."""
    title = _title_role(current.title)
    # "I'm an IT program manager at GS-14; how do I reach GS-15?" stays in the same title.
    role = normalize_role(target.role) or (title if target.grade and not target.series else None)
    cipms_assumed = target.next_band and current.cipms is None
    cipms = bool(current.cipms) or cipms_assumed
    cur = _series(current.series, data, "Current", must_be_known=True)
    if cur is None and title in (PM, PROJECT, SPECIALIST):
        cur = "2210"  # the guide's three GS-2210 titles
    to = _series(target.series, data, "Target", must_be_known=False)
    if role and to and to != "2210":
        raise RoadmapError(
            f"{role} is a GS-2210 title in the OPM guide; target series {to} conflicts. "
            "Give the role or the series, not both."
        )
    to = to or ("2210" if role else cur)
    g0 = _grade(current.grade, cipms, "Current")
    g1 = _grade(target.grade, cipms, "Target")
    if not (role or target.series or g1 or target.next_band):
        raise RoadmapError(
            "Say where you want to go: a target series (e.g. 2210), a grade (1–15), the next "
            f"grade band (CIPMS), or a role ({', '.join(ROLES)})."
        )
    if target.next_band:
        if g0 is None:
            raise RoadmapError(
                "The next grade band depends on your current grade: give it (e.g. GS-7)."
            )
        if current.cipms is False:
            raise RoadmapError(
                "Grade bands belong to CIPMS (AR 690-13 para 3-2d); your position is not "
                "CIPMS-covered, so it has no next grade band. Give a target grade instead."
            )
        later = [b for b in data.grade_bands if min(b.grades) > g0]
        if not later:
            raise RoadmapError(
                f"GS-{g0} is in the top grade band (Band 5, grades 16–18); there is no next band."
            )
        g1 = g1 or min(later[0].grades)
    if g1 is None:
        g1 = min(max(13, g0 or 13), MAX_GS) if role == PM and (g0 or 0) <= MAX_GS else g0
    if g0 is not None and g1 is not None and g1 < g0:
        raise RoadmapError(
            f"Target grade GS-{g1} is below your current GS-{g0}; a roadmap plans moves "
            "up or across, not down."
        )
    if to == cur and g1 == g0 and not role:
        raise RoadmapError(
            "The target is your current position: give a higher grade, another series, the next "
            f"grade band or a role ({', '.join(ROLES)})."
        )
    path = current.career_path or "professional/administrative"
    return Ctx(
        data=data,
        pos=current.model_copy(update={"series": cur}),
        tgt=target,
        role=role,
        title=title,
        cur=cur,
        to=to,
        g0=g0,
        g1=g1,
        cipms=cipms,
        cipms_assumed=cipms_assumed,
        path=path,
        path_assumed=current.career_path is None,
    )
