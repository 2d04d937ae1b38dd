"""The ``advisor roadmap`` subcommand's arguments and action (wired in ``advisor/cli.py``).

Reads the options into a Position and Target, plans, prints Markdown or JSON, and writes the
SVG diagram when asked. Presentation only; every rule is in ``planner``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from advisor.roadmap.models import ROLES, Position, Target


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from-series", help="current series, e.g. 0335")
    p.add_argument("--from-grade", type=int, help="current GS grade, e.g. 7")
    p.add_argument("--to-role", help=f"target role: {', '.join(ROLES)}")
    p.add_argument("--to-series", help="target series, e.g. 2210")
    p.add_argument("--to-grade", type=int, help="target GS grade, e.g. 15")
    p.add_argument("--next-band", action="store_true", help="aim for the next CIPMS grade band")
    p.add_argument("--supervisory", action="store_true", help="the current position is supervisory")
    p.add_argument(
        "--cipms", action="store_true", help="the current position is CIPMS-covered (AR 690-13)"
    )
    p.add_argument("--json", action="store_true", help="print the Roadmap JSON")
    p.add_argument("--svg", metavar="FILE", help="also draw the roadmap as an SVG diagram")


def run(args: argparse.Namespace) -> int:
    from advisor.roadmap.diagram import write_svg
    from advisor.roadmap.planner import plan
    from advisor.roadmap.render import render_markdown

    current = Position(
        series=args.from_series,
        grade=args.from_grade,
        supervisory=args.supervisory or None,
        cipms=args.cipms or None,
    )
    target = Target(
        series=args.to_series, grade=args.to_grade, role=args.to_role, next_band=args.next_band
    )
    roadmap = plan(current, target)
    print(roadmap.model_dump_json(indent=2) if args.json else render_markdown(roadmap))
    if args.svg:
        print(f"wrote {write_svg(roadmap, Path(args.svg))}", file=sys.stderr)
    return 0
