"""The benchmark's report: Markdown tables (with the machine load beside each timing) and a chart.

``markdown(result)`` turns the JSON ``evals/bench.py`` collects into the report text, the
targets first; ``chart(result, path)`` draws per-kind latencies and answers/s as one PNG.
Numbers are formatted here, never measured.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # the backend must be chosen first

from evals.metrics import percentile

Row = dict[str, Any]


def latency_rows(cases: list[Row]) -> list[Row]:
    """One row per kind (and 'all'): n and cold/warm p50, p95, max in ms."""
    kinds = ["all", *dict.fromkeys(c["kind"] for c in cases)]
    rows = []
    for kind in kinds:
        group = [c for c in cases if kind in ("all", c["kind"]) and not c.get("crashed")]
        row: Row = {"kind": kind, "n": len(group)}
        for phase in ("cold", "warm"):
            values = [c[f"{phase}_ms"] for c in group]
            row[f"{phase}_p50"] = percentile(values, 50)
            row[f"{phase}_p95"] = percentile(values, 95)
            row[f"{phase}_max"] = max(values, default=None)
        rows.append(row)
    return rows


def _n(value: Any, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}" if isinstance(value, (int, float)) else str(value)


def _load(entry: Row) -> str:
    before, after = entry.get("load_before"), entry.get("load_after")
    return f"{before:.2f}→{after:.2f}" if before is not None and after is not None else "—"


def targets(result: Row) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each of the issue's targets that this run measured."""
    out: list[tuple[str, str, bool | None]] = []
    adv = (result.get("latency") or {}).get("advisor")
    if adv:
        extractive = [c for c in adv["cases"] if c.get("writer") == "extractive"]
        cold95 = percentile([c["cold_ms"] for c in extractive], 95)
        warm50 = percentile([c["warm_ms"] for c in extractive], 50)
        out.append(("extractive answers: cold p95 ≤ 100 ms", f"{_n(cold95)} ms", cold95 is not None and cold95 <= 100))
        out.append(("extractive answers: warm p50 ≤ 30 ms", f"{_n(warm50)} ms", warm50 is not None and warm50 <= 30))
    servers = result.get("http") or []
    if servers:
        first = servers[0]["start"]["first_answer_ms"]
        out.append(("first answer after the server reports ready ≤ 1 s", f"{_n(first)} ms", first <= 1000))
        at32 = [level for s in servers for level in s["levels"] if level["clients"] == 32]
        if at32:
            best = max(at32, key=lambda lv: lv["answers_per_s"])
            out.append(("≥ 40 answers/s with 32 clients and 0 errors",
                        f"{best['answers_per_s']}/s, {sum(lv['errors'] for lv in at32)} errors",
                        best["answers_per_s"] >= 40 and all(lv["errors"] == 0 for lv in at32)))
    build = result.get("build")
    if build:
        out.append(("index full build ≤ 30 s", f"{build['full_s']} s", build["full_s"] <= 30))
        out.append(("no-change rebuild ≤ 2 s", f"{build['no_change_s']} s", build["no_change_s"] <= 2))
    return out


def markdown(result: Row) -> str:
    meta = result["meta"]
    lines = [f"# Benchmark {meta['started']}", "",
             (f"Commit `{meta['commit']}`{' (with uncommitted changes)' if meta.get('dirty') else ''} "
              f"on {meta['cpus']} CPUs; `uptime` at start: {meta['uptime']}. "
              "Load columns are the 1-minute load average before→after each measurement."), ""]
    lines += ["## Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t} | {m} | {'yes' if ok else 'no'} |" for t, m, ok in targets(result)]
    for name, lat in (result.get("latency") or {}).items():
        lines += ["", f"## Latency per question: {name} (ms, dev split, load {_load(lat)})", "",
                  "Cold: the first time this process sees the question; warm: the same question again.",
                  "", "| kind | n | cold p50 | cold p95 | cold max | warm p50 | warm p95 | warm max |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in latency_rows(lat["cases"]):
            lines.append(f"| {r['kind']} | {r['n']} | " + " | ".join(
                _n(r[f"{p}_{s}"]) for p in ("cold", "warm") for s in ("p50", "p95", "max")) + " |")
    lines += ["", "## Start-up", "", "| measure | value | load |", "|---|---|---|"]
    for name, lat in (result.get("latency") or {}).items():
        lines.append(f"| {name}: load in a fresh process | {lat['load_s']} s | {_load(lat)} |")
        lines.append(f"| {name}: first answer in that process | {_n(lat['first_answer_ms'])} ms | {_load(lat)} |")
    for s in result.get("http") or []:
        lines.append(f"| server ({s['mode']}): ready after start | {s['start']['ready_s']} s | {_load(s)} |")
        lines.append(f"| server ({s['mode']}): first answer after ready | {_n(s['start']['first_answer_ms'])} ms | {_load(s)} |")
    if result.get("http"):
        lines += ["", "## Answers per second over HTTP (loopback)", "",
                  ("A first sequential pass asks each question once (its p50/p95 are the server's cold "
                   "latencies); then each level sends its requests with that many concurrent clients."), "",
                  "| server | clients | requests | answers/s | p50 ms | p95 ms | errors | load |",
                  "|---|---|---|---|---|---|---|---|"]
        for s in result["http"]:
            cold = s["cold_pass"]
            lines.append(f"| {s['mode']} | 1 (cold pass) | {cold['requests']} | — | {_n(cold['p50_ms'])} | "
                         f"{_n(cold['p95_ms'])} | 0 | {_load(cold)} |")
            for lv in s["levels"]:
                lines.append(f"| {s['mode']} | {lv['clients']} | {lv['requests']} | {lv['answers_per_s']} | "
                             f"{_n(lv['p50_ms'])} | {_n(lv['p95_ms'])} | {lv['errors']} | {_load(lv)} |")
    build = result.get("build")
    if build:
        lines += ["", f"## Index (load {_load(build)})", "", "| measure | seconds |", "|---|---|",
                  f"| full build, empty folder, model loaded ({build['full_chunks']} chunks) | {build['full_s']} |",
                  f"| no-change rebuild (rebuilt: {'yes' if build['no_change_rebuilt'] else 'no'}) | {build['no_change_s']} |",
                  f"| model load before the build | {build['model_load_s']} |",
                  (f"| `advisor index` twice as commands: full, no-change (wall, with imports) | "
                   f"{build.get('cli_full_s', '—')}, {build.get('cli_no_change_s', '—')} |")]
    lines += ["", "## Peak resident memory (MB)", "", "| process | peak RSS |", "|---|---|"]
    for name, lat in (result.get("latency") or {}).items():
        lines.append(f"| {name} (latency run) | {lat['peak_rss_mb']} |")
    for s in result.get("http") or []:
        lines.append(f"| server ({s['mode']}), all processes | {s['peak_rss_mb']} |")
    if build:
        lines.append(f"| index build | {build['peak_rss_mb']} |")
    return "\n".join(lines) + "\n"


def chart(result: Row, path: Path) -> None:
    """Left: p50 and p95 by kind, cold and warm, per system (log scale). Right: answers/s."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5), gridspec_kw={"width_ratios": [2.2, 1]})
    series = [(name, phase) for name in (result.get("latency") or {}) for phase in ("cold", "warm")]
    kinds: list[str] = []
    for name, _ in series:
        kinds += [r["kind"] for r in latency_rows(result["latency"][name]["cases"]) if r["kind"] not in kinds]
    width = 0.8 / max(1, len(series))
    for n, (name, phase) in enumerate(series):
        rows = {r["kind"]: r for r in latency_rows(result["latency"][name]["cases"])}
        xs = [i + n * width for i in range(len(kinds))]
        p95 = [(rows.get(k) or {}).get(f"{phase}_p95") or 0 for k in kinds]
        p50 = [(rows.get(k) or {}).get(f"{phase}_p50") or 0 for k in kinds]
        bars = left.bar(xs, p95, width, label=f"{name} {phase} p95", alpha=0.55)
        left.scatter(xs, p50, marker="_", s=120, color=bars.patches[0].get_facecolor()[:3] if bars.patches else None)
    left.set_xticks([i + width * (len(series) - 1) / 2 for i in range(len(kinds))])
    left.set_xticklabels(kinds, rotation=20)
    left.set_yscale("log")
    left.set_ylabel("ms per answer (bar: p95, tick: p50)")
    left.axhline(100, color="#b3261e", linewidth=0.8, linestyle="--")
    left.set_title("Latency by kind of question")
    left.legend(fontsize=7, ncol=2)
    for s in result.get("http") or []:
        levels = s["levels"]
        right.plot([lv["clients"] for lv in levels], [lv["answers_per_s"] for lv in levels], marker="o", label=s["mode"])
    right.axhline(40, color="#b3261e", linewidth=0.8, linestyle="--")
    right.set_xscale("log", base=2)
    levels_seen = sorted({lv["clients"] for s in result.get("http") or [] for lv in s["levels"]})
    right.set_xticks(levels_seen, [str(c) for c in levels_seen])
    right.set_xlabel("concurrent clients")
    right.set_ylabel("answers/s")
    right.set_title("Throughput over HTTP")
    if result.get("http"):
        right.legend(fontsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
