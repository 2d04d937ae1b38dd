"""The checklist of AR 690-13 para 1-6 as a row: is a position covered by CIPMS?

"Eligible" means covered. Coverage runs by series: 0132/0134 always (1-6a(1)); 0080/0086
when at least 51% of the duties are intelligence-related (1-6a(2)); 1710/1712/1702 in an
organization with an intelligence mission needing intelligence-related KSAs (1-6a(3));
two-grade-interval scientific and technical positions of the 400/800/1300/1500 groups in an
intelligence function (1-6a(4)); any other nonclerical position filled under Schedule A
213.3106(d)(1) or (2) (1-6a(5)). National Guard technicians, nonappropriated fund and local
national employees are excluded (1-6d); while the question does not say, the ordinary case (not
excluded) is assumed and the result says so. Each route is a criterion shown only for its series;
``coverage_verdict`` and ``coverage_rule`` combine them. The checklist is indicative: local
functional management and the CPO identify covered positions (1-6b). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from advisor.calculators.base import CalculatorError, Context, Rule, ar_rule
from advisor.calculators.checklist_engine import (
    ELIGIBLE,
    NEED_INFO,
    NOT_ELIGIBLE,
    Checklist,
    Criterion,
    Decided,
    Input,
    Outcome,
    all_yes,
    every,
    given,
    no,
    status,
)

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


def series_number(text: str) -> int:
    """132 for 'GS-0132', 'GS/GM-132', '0132 series'; CalculatorError if no series is there."""
    m = re.search(r"\d{2,4}", text)
    if m is None:
        raise CalculatorError(
            f"{text!r} is not an occupational series: give 2-4 digits, e.g. 0132."
        )
    return int(m.group())


def in_series(*numbers: int, groups: tuple[int, ...] = ()) -> Callable[[Mapping[str, Any]], bool]:
    """Shows a route for the given series, or any series of the given hundreds groups."""

    def applies(values: Mapping[str, Any]) -> bool:
        if values["series"] is None:
            return False
        n = series_number(values["series"])
        return n in numbers or n // 100 in groups

    return applies


def _series_unknown(values: Mapping[str, Any]) -> bool:
    return values["series"] is None


def _label(text: str) -> str:
    return f"GS-{series_number(text):04d}"


def listed(_: Context, series_given: str) -> Outcome:
    """1-6a(1): the series alone covers the position."""
    return "met", _label(series_given)


def intelligence_share(_: Context, percent: Decimal | None, series_given: str) -> Outcome:
    """1-6a(2): at least 51 percent of the duties intelligence-related."""
    if percent is not None and not 0 <= percent <= 100:
        raise CalculatorError(
            f"The intelligence-related share must be 0 to 100 percent; got {percent}."
        )
    if percent is None:
        return "unknown", _label(series_given)
    found = f"{_label(series_given)}, {percent}% intelligence-related"
    return status(percent >= 51), found


def in_series_with(_: Context, *values: Any) -> Outcome:
    """1-6a(3), (4): the series and every condition the route adds (the series read last)."""
    *conditions, series_given = values
    return status(every(conditions)), _label(series_given)


_NOT_ROUTES = ("series", "not_excluded")


def coverage_verdict(decided: Sequence[Decided]) -> str:
    """1-6d decides whatever the series; otherwise covered when a route of 1-6a is met and no
    exclusion applies, not covered when every route shown is not met."""
    excluded = next(d.status for d in decided if d.criterion.id == "not_excluded")
    routes = [d.status for d in decided if d.criterion.id not in _NOT_ROUTES]
    if excluded == "not met" or (routes and all(s == "not met" for s in routes)):
        return NOT_ELIGIBLE
    return ELIGIBLE if "met" in routes and excluded == "met" else NEED_INFO


def coverage_rule(decided: Sequence[Decided]) -> Rule:
    """1-6d when it excludes; else the rule of the series route shown; else 1-6a."""
    if any(d.criterion.id == "not_excluded" and d.status == "not met" for d in decided):
        return EXCLUDED_RULE
    return next((d.criterion.rule for d in decided if d.criterion.rule), COVERAGE_RULE)


_ORG, _KSAS = "intelligence_mission_organization", "requires_intelligence_ksas"
_ROUTES = ("series_0132_0134", "security_51_percent", "training_intel_mission",
           "scientific_technical")

CIPMS_COVERAGE = Checklist(
    name="cipms_coverage",
    title="Is the position covered by CIPMS?",
    rule=COVERAGE_RULE,
    extra_rules=(SERIES_RULE, SECURITY_RULE, TRAINING_RULE, SCIENCE_RULE, OTHER_RULE,
                 EXCLUDED_RULE),
    inputs=(
        Input("series", str, "Occupational series, e.g. '0132', 'GS-1710'."),
        Input("intelligence_duties_percent", Decimal,
              "For 0080/0086: share of duties that are intelligence-related, 0-100."),
        Input(_ORG, bool, "Is the position in an organization (component) performing an "
              "intelligence mission?"),
        Input(_KSAS, bool, "For 1710/1712/1702: does it require intelligence-related KSAs?"),
        Input("scientific_technical_intelligence", bool, "For 400/800/1300/1500 groups: a "
              "scientific/technical position engaged in targeting or the engineering, physical "
              "or technical sciences in an intelligence function?"),
        Input("two_grade_interval", bool, "Classified in a two-grade interval series?"),
        Input("schedule_a_213_3106d", bool, "Filled under Schedule A 213.3106(d)(1) or (2)?"),
        Input("nonclerical", bool, "Is the position nonclerical?"),
        Input("excluded_category", bool, "Is the employee a National Guard technician, "
              "nonappropriated fund or local national employee?"),
    ),
    criteria=(
        Criterion(id="series", section="1-6a", needs=("series",), test=given,
                  when=_series_unknown, text="The position's occupational series is known",
                  ask="What is the position's occupational series (e.g. 0132)?"),
        Criterion(id="series_0132_0134", section="1-6a(1)", needs=(), reads=("series",),
                  test=listed, when=in_series(132, 134), rule=SERIES_RULE,
                  text="A GS/GM-0132 or GS-0134 position"),
        Criterion(id="security_51_percent", section="1-6a(2)",
                  needs=("intelligence_duties_percent",), reads=("series",),
                  test=intelligence_share, when=in_series(80, 86), rule=SECURITY_RULE,
                  text="A GS/GM-0080 or GS-0086 position whose duties are at least 51 percent "
                       "intelligence-related",
                  ask="What share of the position's duties is intelligence-related (at least "
                      "51 percent needed)?"),
        Criterion(id="training_intel_mission", section="1-6a(3)", needs=(_ORG, _KSAS),
                  reads=("series",), test=in_series_with, when=in_series(1710, 1712, 1702),
                  rule=TRAINING_RULE,
                  text="A GS/GM-1710, 1712 or 1702 position in an organization performing an "
                       "intelligence mission that requires intelligence-related KSAs",
                  ask="Is the position in an organization performing an intelligence mission, "
                      "and does it require intelligence-related knowledge, skills and "
                      "abilities?"),
        Criterion(id="scientific_technical", section="1-6a(4)",
                  needs=("scientific_technical_intelligence", "two_grade_interval", _ORG),
                  reads=("series",), test=in_series_with, when=in_series(groups=(4, 8, 13, 15)),
                  rule=SCIENCE_RULE,
                  text="A two-grade interval scientific or technical position (400/800/1300/1500 "
                       "groups) in targeting or the engineering, physical or technical sciences "
                       "in an intelligence function, assigned to a component performing an "
                       "intelligence mission",
                  ask="Is it a two-grade interval scientific or technical position engaged in "
                      "targeting or the engineering, physical or technical sciences in an "
                      "intelligence function, in a component performing an intelligence "
                      "mission?"),
        Criterion(id="schedule_a", section="1-6a(5)",
                  needs=("nonclerical", "schedule_a_213_3106d"), test=all_yes,
                  unless_met=_ROUTES,
                  text="Otherwise: a nonclerical position filled under Schedule A "
                       "213.3106(d)(1) or (2)",
                  ask="Is the position nonclerical and filled under Schedule A, section "
                      "213.3106(d)(1) or (2)?"),
        Criterion(id="not_excluded", section="1-6d", needs=("excluded_category",), test=no,
                  text="Not a National Guard technician, nonappropriated fund or local national "
                       "employee",
                  presume="the employee is not a National Guard technician, nonappropriated fund "
                          "or local national employee",
                  ask="Is the employee a National Guard technician, a nonappropriated fund "
                      "employee or a local national employee?"),
    ),
    verdict=coverage_verdict,
    rule_of=coverage_rule,
    meaning=("the position is covered by CIPMS", "the position is not covered"),
    note=("Any one route of 1-6a(1)-(5) suffices. Coverage is decided by local functional "
           "management with the CPO, not by the incumbent's wishes (para 1-6b)."),
)
