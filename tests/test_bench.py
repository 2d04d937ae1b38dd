"""The benchmark's report: per-kind latency rows, targets and the Markdown, from made-up numbers."""

from __future__ import annotations

from evals.bench_report import chart, latency_rows, markdown, targets


def _cases() -> list[dict]:
    return [{"id": f"c{i}", "kind": "lookup" if i % 2 else "pay", "cold_ms": 10.0 * i, "warm_ms": float(i),
             "writer": "extractive"} for i in range(1, 11)]


def _result() -> dict:
    level = {"clients": 32, "requests": 64, "errors": 0, "wall_s": 1.0, "answers_per_s": 64.0,
             "p50_ms": 20.0, "p95_ms": 40.0, "load_before": 0.5, "load_after": 0.6}
    return {
        "meta": {"started": "2026-01-01 00:00:00", "commit": "abc1234", "dirty": False, "cpus": 2,
                 "uptime": "load average: 0.50, 0.40, 0.30"},
        "latency": {"advisor": {"cases": _cases(), "load_s": 2.0, "first_answer_ms": 500.0,
                                "peak_rss_mb": 700.0, "load_before": 0.5, "load_after": 0.7}},
        "http": [{"mode": "advisor serve", "start": {"ready_s": 9.0, "first_answer_ms": 80.0},
                  "cold_pass": {"requests": 4, "p50_ms": 30.0, "p95_ms": 50.0, "load_before": 0.5,
                                "load_after": 0.5},
                  "levels": [level], "peak_rss_mb": 800.0, "load_before": 0.5, "load_after": 0.6}],
        "build": {"full_s": 20.0, "full_chunks": 309, "no_change_s": 0.3, "no_change_rebuilt": False,
                  "model_load_s": 5.0, "peak_rss_mb": 900.0, "load_before": 0.5, "load_after": 0.6},
    }


def test_latency_rows_give_every_kind_and_all_with_cold_and_warm_percentiles():
    rows = {r["kind"]: r for r in latency_rows(_cases())}
    assert set(rows) == {"all", "lookup", "pay"}
    assert rows["all"]["n"] == 10 and rows["all"]["cold_max"] == 100.0
    assert rows["lookup"]["warm_p50"] == 5.0  # warm times 1, 3, 5, 7, 9


def test_targets_say_which_were_met():
    met = {name: ok for name, _value, ok in targets(_result())}
    assert met["extractive answers: cold p95 ≤ 100 ms"] is True
    assert met["≥ 40 answers/s with 32 clients and 0 errors"] is True
    assert met["index full build ≤ 30 s"] is True


def test_the_markdown_report_shows_each_section_with_the_load_beside_timings(tmp_path):
    text = markdown(_result())
    for heading in ("## Targets", "## Latency per question: advisor", "## Start-up",
                    "## Answers per second over HTTP", "## Index", "## Peak resident memory"):
        assert heading in text
    assert "0.50→0.60" in text
    chart(_result(), tmp_path / "bench.png")
    assert (tmp_path / "bench.png").stat().st_size > 1000
