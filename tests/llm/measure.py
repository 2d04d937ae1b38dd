"""Measure claim verification end to end on the dev set with a scripted model server.

    .venv/bin/python -m tests.llm.measure [--index-dir DIR] [--limit N] [--out FILE]

Every dev case is asked through the real chain and the real OpenAI-compatible client; the
fake server (``llm_fakes.FakeModelServer``) answers like a model that is mostly right: it
rewords (family B, see ``dev_claims``) the sources' sentences that best match the question
and restates calculator results, then adds one or two labelled unsupported sentences -
another passage's rule, a wrong date or amount, an invented frequency, agreement with the
question's premise. Reported: the share of unsupported sentences before verification and
in what the user is shown after it, supported sentences wrongly removed, fallbacks, the
verifier's own ``advisor.claims.unsupported_rate``, and the time verification adds per answer.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from advisor import claims as claims_module
from advisor.chain import Advisor
from advisor.claims import Claim, unsupported_rate
from advisor.config import Settings
from advisor.factory import load_advisor
from advisor.keywords import tokenize
from advisor.text import sentence_spans
from advisor.writers import llm as llm_module
from advisor.writers.llm import make_llm_writer
from tests.llm.dev_claims import FREQUENCIES, dev_cases, gold_cases, reword_b

sys.path.insert(0, str(Path(__file__).resolve().parent))
from llm_fakes import FakeModelServer, Step, is_condense, prompt_sources

_MARK = re.compile(r"\s*\[\d+\]")


def _plain(text: str) -> str:
    return " ".join(_MARK.sub("", text).split()).rstrip(".").lower()


class ScriptedModel:
    """Writes a labelled answer from the sources in the prompt, as a fallible model would."""

    def __init__(self, pool: list[str], seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.pool = pool  # sentences of other dev cases' gold passages
        self.labels: dict[str, tuple[bool, str]] = {}  # plain sentence -> (supported, kind)

    def __call__(self, body: dict[str, Any]) -> Step:
        messages = body["messages"]
        if is_condense(body):
            last = messages[-1]["content"]
            return Step(content=last.split("Last message:", 1)[-1].strip())
        question = messages[-1]["content"].split("\n")[0]
        sources = prompt_sources(body)
        out: list[tuple[str, bool, str]] = []
        chunks = {n: t for n, t in sources.items() if not t.startswith("Calculator ")}
        for n, text in sources.items():
            m = re.match(r"Calculator \S+ result: (.+?)(?: \(\d{4}-\d\d-\d\d\))?\. ", text)
            if m:
                out.append((f"The result is {m.group(1)} [{n}].", True, "calculator"))
        q_terms = set(tokenize(question))
        for n in list(chunks)[:2]:
            body_text = chunks[n].split("\n", 1)[-1]
            spans = [(a, b) for a, b in sentence_spans(body_text) if len(body_text[a:b].split()) >= 6]
            if spans:
                a, b = max(spans, key=lambda sp: len(q_terms & set(tokenize(body_text[sp[0]:sp[1]]))))
                out.append((reword_b(body_text[a:b], self.rng, question).rstrip(".") + f" [{n}].",
                            True, "reworded"))
        first = next(iter(chunks), 1)
        for _ in range(self.rng.choice((1, 2))):
            out.append(self._unsupported(out, first, question))
        self.rng.shuffle(out)
        for text, label, kind in out:
            self.labels[_plain(text)] = (label, kind)
        return Step(content=" ".join(t for t, _, _ in out))

    def _unsupported(self, out: list[tuple[str, bool, str]], n: int, question: str) -> tuple[str, bool, str]:
        kind = self.rng.choice(("other passage", "wrong date", "wrong amount", "frequency", "premise"))
        if kind == "other passage":
            return (reword_b(self.rng.choice(self.pool), self.rng, question).rstrip(".") + f" [{n}].",
                    False, kind)
        if kind == "wrong date":
            d = date(2026, 1, 1) + timedelta(days=self.rng.randrange(365))
            return (f"You must act no later than {d:%B} {d.day}, {d.year} [{n}].", False, kind)
        if kind == "wrong amount":
            return (f"The amount involved is ${self.rng.randrange(2, 90) * 1000 + 250:,} [{n}].", False, kind)
        if kind == "frequency":
            base = next((t for t, lab, k in out if lab and k == "reworded"), None)
            if base:
                return (_MARK.sub("", base).rstrip(". ") + f", and this applies {self.rng.choice(FREQUENCIES)}"
                        + f" [{n}].", False, kind)
        return ("Yes, that is correct [" + str(n) + "].", False, "premise")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--index-dir", default=None)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--out", default=None, help="write per-case rows (JSONL) here")
    args = p.parse_args(argv)
    settings = Settings(**({"index_dir": Path(args.index_dir)} if args.index_dir else {}))
    base = load_advisor(settings, build_if_missing=False)
    pool = [s for g in gold_cases(base.retriever) for s in g.sentences]
    model = ScriptedModel(pool)

    judged: list[list[Claim]] = []
    timings: list[float] = []
    cpu_timings: list[float] = []  # CPU seconds of this process: less disturbed by a busy machine
    check, compose = claims_module.Verifier.check, llm_module.compose

    def timed_check(self: Any, text: str) -> list[Claim]:
        started, cpu = time.perf_counter(), time.process_time()
        result = check(self, text)
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu)
        judged.append(result)
        return result

    def timed_compose(*a: Any, **k: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        result = compose(*a, **k)
        timings[-1] += time.perf_counter() - started
        cpu_timings[-1] += time.process_time() - cpu
        return result

    claims_module.Verifier.check = timed_check  # type: ignore[method-assign]
    llm_module.compose = timed_compose  # type: ignore[assignment]
    rows: list[dict[str, Any]] = []
    cases = dev_cases()[: args.limit or None]
    with FakeModelServer(model) as server:
        llm = settings.model_copy(update={"llm": "openai", "llm_base_url": server.url, "llm_timeout": 30})
        advisor = Advisor(llm, base.index, writer=make_llm_writer(llm))
        for n, case in enumerate(cases, 1):
            *history, question = case["turns"]
            before = len(judged)
            answer = advisor.ask(question, history)
            row: dict[str, Any] = {"id": case["id"], "writer": answer.writer, "refused": answer.refused,
                                   "latency_ms": answer.latency_ms, "claims": []}
            if len(judged) > before:
                row["verify_ms"] = round(timings[-1] * 1000, 1)
                row["verify_cpu_ms"] = round(cpu_timings[-1] * 1000, 1)
                for c in judged[-1]:
                    label, kind = model.labels.get(_plain(c.text), (None, "unknown"))
                    row["claims"].append({"text": c.text, "truth": label, "kind": kind,
                                          "kept": c.supported, "reason": c.reason})
            rows.append(row)
            if n % 25 == 0:
                print(f"{n}/{len(cases)}", file=sys.stderr)
    report = summarize(rows, judged)
    print(json.dumps(report, indent=2))
    if args.out:
        Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0


def summarize(rows: list[dict[str, Any]], judged: list[list[Claim]]) -> dict[str, Any]:
    asked = [r for r in rows if r["claims"]]
    claims = [c for r in asked for c in r["claims"] if c["truth"] is not None]
    shown = [c for r in asked if r["writer"] != "extractive" for c in r["claims"]
             if c["kept"] and c["truth"] is not None]
    true = [c for c in claims if c["truth"]]
    kinds = sorted({c["kind"] for c in claims if not c["truth"]})
    verify = [r["verify_ms"] for r in asked]
    cpu = [r["verify_cpu_ms"] for r in asked]
    return {
        "cases": len(rows), "model_asked": len(asked),
        "fell_back_to_extractive": sum(r["writer"] == "extractive" for r in asked),
        "sentences": len(claims),
        "unsupported_rate_before": round(sum(not c["truth"] for c in claims) / len(claims), 3),
        "unsupported_rate_after": round(sum(not c["truth"] for c in shown) / max(1, len(shown)), 3),
        "supported_sentences_removed": round(sum(not c["kept"] for c in true) / max(1, len(true)), 3),
        "removed_by_kind": {k: round(sum(not c["kept"] for c in claims if c["kind"] == k and not c["truth"])
                                     / max(1, sum(c["kind"] == k and not c["truth"] for c in claims)), 3)
                            for k in kinds},
        "verifier_judged_unsupported": round(unsupported_rate(judged), 3),
        "verify_ms_per_answer": {"median": round(statistics.median(verify), 1),
                                 "mean": round(statistics.mean(verify), 1),
                                 "p90": round(sorted(verify)[int(0.9 * (len(verify) - 1))], 1)},
        "verify_cpu_ms_per_answer": {"median": round(statistics.median(cpu), 1),
                                     "mean": round(statistics.mean(cpu), 1)},
        "answer_ms_median": round(statistics.median(r["latency_ms"] for r in asked), 1),
    }


if __name__ == "__main__":
    raise SystemExit(main())
