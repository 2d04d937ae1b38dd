"""Checklist of AR 690-13 para 1-6: is a position covered by CIPMS?

"Eligible" means covered. Coverage runs by series: 0132/0134 always (1-6a(1)); 0080/0086
when at least 51% of the duties are intelligence-related (1-6a(2)); 1710/1712/1702 in an
organization with an intelligence mission needing intelligence-related KSAs (1-6a(3));
two-grade-interval scientific and technical positions of the 400/800/1300/1500 groups in an
intelligence function (1-6a(4)); any other nonclerical position filled under Schedule A
213.3106(d)(1) or (2) (1-6a(5)). National Guard technicians, nonappropriated fund and local
national employees are excluded (1-6d). The checklist is indicative: local functional
management and the CPO identify covered positions (1-6b). No I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, CalculatorError, Context, Rule, ar_rule
from advisor.calculators.eligibility_common import (
    ELIGIBLE,
    NEED_INFO,
    NOT_ELIGIBLE,
    checklist,
    criterion,
    status,
)
from advisor.calculators.fact_access import any_of, flag, series
from advisor.calculators.facts import Facts
from advisor.models import Calculation

COVERAGE_RULE = ar_rule("1-6a", "Initial coverage in the Army will include the following:")
SERIES_RULE = ar_rule("1-6a(1)", "All positions in GS/GM-132- or GS-134 series.")
SECURITY_RULE = ar_rule(
    "1-6a(2)",
    "All positions in GS/GM-080- or GS-086-series, the duties of which are predominantly (at "
    "least 51 percent) intelligence-related.",
)
TRAINING_RULE = ar_rule(
    "1-6a(3)",
    "All positions in GS/GM-1710-, GS/GM-1712-, or GS/GM-1702-series, which are located in an "
    "organization performing an intelligence mission and which require intelligence-related "
    "knowledge skills, abilities (KSAs).",
)
SCIENCE_RULE = ar_rule(
    "1-6a(4)",
    "All scientific and technical positions engaged in targeting and/or the engineering physical "
    "or technical sciences in an intelligence function, which are assigned to an organizational "
    "component performing an intelligence mission. These positions are classified in two-grade "
    "interval series in the GS/GM-400-, GS/GM-800-, GS/GM-1300-, or GS/GM-1500-occupational "
    "groups.",
)
OTHER_RULE = ar_rule(
    "1-6a(5)",
    "All other nonclerical positions filled under the excepted service appointing authority of "
    "Schedule A, section 213.3106(d)(1) or (2).",
)
EXCLUDED_RULE = ar_rule(
    "1-6d",
    "National guard technicians, nonappropriated fund, and local national employees are excluded.",
)


class CoverageInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    series: str | None = Field(
        default=None, description="Occupational series, e.g. '0132', 'GS-1710'."
    )
    intelligence_duties_percent: Decimal | None = Field(
        default=None,
        description="For 0080/0086: share of duties that are intelligence-related, 0-100.",
    )
    intelligence_mission_organization: bool | None = Field(
        default=None,
        description="Is the position in an organization (component) performing an intelligence mission?",
    )
    requires_intelligence_ksas: bool | None = Field(
        default=None, description="For 1710/1712/1702: does it require intelligence-related KSAs?"
    )
    scientific_technical_intelligence: bool | None = Field(
        default=None,
        description="For 400/800/1300/1500 groups: a scientific/technical position engaged in "
        "targeting or the engineering, physical or technical sciences in an intelligence function?",
    )
    two_grade_interval: bool | None = Field(
        default=None, description="Classified in a two-grade interval series?"
    )
    schedule_a_213_3106d: bool | None = Field(
        default=None, description="Filled under Schedule A 213.3106(d)(1) or (2)?"
    )
    nonclerical: bool | None = Field(default=None, description="Is the position nonclerical?")
    excluded_category: bool | None = Field(
        default=None,
        description="Is the employee a National Guard technician, nonappropriated fund or local "
        "national employee?",
    )


def series_number(text: str) -> int:
    """132 for 'GS-0132', 'GS/GM-132', '0132 series'; CalculatorError if no series is there."""
    m = re.search(r"\d{2,4}", text)
    if m is None:
        raise CalculatorError(
            f"{text!r} is not an occupational series: give 2-4 digits, e.g. 0132."
        )
    return int(m.group())


def _both(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    return True if a and b else None


def _series_route(n: int, i: CoverageInputs) -> tuple[Rule, dict[str, Any]] | None:
    """The 1-6a(1)-(4) route for series ``n``, or None when the series is not listed."""
    label = f"GS-{n:04d}"
    if n in (132, 134):
        return SERIES_RULE, criterion(
            "series_0132_0134", "1-6a(1)", "A GS/GM-0132 or GS-0134 position", "met", "", label
        )
    if n in (80, 86):
        pct = i.intelligence_duties_percent
        if pct is not None and not 0 <= pct <= 100:
            raise CalculatorError(
                f"The intelligence-related share must be 0 to 100 percent; got {pct}."
            )
        return SECURITY_RULE, criterion(
            "security_51_percent",
            "1-6a(2)",
            "A GS/GM-0080 or GS-0086 position whose duties are at least 51 percent intelligence-related",
            "unknown" if pct is None else status(pct >= 51),
            "What share of the position's duties is intelligence-related (at least 51 percent needed)?",
            f"{label}" + (f", {pct}% intelligence-related" if pct is not None else ""),
        )
    if n in (1710, 1712, 1702):
        return TRAINING_RULE, criterion(
            "training_intel_mission",
            "1-6a(3)",
            "A GS/GM-1710, 1712 or 1702 position in an organization performing an intelligence "
            "mission that requires intelligence-related KSAs",
            status(_both(i.intelligence_mission_organization, i.requires_intelligence_ksas)),
            "Is the position in an organization performing an intelligence mission, and does it "
            "require intelligence-related knowledge, skills and abilities?",
            label,
        )
    if n // 100 in (4, 8, 13, 15):
        return SCIENCE_RULE, criterion(
            "scientific_technical",
            "1-6a(4)",
            "A two-grade interval scientific or technical position (400/800/1300/1500 groups) in "
            "targeting or the engineering, physical or technical sciences in an intelligence "
            "function, assigned to a component performing an intelligence mission",
            status(
                _both(
                    _both(i.scientific_technical_intelligence, i.two_grade_interval),
                    i.intelligence_mission_organization,
                )
            ),
            "Is it a two-grade interval scientific or technical position engaged in targeting or "
            "the engineering, physical or technical sciences in an intelligence function, in a "
            "component performing an intelligence mission?",
            label,
        )
    return None


def cipms_coverage(inputs: CoverageInputs, context: Context) -> Calculation:
    """Checklist of para 1-6: "eligible" means the position is covered by CIPMS.

    Args:
        inputs: The series and what is known about the position; omitted facts are questions.
        context: Unused; part of the calculator signature.
    """
    rows: list[dict[str, Any]] = []
    rule = COVERAGE_RULE
    route = None
    if inputs.series is None:
        rows.append(
            criterion(
                "series",
                "1-6a",
                "The position's occupational series is known",
                "unknown",
                "What is the position's occupational series (e.g. 0132)?",
            )
        )
    else:
        route = _series_route(series_number(inputs.series), inputs)
        if route is not None:
            rule, row = route
            rows.append(row)
    if route is None or route[1]["status"] != "met":
        rows.append(
            criterion(
                "schedule_a",
                "1-6a(5)",
                "Otherwise: a nonclerical position filled under Schedule A 213.3106(d)(1) or (2)",
                status(_both(inputs.nonclerical, inputs.schedule_a_213_3106d)),
                "Is the position nonclerical and filled under Schedule A, section 213.3106(d)(1) or (2)?",
            )
        )
    rows.append(
        criterion(
            "not_excluded",
            "1-6d",
            "Not a National Guard technician, nonappropriated fund or local national employee",
            status(None if inputs.excluded_category is None else not inputs.excluded_category),
            "Is the employee a National Guard technician, a nonappropriated fund employee or a local "
            "national employee?",
        )
    )
    routes = [r["status"] for r in rows if r["id"] != "not_excluded" and r["id"] != "series"]
    excluded = rows[-1]["status"]
    if excluded == "not met":
        verdict, rule = NOT_ELIGIBLE, EXCLUDED_RULE  # 1-6d decides, whatever the series
    elif routes and all(s == "not met" for s in routes):
        verdict = NOT_ELIGIBLE
    elif "met" in routes and excluded == "met":
        verdict = ELIGIBLE
    else:
        verdict = NEED_INFO
    return checklist(
        "cipms_coverage",
        inputs.model_dump(mode="json"),
        rule,
        rows,
        verdict,
        meaning=("the position is covered by CIPMS", "the position is not covered"),
        notes=[
            (
                "Any one route of 1-6a(1)-(5) suffices. Coverage is decided by local functional "
                "management with the CPO, not by the incumbent's wishes (para 1-6b)."
            )
        ],
    )


def _coverage_from_facts(facts: Facts, question: str) -> CoverageInputs:
    return CoverageInputs(
        series=series(facts),
        intelligence_mission_organization=flag(facts, "intelligence_mission_org"),
        requires_intelligence_ksas=flag(facts, "requires_intelligence_ksas"),
        excluded_category=any_of(
            facts, "local_national", "guard_technician", "nonappropriated_fund"
        ),
    )


CIPMS_COVERAGE = Calculator(
    name="cipms_coverage",
    title="Is the position covered by CIPMS?",
    kind="eligibility",
    rule=COVERAGE_RULE,
    inputs=CoverageInputs,
    run=cipms_coverage,
    triggers=(
        r"(covered|coverage).*\bcipms\b|\bcipms\b.*(cover|position)",
        r"(series|0132|0134|0080|0086|1710|1712|1702).*\b(cipms|covered)\b",
    ),
    from_facts=_coverage_from_facts,
    extra_rules=(
        SERIES_RULE,
        SECURITY_RULE,
        TRAINING_RULE,
        SCIENCE_RULE,
        OTHER_RULE,
        EXCLUDED_RULE,
    ),
)
