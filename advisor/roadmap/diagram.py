"""Draw a roadmap as an SVG diagram with matplotlib: positions as boxes, moves as labelled arrows.

Each arrow carries its pin-cite; a move the documents do not describe is a dashed red arrow
saying so. Text stays text in the SVG (searchable, testable). Offline and without Graphviz;
it draws only the roadmap's ``moves`` and plans nothing. ``render_svg`` returns the SVG text;
``write_svg`` is the only function that touches the file system.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.roadmap.models import Move, Roadmap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

BOX_W, BOX_H, STEP = 3.0, 0.62, 1.25  # a ladder: positions top to bottom, labels beside the arrows


def _nodes(moves: list[Move], start: str) -> list[str]:
    """Every position once, in the order the moves reach them."""
    order = [start]
    for m in moves:
        for label in (m.source, m.target):
            if label not in order:
                order.append(label)
    return order


def render_svg(roadmap: Roadmap) -> str:
    """The roadmap's moves as an SVG document (UTF-8 text); each pin-cite is one text line."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "advisor-roadmap", "font.size": 8}):
        fig = figure(roadmap)
        FigureCanvasSVG(fig)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def figure(roadmap: Roadmap) -> Figure:
    """The matplotlib figure of the roadmap (no canvas attached; the caller picks the format)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    moves = roadmap.moves
    start = moves[0].source if moves else roadmap.summary.split(" → ")[0]
    nodes = _nodes(moves, start)
    y = {label: -i * STEP for i, label in enumerate(nodes)}
    fig = Figure(figsize=(7.5, 1.0 + 0.85 * len(nodes)))
    ax = fig.add_axes((0.01, 0.01, 0.98, 0.98 - 0.5 / (1.0 + 0.85 * len(nodes))))
    ax.set_axis_off()
    ax.set_xlim(-BOX_W / 2 - 0.2, 7.6)
    ax.set_ylim(-(len(nodes) - 1) * STEP - 0.5, 0.5)
    for label, top in y.items():
        bad = any(m.target == label and not m.supported for m in moves)
        ax.add_patch(
            FancyBboxPatch(
                (-BOX_W / 2, top - BOX_H / 2),
                BOX_W,
                BOX_H,
                boxstyle="round,pad=0.04",
                facecolor="#fde2e2" if bad else "#e8f0fe",
                edgecolor="#b3261e" if bad else "#1a4fa0",
                linestyle="--" if bad else "-",
            )
        )
        ax.text(0, top, label, ha="center", va="center", fontsize=8.5)
    for i, m in enumerate(moves):
        color = "#1a4fa0" if m.supported else "#b3261e"
        y0, y1 = y[m.source], y[m.target]
        x = 0.0 if abs(y0 - y1) <= STEP + 1e-6 else -BOX_W / 2 + 0.15 + 0.1 * (i % 3)
        ax.add_patch(
            FancyArrowPatch(
                (x, y0 - BOX_H / 2 - 0.02),
                (x, y1 + BOX_H / 2 + 0.02),
                arrowstyle="-|>",
                mutation_scale=12,
                color=color,
                linewidth=1.2,
                linestyle="-" if m.supported else "--",
            )
        )
        ax.text(0.25, (y0 + y1) / 2, m.label, ha="left", va="center", fontsize=7.5, color=color)
    fig.suptitle(roadmap.summary, fontsize=9, x=0.01, ha="left")
    return fig


def write_svg(roadmap: Roadmap, path: Path) -> Path:
    """Write ``render_svg(roadmap)`` to ``path`` and return it."""
    path.write_text(render_svg(roadmap), encoding="utf-8")
    return path
