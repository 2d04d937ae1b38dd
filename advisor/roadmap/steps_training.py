"""Roadmap steps for development: competencies, success factors, certifications and the IDP.

Reads a validated ``Ctx``; every competency, course, opportunity and rule comes from the
career data with its pin-cite. It chooses which of the guide's grade groups apply, never adds
training of its own. Path steps (series, bands, entry) live in ``steps_path``.
"""

from __future__ import annotations

from advisor.roadmap.context import PM, PROJECT, Ctx
from advisor.roadmap.models import Step, StepItem
from advisor.roadmap.schema import Competency, Item, Sourced
from advisor.roadmap.steps_grades import band_name

_STAGE_WHY = {
    13: "The guide's core technical and general competency tables list these as critical for GS-13, "
    "GS-14 and GS-15 IT program management.",
    14: "The guide: “{gs14}”",
    15: "The guide: “{gs15}”",
}


def _join(items: list[Item]) -> str:
    return "; ".join(i.quote for i in items)


def _sample(c: Competency) -> Item:
    return next((b for b in c.behaviors if not b.damaged), c.behaviors[0])


def competency_ref(c: Competency) -> Sourced:
    """The competency's pin-cite with a verbatim behavior from it, for citations."""
    return Sourced(cite=c.cite, quote=_sample(c).quote)


def competency_item(c: Competency) -> StepItem:
    """One competency as a bullet: a sample behavior, its courses and developmental opportunities."""
    sample = _sample(c)
    name = (
        c.name
        if c.name_in_source
        else f"{c.name} (the source lost this competency's name; title descriptive)"
    )
    grades = ", ".join(f"GS-{g}" for g in c.critical_for)
    text = (
        f"{name} — critical for {grades}. Key work behavior: “{sample.quote}” ({len(c.behaviors)} listed). "
        f"Courses/subject areas: {_join(c.courses)}. Developmental opportunities: {_join(c.developmental)}."
    )
    return StepItem(text=text, cites=[c.cite])


def stages(ctx: Ctx) -> list[int]:
    """The guide's grade groups (by the grade a competency first becomes critical) this plan needs."""
    if ctx.g1 is None or not 13 <= ctx.g1 <= 15:
        return []
    start = 13 if ctx.title != PM else min((ctx.g0 or 12) + 1, ctx.g1)
    grades = list(range(start, ctx.g1 + 1))
    if ctx.tgt.focus_grade is not None:
        grades = [g for g in grades if g == ctx.tgt.focus_grade] or (
            [ctx.tgt.focus_grade] if 13 <= ctx.tgt.focus_grade <= 15 else []
        )
    return grades


def competency_steps(ctx: Ctx) -> list[Step]:
    d = ctx.data
    if ctx.role == PROJECT:
        pmc = next(c for c in d.competencies if c.name == "Project Management")
        why = (
            "The guide lists no competencies for the IT Project Manager title; its Project Management "
            "competency, from the IT program management tables, is the nearest it offers."
        )
        return [
            Step(
                kind="competencies",
                title="Build the guide's Project Management competency",
                why=why,
                refs=[d.rule("guide_focus"), competency_ref(pmc)],
                items=[competency_item(pmc)],
            )
        ]
    if ctx.role != PM:
        return []
    out = []
    for g in stages(ctx):
        comps = [c for c in d.competencies if min(c.critical_for) == g]
        why = _STAGE_WHY[g].format(gs14=d.rule("gs14_table").quote, gs15=d.rule("gs15_table").quote)
        if (
            g == 13
        ):  # the note stands on each row; the rule cites it on Risk Management, a GS-13 row
            why += (
                " Behaviors at each grade vary with the program's risk, complexity, cost, location"
                " and stakeholders."
            )
        refs = {
            13: [d.rule("behaviors_vary")],
            14: [d.rule("gs14_table")],
            15: [d.rule("gs15_table")],
        }[g]
        title = (
            "Build the competencies critical for GS-13 to GS-15"
            if g == 13
            else f"Build the competencies the guide makes critical from GS-{g}"
        )
        out.append(
            Step(
                kind="competencies",
                title=title,
                why=why,
                refs=refs + [competency_ref(c) for c in comps],
                items=[competency_item(c) for c in comps],
            )
        )
    return out


def success_step(ctx: Ctx) -> list[Step]:
    if ctx.role not in (PM, PROJECT):
        return []
    d = ctx.data
    why = (
        "Advice from the guide's subject matter experts, not tied to a grade or competency; ask your "
        "supervisor how best to act on it."
    )
    return [
        Step(
            kind="success",
            title="Follow the guide's success factors",
            why=why,
            refs=[d.rule("ask_supervisor")],
            items=[StepItem(text=f.quote, cites=[f.cite]) for f in d.success_factors],
        )
    ]


def certification_step(ctx: Ctx) -> list[Step]:
    if ctx.role not in (PM, PROJECT):
        return []
    d = ctx.data
    most, none = d.rule("most_not_required"), d.rule("degree_not_required")
    why = (
        f"In the guide's own words: “…{most.quote}” and “{none.quote}” Its list serves only as a guide, "
        "is not exhaustive, and dates from 2011."
    )
    items = [
        StepItem(
            text=f"Certifications the guide lists: {_join(d.certifications)}.",
            cites=[d.certifications[0].cite],
        ),
        StepItem(text=f"Degrees the guide lists: {_join(d.degrees)}.", cites=[d.degrees[0].cite]),
    ]
    return [
        Step(
            kind="certifications",
            title="Certifications and degrees are optional: most IT Program "
            "Manager positions do not require one",
            why=why,
            refs=[most, none, d.rule("experience_and_coursework"), d.rule("list_not_exhaustive")],
            items=items,
        )
    ]


def idp_step(ctx: Ctx, plan_steps: list[Step]) -> list[Step]:
    """What goes in the IDP: CIPMS rules where they apply, else what the documents offer."""
    d = ctx.data
    courses = [s for s in plan_steps if s.kind == "competencies"]
    items: list[StepItem] = []
    if courses:
        items.append(
            StepItem(
                text="The courses and developmental opportunities listed under “"
                + "”, “".join(s.title for s in courses)
                + "”, starting with the competencies "
                "you are weakest in.",
                cites=[c for s in courses for c in s.cites],
            )
        )
    if not ctx.cipms:
        if ctx.role not in (PM, PROJECT):
            return []
        unsaid = (
            " You did not say whether your position is CIPMS-covered."
            if ctx.pos.cipms is None
            else ""
        )
        why = (
            "AR 690-13's IDP rules (DD Form 1917) are CIPMS rules; for your position these documents set "
            f"no IDP form or schedule.{unsaid} The OPM guide is written for employees and their supervisors "
            "to choose training together."
        )
        refs = [d.rule("idp_form"), d.rule("guide_for_training"), d.rule("ask_supervisor")]
        return [
            Step(
                kind="idp",
                title="Put the plan in your IDP with your supervisor",
                why=why,
                refs=refs,
                items=items,
            )
        ]
    band = ctx.band(ctx.g0) if ctx.g0 else None
    if band is not None:
        items.insert(
            0,
            StepItem(
                text=f"Every mandatory competency of your present {band_name(ctx, band)}, "
                "with how you will attain it (courses, on-the-job training, experience).",
                cites=[d.rule("band_competencies").cite, d.rule("present_band_competencies").cite],
            ),
        )
    items.append(
        StepItem(
            text="A training agreement providing for accelerated promotion, if your command "
            "uses one (it must meet AR 690-300, chapter 338).",
            cites=[d.rule("training_agreements").cite],
        )
    )
    if ctx.path.startswith("professional"):
        keys = [
            "idp_form",
            "idp_annual",
            "idp_five_years",
            "idp_relates",
            "idp_with_appraisal",
            "idp_discas",
        ]
        why = (
            "Use DD Form 1917, at least once a year with your performance appraisal; plan training five "
            "years ahead with the coming year in detail, tied to your current job, the assignments the "
            "ACTEDS plan foresees and your own goals; record your DISCAS registration status."
        )
        items.append(
            StepItem(text="Your DISCAS registration status.", cites=[d.rule("idp_discas").cite])
        )
    else:
        keys = ["idp_tech_clerical", "idp_tech_band", "tech_clerical_training"]
        why = (
            f"For the {ctx.path} career path the IDP follows AR 690-400, chapters 410 and 430, and may "
            "reflect competencies for grades within your current band; training needs are set locally."
        )
    if ctx.pos.supervisory:
        keys.append("dual_track_idp")
        items.append(
            StepItem(
                text="Supervisory and managerial training and developmental activities.",
                cites=[d.rule("dual_track_idp").cite],
            )
        )
    if ctx.cur and ctx.to and ctx.cur != ctx.to:
        keys.append("idp_position_change")
    if ctx.to and any(ctx.to == m.code for g in d.series_groups for m in g.members):
        keys.append("other_career_programs")
        why += " Your training priorities are in the CP-34 ACTEDS plan, which is not among these documents."
    return [
        Step(
            kind="idp",
            title="Write the plan into your IDP (DD Form 1917)"
            if ctx.path.startswith("prof")
            else "Write the plan into your IDP",
            why=why,
            refs=[d.rule(k) for k in keys] + [d.rule("training_agreements")],
            items=items,
        )
    ]
