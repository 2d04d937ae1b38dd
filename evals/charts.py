"""The report's figures as PNG files (matplotlib, Agg backend, no display needed).

Each function takes already-computed scores and a path; none computes a metric.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # the backend must be chosen first

from evals.metrics import RECALL_KS


def pass_rates_by_kind(scores: dict[str, dict[str, Any]], path: Path) -> None:
    """Grouped bars: one group per case kind, one bar per system."""
    kinds = list(dict.fromkeys(k for s in scores.values() for k in s["per_kind"]))
    width = 0.8 / max(1, len(scores))
    fig, ax = plt.subplots(figsize=(9, 4))
    for n, (system, score) in enumerate(scores.items()):
        rates = [(score["per_kind"].get(k) or {}).get("rate") or 0.0 for k in kinds]
        ax.bar([i + n * width for i in range(len(kinds))], rates, width, label=system)
    ax.set_xticks([i + width * (len(scores) - 1) / 2 for i in range(len(kinds))])
    ax.set_xticklabels(kinds, rotation=20)
    ax.set_ylim(0, 1)
    ax.set_ylabel("pass rate")
    ax.set_title("Cases passed, by kind")
    ax.legend(fontsize=8)
    _save(fig, path)


def recall_curves(scores: dict[str, dict[str, Any]], path: Path) -> None:
    """recall@k for k = 1, 3, 5, 10, one line per system."""
    fig, ax = plt.subplots(figsize=(6, 4))
    for system, score in scores.items():
        ys = [score["metrics"].get(f"recall@{k}") for k in RECALL_KS]
        if any(y is not None for y in ys):
            ax.plot(RECALL_KS, [y or 0.0 for y in ys], marker="o", label=system)
    ax.set_xticks(RECALL_KS)
    ax.set_ylim(0, 1)
    ax.set_xlabel("k (retrieved chunks)")
    ax.set_ylabel("recall@k of gold sections")
    ax.set_title("Retrieval recall")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)
    _save(fig, path)


def latency_histogram(latencies: dict[str, list[float]], path: Path) -> None:
    """Per-case wall-clock latency, one histogram per system (log-spaced bins)."""
    fig, ax = plt.subplots(figsize=(7, 4))
    values = [v for vs in latencies.values() for v in vs if v > 0]
    if values:
        lo, hi = max(min(values), 0.1), max(values)
        bins = [lo * (hi / lo) ** (i / 30) for i in range(31)] if hi > lo else 10
        for system, vs in latencies.items():
            ax.hist([v for v in vs if v > 0], bins=bins, alpha=0.5, label=system)
        ax.set_xscale("log")
    ax.set_xlabel("latency per case (ms, log scale)")
    ax.set_ylabel("cases")
    ax.set_title("Latency")
    ax.legend(fontsize=8)
    _save(fig, path)


def refusal_matrix(confusion: dict[str, Any], path: Path, system: str = "advisor") -> None:
    """2x2 matrix: expected refuse/answer against what the system did."""
    cells = [[confusion["tp"], confusion["fn"]], [confusion["fp"], confusion["tn"]]]
    fig, ax = plt.subplots(figsize=(4, 3.5))
    ax.imshow(cells, cmap="Blues")
    for i in range(2):
        for j in range(2):
            ax.text(j, i, str(cells[i][j]), ha="center", va="center", fontsize=14)
    ax.set_xticks([0, 1], ["refused", "answered"])
    ax.set_yticks([0, 1], ["should refuse", "should answer"])
    ax.set_title(f"Refusals ({system})")
    _save(fig, path)


def _save(fig: Any, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
