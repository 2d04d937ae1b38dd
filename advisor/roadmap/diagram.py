"""Draw a roadmap as an SVG diagram with matplotlib: positions as boxes, moves as labelled arrows.

Each arrow carries its pin-cite; a move the documents do not describe is a dashed red arrow
saying so. Drawn narrow with wrapped labels, so it fits a phone's column at a readable size
(text 12 px and up). Text stays text in the SVG (searchable, testable). Offline, no Graphviz;
it draws only the roadmap's ``moves`` and plans nothing. ``render_svg`` returns the SVG text;
``write_svg`` is the only function that touches the file system.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.roadmap.models import Move, Roadmap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Sized to be read where it is shown: 336 px wide at its natural size (a phone's column), with
# text of 10 pt (13.3 px; still 12.9 px on a 390 px phone); labels wrap instead of being cut off.
WIDTH_PT = 252.0
MARGIN = 6.0
BOX_H = 28.0
LINE = 13.0  # points between wrapped lines
FONT_BOX, FONT_LABEL, FONT_TITLE = 10.0, 10.0, 10.5
WRAP_BOX, WRAP_LABEL, WRAP_TITLE = 32, 32, 36  # characters per line at those sizes


def _nodes(moves: list[Move], start: str) -> list[str]:
    """Every position once, in the order the moves reach them."""
    order = [start]
    for m in moves:
        for label in (m.source, m.target):
            if label not in order:
                order.append(label)
    return order


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken after "; " and then between words."""
    lines: list[str] = []
    for part in text.split("; "):
        lines += textwrap.wrap(part, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    return lines


def render_svg(roadmap: Roadmap) -> str:
    """The roadmap's moves as an SVG document (UTF-8 text); each pin-cite is text in it."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "advisor-roadmap", "font.size": FONT_LABEL}):
        fig = figure(roadmap)
        FigureCanvasSVG(fig)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def figure(roadmap: Roadmap) -> Figure:
    """The matplotlib figure of the roadmap (no canvas attached; the caller picks the format).

    A ladder: the title, then each position as a box, and between two boxes the arrow of the
    move with its pin-cites beside it. One data unit is one point, so sizes are what is drawn.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    moves = roadmap.moves
    start = moves[0].source if moves else roadmap.summary.split(" → ")[0]
    nodes = _nodes(moves, start)
    title = textwrap.wrap(roadmap.summary, width=WRAP_TITLE, break_on_hyphens=False)
    after = {label: [m for m in moves if m.source == label] for label in nodes}
    gaps = [max(2, sum(len(_wrap(_label(m, nodes), WRAP_LABEL)) for m in after[label]) + 1) * LINE
            for label in nodes[:-1]]
    height = MARGIN * 2 + len(title) * LINE + 6 + len(nodes) * BOX_H + sum(gaps)
    fig = Figure(figsize=(WIDTH_PT / 72, height / 72))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, WIDTH_PT)
    ax.set_ylim(-height, 0)
    y = -MARGIN
    for line in title:
        ax.text(MARGIN, y, line, ha="left", va="top", fontsize=FONT_TITLE, fontweight="bold")
        y -= LINE
    y -= 6
    tops: dict[str, float] = {}
    for n, label in enumerate(nodes):
        tops[label] = y
        bad = any(m.target == label and not m.supported for m in moves)
        ax.add_patch(FancyBboxPatch(
            (MARGIN + 2, y - BOX_H + 2), WIDTH_PT - 2 * MARGIN - 4, BOX_H - 4, boxstyle="round,pad=2",
            facecolor="#fde2e2" if bad else "#e8f0fe", edgecolor="#b3261e" if bad else "#1a4fa0",
            linestyle="--" if bad else "-", linewidth=1.0,
        ))
        ax.text(WIDTH_PT / 2, y - BOX_H / 2, "\n".join(_wrap(label, WRAP_BOX)[:2]), ha="center",
                va="center", fontsize=FONT_BOX)
        y -= BOX_H
        if n < len(gaps):
            _gap(ax, after[label], nodes, y, gaps[n], FancyArrowPatch)
            y -= gaps[n]
    return fig


def _label(move: Move, nodes: list[str]) -> str:
    """A move's label; a move that skips a rung names where it goes."""
    follows = nodes.index(move.target) == nodes.index(move.source) + 1
    return move.label if follows else f"to {move.target}: {move.label}"


def _gap(ax: object, moves: list[Move], nodes: list[str], top: float, gap: float, arrow: type) -> None:
    """The arrow down through one gap between boxes, and the labels of the moves leaving above it."""
    x = MARGIN + 22
    supported = all(m.supported for m in moves) if moves else True
    color = "#1a4fa0" if supported else "#b3261e"
    ax.add_patch(arrow((x, top - 1), (x, top - gap + 1), arrowstyle="-|>", mutation_scale=10,  # type: ignore[attr-defined]
                       color=color, linewidth=1.2, linestyle="-" if supported else "--"))
    y = top - LINE * 0.6
    for m in moves:
        for line in _wrap(_label(m, nodes), WRAP_LABEL):
            ax.text(x + 10, y, line, ha="left", va="top", fontsize=FONT_LABEL,  # type: ignore[attr-defined]
                    color="#1a4fa0" if m.supported else "#b3261e")
            y -= LINE


def write_svg(roadmap: Roadmap, path: Path) -> Path:
    """Write ``render_svg(roadmap)`` to ``path`` and return it."""
    path.write_text(render_svg(roadmap), encoding="utf-8")
    return path
