"""50 sequential /api/ask requests from a local client all succeed; prints p50/p95 latency."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import httpx
import pytest

QUESTIONS = [
    "Can I appeal the grade of my position?",
    "I was downgraded on 2026-11-02. When is my appeal deadline?",
    "What is the IT Core Series in CP-34?",
    "What competencies does an IT program manager need?",
    "Who approves a grade band promotion?",
    "How long is the trial period?",
    "What is the capital of France?",
    "How much can a recruitment bonus be?",
    "What does AR 690-13 say about reduction in force?",
    "What is a parenthetical title?",
]


@pytest.mark.slow
def test_50_sequential_asks_succeed_and_report_p50_p95(live_server, capsys):
    times: list[float] = []
    with httpx.Client(base_url=live_server, timeout=120) as http:
        for i in range(50):
            started = time.perf_counter()
            r = http.post("/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})
            times.append(time.perf_counter() - started)
            assert r.status_code == 200, r.text
            assert r.json()["answer"]
        assert http.get("/healthz").json()["status"] == "ok"
    q = statistics.quantiles(times, n=20, method="inclusive")
    p50, p95 = statistics.median(times), q[18]
    out = Path(__file__).resolve().parents[2] / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "ask-latency.json").write_text(json.dumps({"n": 50, "p50_s": p50, "p95_s": p95, "max_s": max(times)}))
    with capsys.disabled():
        print(f"\n/api/ask over 50 sequential requests: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")
