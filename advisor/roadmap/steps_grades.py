"""Roadmap steps for grades: CIPMS grade bands (AR 690-13) or a plain statement that none apply.

Inside a band a promotion may be a noncompetitive grade band promotion (para 4-11c); crossing
into the next band needs the present band's mandatory competencies (paras 4-10b, 5-2c). The
Band 2/3 boundary carries the provenance of the note beside Figure 3-1. Outside CIPMS the
documents set no promotion rule, and the step says so. No series or training steps here.
"""

from __future__ import annotations

from advisor.roadmap.context import Ctx
from advisor.roadmap.models import Move, Step, plain_refs
from advisor.roadmap.schema import GradeBand, Sourced


def band_name(ctx: Ctx, band: GradeBand) -> str:
    level = ctx.path_levels().get(band.band, "").rstrip("*")
    return f"Band {band.band} (GS {min(band.grades)}–{max(band.grades)}{', ' + level if level else ''})"


def _band_refs(band: GradeBand) -> list[Sourced]:
    return plain_refs(Sourced(cite=band.cite, quote=band.quote), band.boundary)


def _provenance(bands: list[GradeBand]) -> str:
    if all(b.from_figure for b in bands):
        return ""
    return (
        " (Figure 3-1's extraction lost the Band 2/3 boundary; GS 5–9 and 10–13 come from the note "
        "beside the figure, which cites Army CPOL and a 1992 HQDA memo, not from the figure itself.)"
    )


def grade_steps(
    ctx: Ctx, lo: int, hi: int, series: str | None, role: str | None = None
) -> list[Step]:
    """Grades lo -> hi: CIPMS band rules, or a plain statement that the documents set none."""
    if hi <= lo:
        return []
    if ctx.cipms:
        return _band_steps(ctx, lo, hi, series, role)
    d = ctx.data
    a, z = ctx.label(series, lo, role), ctx.label(series, hi, role)
    if ctx.pm and lo >= 13:
        why = (
            "The guide describes IT program management at GS-13, GS-14 and GS-15 and the competencies "
            "critical at each (below); it sets no promotion rule between them."
        )
        refs = [d.rule(f"gs{g}_table") for g in (14, 15) if lo < g <= hi]
        move = Move(source=a, target=z, label="; ".join(r.cite for r in refs))
        return [
            Step(
                kind="grade",
                title=f"Progress from GS-{lo} to GS-{hi} as an IT program manager",
                why=why,
                refs=refs,
                move=move,
            )
        ]
    why = "You did not say your position is CIPMS-covered. " if ctx.pos.cipms is None else ""
    why += (
        "AR 690-13's grade bands and promotion rules are CIPMS rules, and the OPM guide and CP-34 set no "
        "promotion rules, so the documents do not describe the steps between these grades."
    )
    refs = [d.rule("band_paths")]
    if series == "2210":
        why += (
            " The guide quotes the GS-2210 standard as covering “two-grade interval administrative"
            " positions”."
        )
        refs.append(d.rule("two_grade_interval"))
    move = Move(
        source=a, target=z, label="no promotion rule in the documents (not CIPMS)", supported=False
    )
    return [
        Step(kind="grade", title=f"Progress from GS-{lo} to GS-{hi}", why=why, refs=refs, move=move)
    ]


def _band_steps(ctx: Ctx, lo: int, hi: int, series: str | None, role: str | None) -> list[Step]:
    d = ctx.data
    seq = [b for b in d.grade_bands if ctx.band(lo).band <= b.band <= ctx.band(hi).band]
    steps: list[Step] = []
    for i, band in enumerate(seq):
        a = lo if i == 0 else min(band.grades)
        z = hi if i == len(seq) - 1 else max(band.grades)
        if band.band not in ctx.path_levels():
            steps.append(
                Step(
                    kind="unsupported",
                    title=f"Figure 3-1 gives the {ctx.path} career path no Band {band.band}",
                    why="The figure shows that career path ending in a lower "
                    "band; AR 690-13 asks managers to build bridge positions between clerical, "
                    "technician and professional-administrative work." + _provenance([band]),
                    refs=_band_refs(band) + [d.rule("bridge_positions")],
                )
            )
            break
        if z > a:
            steps.append(_within(ctx, band, a, z, series, role))
        if i < len(seq) - 1:
            steps.append(_crossing(ctx, band, seq[i + 1], series, role))
    if hi > 15:
        steps[-1].refs = [*steps[-1].refs, d.rule("above_gs15")]
        steps[
            -1
        ].why += (
            " Policy for classifying positions above GS-15 was still under development in 1990."
        )
    return steps


def _within(
    ctx: Ctx, band: GradeBand, a: int, z: int, series: str | None, role: str | None
) -> Step:
    d = ctx.data
    why = (
        "A promotion to a higher grade inside your current band can be noncompetitive when it is within "
        "your line of work and the same servicing CPO; it cannot take you from a nonsupervisory to a "
        "supervisory position. No OPM time-in-grade restriction applies, and CIPMS neither requires nor "
        "guarantees promotion at any set time." + _provenance([band])
    )
    keys = [
        "band_promotion",
        "same_line_of_work",
        "band_promotion_not_supervisory",
        "no_time_in_grade",
        "no_guarantee",
        "ladder_progression",
    ]
    if ctx.path.startswith("professional"):
        keys.append("discas_band_promotion")
    move = Move(
        source=ctx.label(series, a, role),
        target=ctx.label(series, z, role),
        label=d.rule(keys[0]).cite,
    )
    return Step(
        kind="band",
        title=f"Grade band promotion within {band_name(ctx, band)}: GS-{a} to GS-{z}",
        why=why,
        refs=[d.rule(k) for k in keys] + _band_refs(band),
        move=move,
    )


def _crossing(
    ctx: Ctx, band: GradeBand, nxt: GradeBand, series: str | None, role: str | None
) -> Step:
    d = ctx.data
    why = (
        "Attainment of every mandatory competency of your present band is considered before any "
        "promotion to the next band. Competencies may come from ACTEDS courses, on-the-job training, "
        "previous experience or another equivalent source, and you and your supervisor work on them "
        "together. The ACTEDS plan that lists them is not among these documents. A move into the next "
        "band is not a grade band promotion (para 4-11c covers grades within your current band only). You "
        "must also meet the minimum qualification standard of the new position, save as para 4-19d allows."
        + _provenance([band, nxt])
    )
    keys = [
        "band_competencies",
        "present_band_competencies",
        "competencies_how",
        "work_together",
        "min_qualifications",
        "no_time_in_grade",
    ]
    move = Move(
        source=ctx.label(series, max(band.grades), role),
        target=ctx.label(series, min(nxt.grades), role),
        label=f"{d.rule(keys[0]).cite}; {d.rule(keys[1]).cite}",
    )
    return Step(
        kind="band",
        title=f"Attain all mandatory competencies of {band_name(ctx, band)} before "
        f"promotion into {band_name(ctx, nxt)}",
        why=why,
        refs=[d.rule(k) for k in keys] + _band_refs(band) + _band_refs(nxt)[1:],
        move=move,
    )
