"""Roadmap steps for changing line of work: the series move (CP-34 bridges) and entry into a role.

Each builder reads a validated ``Ctx`` and returns ``Step``s whose every rule carries its
pin-cite and verbatim words from the career data. Where the documents describe no move, the
step says so plainly instead of inventing one. Grades and bands are in ``steps_grades``,
training and the IDP in ``steps_training``, ordering in ``planner``.
"""

from __future__ import annotations

from advisor.roadmap.context import GUIDE, NOT_DESCRIBED, PM, PM_TITLE, PROJECT, SPECIALIST, Ctx
from advisor.roadmap.models import Move, Step, StepItem, plain_refs
from advisor.roadmap.schema import Bridge, Sourced


def series_steps(ctx: Ctx) -> tuple[list[Step], bool]:
    """The move between series, or a plain statement that the documents describe none."""
    d = ctx.data
    if ctx.cur is None or ctx.to is None or ctx.cur == ctx.to:
        return [], True
    if ctx.pm and ctx.cur in d.entry_points.series:
        return [], True  # the guide's GS-13 entry points cover it (see entry_steps)
    bridges = [b for b in d.bridges if ctx.cur in b.from_series]
    hit = next((b for b in bridges if ctx.to in b.to_series), None)
    if hit:
        return [_bridge(ctx, hit)], True
    return [_no_path(ctx, bridges)], False


def _bridge(ctx: Ctx, bridge: Bridge) -> Step:
    d = ctx.data
    why = (
        f"CP-34 lists {ctx.cur} under “{bridge.quote}”. It names the bridge but gives no grades, "
        "qualification rules or timing for it."
    )
    refs = plain_refs(
        bridge,
        d.member(ctx.cur),
        d.member(ctx.to),
        d.rule("cp34_mco") if ctx.to == "2210" else None,
    )
    if ctx.cipms:
        why += (
            " As a CIPMS employee you may enter the new occupation without the basic standard's specific "
            "requirements if your overall background shows clear ability and potential; the move is by "
            "reassignment, change to lower grade or conversion, and you must show the new KSAs before "
            "promotion in it. Managers are to build bridge positions between clerical, technician and "
            "professional-administrative work."
        )
        refs += [
            d.rule(k)
            for k in (
                "new_occupation",
                "new_occupation_how",
                "new_occupation_then",
                "bridge_positions",
            )
        ]
    else:
        why += (
            " AR 690-13's exception for entering a new occupation (para 4-19d) is a CIPMS rule; for a "
            "position outside CIPMS none of these documents sets the qualification rules for this move."
        )
    move = Move(
        source=ctx.label(ctx.cur, ctx.g0), target=ctx.label(ctx.to, ctx.g0), label=bridge.cite
    )
    return Step(
        kind="move",
        title=f"Take the CP-34 bridge from {ctx.name(ctx.cur)} to {ctx.name(ctx.to)}",
        why=why,
        refs=refs,
        move=move,
    )


def _no_path(ctx: Ctx, bridges: list[Bridge]) -> Step:
    d = ctx.data
    known = d.known_series()
    refs: list[Sourced] = plain_refs(d.member(ctx.cur))
    if ctx.to not in known:
        why = (
            f"None of AR 690-13, {GUIDE} or CP-34 names series {ctx.to}, so they give no path, "
            "qualification or training for it."
        )
    else:
        why = f"None of the three documents describes a move from GS-{ctx.cur} to GS-{ctx.to}."
        refs += plain_refs(d.member(ctx.to))
    for b in bridges:
        why += f" CP-34 lists GS-{ctx.cur} under “{b.quote}”, not a bridge to {ctx.to}."
        refs.append(b)
    for b in d.bridges:
        if ctx.to in b.to_series and ctx.cur not in b.from_series:
            why += f" Its “{b.quote}” is for {', '.join(b.from_series)}."
            refs.append(b)
    groups = [g for g in d.series_groups if {ctx.cur, ctx.to} <= {m.code for m in g.members}]
    for g in groups:
        why += f" CP-34 puts both in its {g.name} but describes no move between them."
        refs.append(g)
    if ctx.cipms:
        why += (
            " For a CIPMS employee AR 690-13 para 4-19d is the general rule on entering a new "
            "occupation; it is a rule, not a path these documents describe for these series."
        )
        refs.append(d.rule("new_occupation"))
    if ctx.pm:
        why += (
            f" The guide does not name GS-{ctx.cur} among its GS-13 entry series, though it says its "
            "paths are not an exclusive list."
        )
        refs += [d.entry_points, d.rule("paths_not_exclusive")]
    move = Move(
        source=ctx.label(ctx.cur, ctx.g0),
        target=ctx.label(ctx.to, ctx.g0 if ctx.to in known else ctx.g1),
        label=NOT_DESCRIBED,
        supported=False,
    )
    return Step(
        kind="unsupported",
        title=f"The documents do not describe a move from {ctx.name(ctx.cur)} "
        f"to {ctx.name(ctx.to)}",
        why=why,
        refs=plain_refs(*refs),
        move=move,
    )


def entry_steps(ctx: Ctx, series: str | None) -> tuple[list[Step], bool]:
    """How the target role is entered, as the OPM guide and CP-34 describe it."""
    d = ctx.data
    titles = {t.title.lower(): t for t in d.job_titles if t.title}
    if ctx.role == PM:
        return _pm_entry(ctx, series)
    if ctx.role in (PROJECT, SPECIALIST) and ctx.title == ctx.role:
        return [], True
    if ctx.role in (PROJECT, SPECIALIST):
        t = titles[ctx.role.lower()]
        why = (
            f"The guide defines {t.title}: “{t.quote}” It focuses on the IT Program Manager title and sets "
            f"out no separate path, grades or competency list for {t.title}."
        )
        items = (
            [StepItem(text=p.quote, cites=[p.cite]) for p in d.parenthetical_titles]
            if ctx.role == SPECIALIST
            else []
        )
        refs = [t, d.rule("guide_focus")] + (d.parenthetical_titles[:1] if items else [])
        return [
            Step(
                kind="entry",
                title=f"Work toward the {t.title} title in GS-2210",
                why=why,
                refs=refs,
                items=items,
            )
        ], True
    if ctx.role is None or ctx.to != "2210":
        return [], True
    why = (
        "CP-34 puts 2210 in its IT Core Series, and the 2210 series is a DoD Mission Critical Occupation. "
        "The guide names three GS-2210 titles; its career path is for IT Program Manager from GS-13."
    )
    items = [StepItem(text=f"{t.title}: {t.quote}", cites=[t.cite]) for t in d.job_titles]
    return [
        Step(
            kind="entry",
            title="Work in GS-2210, Information Technology Management",
            why=why,
            refs=plain_refs(
                d.member("2210"), d.rule("cp34_mco"), d.rule("guide_focus"), *d.job_titles
            ),
            items=items,
        )
    ], True


def _pm_entry(ctx: Ctx, series: str | None) -> tuple[list[Step], bool]:
    d, ep = ctx.data, ctx.data.entry_points
    pm = next(t for t in d.job_titles if t.title == "IT Program Manager")
    at = max(ep.grade, ctx.g0) if ctx.g0 else None
    if ctx.g1 is None or not 13 <= ctx.g1 <= 15:
        move = Move(
            source=ctx.label(series, ctx.g0),
            target=ctx.label("2210", ctx.g1, PM_TITLE),
            label=NOT_DESCRIBED,
            supported=False,
        )
        return [
            Step(
                kind="unsupported",
                title=f"The guide does not describe IT Program Manager positions at GS-{ctx.g1}",
                why="It describes IT program management at GS-13, GS-14 and GS-15 only.",
                refs=[ep, d.rule("guide_focus")],
                move=move,
            )
        ], False
    move = Move(
        source=ctx.label(series, at),
        target=ctx.label("2210", at or ep.grade, PM_TITLE),
        label=ep.cite,
    )
    if ctx.title == PM:
        return [], True
    if ctx.title == SPECIALIST and ctx.cur == "2210":
        spec = next(t for t in d.job_titles if t.title == "IT Specialist")
        why = (
            f"Both are GS-2210 titles. An IT Specialist does “{spec.quote}” An IT Program Manager does "
            f"“{pm.quote}” The guide names GS-2210 first among the series people commonly come from into "
            "GS-13 IT program management."
        )
        return [
            Step(
                kind="entry",
                title="Move from the IT Specialist title to IT Program Manager within GS-2210",
                why=why,
                refs=[spec, pm, ep],
                move=move,
            )
        ], True
    named = ", ".join(f"GS-{c}" for c in ep.series)
    why = (
        f"The guide says people commonly come into Federal IT program management at GS-{ep.grade} from the "
        f"private sector and from {named}."
    )
    if ctx.pos.series:
        inside = ctx.pos.series in ep.series
        why += f" GS-{ctx.pos.series} is {'one of them' if inside else 'not among them'}"
        why += (
            "; after the CP-34 bridge you would be in GS-2210, which is."
            if not inside
            and ctx.to == "2210"
            and any(ctx.pos.series in b.from_series and "2210" in b.to_series for b in d.bridges)
            else "."
        )
    why += (
        " Its paths are not an exclusive list; entry from non-profits, academia and state and local "
        "government is rare."
    )
    refs = [ep, d.rule("paths_not_exclusive"), d.rule("rare_entry"), pm]
    if ctx.cipms and series != "2210":
        why += (
            f" Under CIPMS, a promotion from GS-{series} into a GS-2210 position within your grade band is "
            "noncompetitive only if the two are the same line of work, a finding documented in the case file."
        )
        refs += [
            d.rule("band_promotion"),
            d.rule("same_line_of_work"),
            d.rule("line_of_work_documented"),
        ]
    title = (
        f"Enter IT program management at GS-{ep.grade}"
        if not ctx.g0 or ctx.g0 <= ep.grade
        else f"Enter IT program management (the guide's common entry grade is GS-{ep.grade})"
    )
    return [Step(kind="entry", title=title, why=why, refs=refs, move=move)], True
