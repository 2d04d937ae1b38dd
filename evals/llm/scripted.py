"""A scripted model behind the fake OpenAI-compatible server, for measuring claim verification.

``python -m evals.run --writer scripted`` answers every case through the real chain, the
real HTTP client and the real verifier, with this model on the other end. It answers like a
model that is mostly right: it rewords (family B, see ``claims_data``) the sources' sentences
that best match the question and restates calculator results, then adds one or two labelled
unsupported sentences - another passage's rule, a wrong date or amount, an invented
frequency, agreement with the question's premise. Because every sentence it writes is
labelled, the report can give the true unsupported-sentence rate before verification and
in what the user is shown after it (``evals/verification.py``).
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import Any, Self

from advisor.config import Settings
from advisor.keywords import tokenize
from advisor.retrieval import Retriever
from advisor.text import sentence_spans
from evals.llm.claims_data import FREQUENCIES, gold_cases, reword_b
from evals.llm.fake_server import FakeModelServer, Step, is_condense, prompt_sources

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


class ScriptedServer:
    """``with ScriptedServer(retriever) as s:`` a fake server running a ``ScriptedModel``;
    ``s.settings(base)`` aims an ``openai`` writer at it, ``s.annotate(answer)`` labels the
    checked sentences of an Answer dict with the truth the model knew."""

    def __init__(self, retriever: Retriever, seed: int = 11) -> None:
        self.model = ScriptedModel([s for g in gold_cases(retriever) for s in g.sentences], seed)
        self.server = FakeModelServer(self.model)

    def __enter__(self) -> Self:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__(*exc)

    def settings(self, base: Settings) -> Settings:
        return base.model_copy(update={"llm": "openai", "llm_base_url": self.server.url,
                                       "llm_model": "scripted", "llm_timeout": 30})

    def annotate(self, answer: dict[str, Any]) -> dict[str, Any]:
        for sentence in (answer.get("verification") or {}).get("sentences", []):
            truth, kind = self.model.labels.get(_plain(sentence["text"]), (None, "unknown"))
            sentence["truth"], sentence["kind"] = truth, kind
        return answer
