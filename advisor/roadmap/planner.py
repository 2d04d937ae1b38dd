"""Plan a career roadmap: ``plan(current, target, data) -> Roadmap``, deterministic and cited.

Orders the steps (line-of-work move, grades and CIPMS bands, entry into the target role,
competencies, success factors, certifications, IDP), narrows them to a requested focus, and
adds the documents' dates and any assumption made. It invents no path: where the documents
describe none, the roadmap says so and ``supported`` is False. No I/O beyond the cached
career data (``schema.load_career_data``); no parsing or rendering here.
"""

from __future__ import annotations

from advisor.roadmap.context import PM, PM_TITLE, Ctx, build_context
from advisor.roadmap.models import Focus, Position, Roadmap, RoadmapRequest, Step, StepKind, Target
from advisor.roadmap.schema import CareerData, load_career_data
from advisor.roadmap.steps_grades import grade_steps
from advisor.roadmap.steps_path import entry_steps, series_steps
from advisor.roadmap.steps_training import (
    certification_step,
    competency_steps,
    idp_step,
    success_step,
)

FOCUS_KINDS: dict[Focus, set[StepKind]] = {
    "training": {"competencies", "idp"},
    "idp": {"band", "idp"},
    "certifications": {"certifications"},
    "competencies": {"competencies"},
    "entry": {"move", "entry"},
}


def plan(current: Position, target: Target, data: CareerData | None = None) -> Roadmap:
    """The ordered, cited steps from ``current`` to ``target``.

    Args:
        current: Where the employee stands: series, grade, supervisory, CIPMS coverage.
        target: A series and/or grade, a role ('IT program manager', 'IT project manager',
            'IT specialist', 'IT management') or the next CIPMS grade band; optionally a focus.
        data: The career data; the committed ``advisor/data/career.json`` if omitted.

    Raises:
        RoadmapError: unknown series or role, a grade outside 1-15 (1-18 for CIPMS), a target
            below the current grade, or nothing to aim for.
    """
    ctx = build_context(current, target, data or load_career_data())
    steps, supported = _path(ctx)
    if _known_target(ctx):
        steps += competency_steps(ctx) + success_step(ctx) + certification_step(ctx)
        steps += idp_step(ctx, steps)
    moves = [s.move for s in steps if s.move is not None]
    if target.focus:
        steps = [s for s in steps if s.kind in FOCUS_KINDS[target.focus] or s.kind == "unsupported"]
    return Roadmap(
        position=ctx.pos,
        target=target.model_copy(update={"grade": ctx.g1, "series": ctx.to}),
        summary=_summary(ctx, steps, supported),
        supported=supported,
        steps=steps,
        moves=moves,
        notes=_notes(ctx, steps),
    )


def plan_request(request: RoadmapRequest, data: CareerData | None = None) -> Roadmap:
    return plan(request.position, request.target, data)


def _path(ctx: Ctx) -> tuple[list[Step], bool]:
    """Series move, grades and entry, in the order they happen."""
    steps, supported = series_steps(ctx)
    if not _known_target(ctx):
        return steps, False
    g0, g1 = ctx.g0, ctx.g1
    if ctx.pm:
        in_entry_series = ctx.cur in ctx.data.entry_points.series and not steps
        series = ctx.cur if in_entry_series else ctx.to
        entry, ok = entry_steps(ctx, series)
        if g0 is not None and g1 is not None and 13 <= g1 <= 15 and ctx.title != PM:
            steps += grade_steps(ctx, g0, max(13, g0), series) + entry
            steps += grade_steps(ctx, max(13, g0), g1, "2210", PM_TITLE)
        elif g0 is not None and g1 is not None and ctx.title == PM:
            steps += entry + grade_steps(ctx, g0, g1, "2210", PM_TITLE)
        else:
            steps += entry
        return steps, supported and ok
    entry, ok = entry_steps(ctx, ctx.to)
    steps += entry
    if g0 is not None and g1 is not None:
        steps += grade_steps(ctx, g0, g1, ctx.to)
    return steps, supported and ok


def _known_target(ctx: Ctx) -> bool:
    return ctx.to is None or ctx.to in ctx.data.known_series()


def _summary(ctx: Ctx, steps: list[Step], supported: bool) -> str:
    role = PM_TITLE if ctx.pm else ctx.role
    to = ctx.label(ctx.to, ctx.g1, role) if ctx.to or ctx.g1 else (role or "target")
    if ctx.tgt.next_band and ctx.g0:
        to += f" (Band {ctx.band(ctx.g1 or ctx.g0).band})"
    text = (
        f"{ctx.label(ctx.cur, ctx.g0)} → {to}: {len(steps)} step{'s' if len(steps) != 1 else ''}."
    )
    if not supported:
        text += " The documents do not describe all of this move; the steps say where."
    return text


def _notes(ctx: Ctx, steps: list[Step]) -> list[str]:
    d = ctx.data
    notes = []
    if ctx.cipms_assumed:
        notes.append(
            "Grade bands exist only under CIPMS (AR 690-13); this roadmap assumes your position is "
            "CIPMS-covered."
        )
    if ctx.cipms and ctx.path_assumed:
        notes.append(
            "Career path assumed professional/administrative (AR 690-13 Figure 3-1); the technician "
            "and clerical paths end at lower bands."
        )
    if ctx.pos.grade is None:
        notes.append("Your current grade was not given, so no grade steps are planned.")
    cites = {c for s in steps for c in s.cites}
    for cite, gap in d.gaps.items():
        if ctx.pm and cite.startswith("OPM"):
            notes.append(f"{cite}: {gap}")
    used = {d.sections[c].doc_id for c in cites if c in d.sections}
    for doc in d.documents:
        if doc.doc_id in used:
            notes.append(f"{doc.short_name} ({doc.date}, {doc.status}): {doc.status_note}")
    return notes
