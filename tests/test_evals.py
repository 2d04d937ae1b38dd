"""The evaluation suite scores what it claims to: section matching, ranking, citations, facts,
calculators, refusals, support, dataset validation, crash handling and the report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from evals import metrics as m
from evals.dataset import Case, ExpectedCalc, load_dataset, stratified
from evals.harness import answer_cases
from evals.report import Run, summary_line, write_report
from evals.scoring import score
from evals.support import judge
from evals.text import claim_sentences

AR = "AR 690-13 para "


def case(id: str = "c1", kind: str = "lookup", **expected) -> Case:
    base = {"facts": [], "sections": [], "refuse": False, "calculation": None, "must_not": []}
    return Case.model_validate({"id": id, "kind": kind, "turns": ["q?"], "expected": {**base, **expected}})


def answer(text: str = "", cites: tuple[str, ...] = (), **extra) -> dict:
    citations = [{"source": "AR 690-13", "section": s, "title": "", "quote": text, "doc_id": "ar-690-13",
                  "chunk_id": "x"} for s in cites]
    return {"answer": text, "citations": citations, "calculations": [], "refused": False, **extra}


@pytest.mark.parametrize("a, b", [("3-13", "3-13f(2)"), ("3-13f(2)", "3-13"), ("3-13f", "3-13f(2)"),
                                  ("3-13f(2)", "3-13f(2)")])
def test_a_paragraph_and_its_subparagraphs_match_either_way(a, b):
    assert m.section_matches(AR + a, AR + b)


@pytest.mark.parametrize("a, b", [("3-1", "3-13"), ("3-13f(1)", "3-13f(12)"), ("3-13f", "3-13g")])
def test_sections_that_only_share_leading_characters_do_not_match(a, b):
    assert not m.section_matches(AR + a, AR + b)


def test_named_sections_match_only_when_equal():
    assert m.section_matches("AR 690-13 Figure 3-1", "AR 690-13 Figure 3-1")
    assert not m.section_matches("AR 690-13 Figure 3-1", "AR 690-13 Figure 3-13")
    assert m.section_matches("CP-34 — IT Core Series", "CP-34 — IT Core Series")
    assert not m.section_matches("OPM ITPM Career Path Guide — Core Technical Competencies — GS-15",
                                 "OPM ITPM Career Path Guide — Capital Planning and Investment Assessment")


def test_the_same_section_name_in_another_document_does_not_match():
    assert not m.section_matches("CP-34 — Definition", "OPM ITPM Career Path Guide — Definition")


def test_recall_at_k_is_the_share_of_gold_sections_found_in_the_first_k():
    retrieved = [AR + "1-1", AR + "3-13f", AR + "2-2"]
    gold = [AR + "3-13f(2)", AR + "2-2a"]
    assert m.recall_at(retrieved, gold, 1) == 0
    assert m.recall_at(retrieved, gold, 2) == 0.5
    assert m.recall_at(retrieved, gold, 3) == 1


def test_mrr_is_one_over_the_rank_of_the_first_relevant_chunk():
    assert m.reciprocal_rank([AR + "1-1", AR + "1-2", AR + "3-9b"], [AR + "3-9"]) == pytest.approx(1 / 3)
    assert m.reciprocal_rank([AR + "1-1"], [AR + "3-9"]) == 0


def test_ndcg_is_one_for_a_perfect_ranking_and_repeats_gain_nothing():
    gold = [AR + "3-9b", AR + "4-7"]
    assert m.ndcg_at([AR + "3-9b", AR + "4-7"], gold) == pytest.approx(1.0)
    assert m.ndcg_at([AR + "3-9b", AR + "3-9b", AR + "4-7"], gold) < 1.0


def test_citation_precision_counts_distinct_cites_and_recall_counts_gold_sections():
    cited = [AR + "3-9b", AR + "3-9b", AR + "6-6"]
    assert m.citation_precision(cited, [AR + "3-9"]) == 0.5
    assert m.citation_recall(cited, [AR + "3-9", AR + "4-7"]) == 0.5
    assert m.citation_precision([], [AR + "3-9"]) is None


def test_facts_must_all_match_the_answer_as_read_without_markdown():
    text = "**In short:** You have **15** calendar days."
    assert m.facts_hold([r"15 calendar days", r"(?i)in short"], text)
    assert not m.facts_hold([r"15 calendar days", r"30"], text)


def test_a_must_not_anchored_at_the_start_catches_a_yes_after_a_bold_label():
    assert m.must_not_hits([r"(?i)^\s*yes\b"], "**In short:** Yes, every month.")
    assert not m.must_not_hits([r"(?i)^\s*yes\b"], "**In short:** No. Yes is wrong.")


def test_a_calculation_passes_on_its_exact_result_or_on_asking_for_facts_when_none_is_expected():
    calcs = [{"name": "downgrade_appeal_deadline", "result": "2026-03-17", "missing": []},
             {"name": "trial_period_end", "result": None, "missing": ["appointment date"]}]
    assert m.calculation_matches(ExpectedCalc(name="downgrade_appeal_deadline", result="2026-03-17"), calcs)
    assert not m.calculation_matches(ExpectedCalc(name="downgrade_appeal_deadline", result="2026-03-18"), calcs)
    assert m.calculation_matches(ExpectedCalc(name="trial_period_end", result=None), calcs)
    assert not m.calculation_matches(ExpectedCalc(name="gs_max_rate", result=None), calcs)


def test_true_is_not_the_number_one_and_ranges_compare_as_dicts():
    assert not m.calculation_matches(ExpectedCalc(name="x", result=1), [{"name": "x", "result": True}])
    assert m.calculation_matches(ExpectedCalc(name="x", result={"min": 500, "max": 10000}),
                                 [{"name": "x", "result": {"max": 10000, "min": 500}}])


def test_refusal_confusion_counts_each_cell_and_gives_precision_and_recall():
    c = m.refusal_confusion([(True, True), (True, False), (False, True), (False, False), (False, False)])
    assert (c["tp"], c["fn"], c["fp"], c["tn"]) == (1, 1, 1, 2)
    assert c["precision"] == 0.5 and c["recall"] == 0.5


def test_percentiles_interpolate_between_values():
    assert m.percentile([10, 20, 30, 40], 50) == 25
    assert m.percentile([], 95) is None


def test_headings_labels_quote_attributions_and_status_notes_are_not_judged():
    md = ("**In short:** Appeals go to the MACOM. (AR 690-13 para 3-13d)\n\n**What the documents say**\n\n"
          "> “Appeals go to the MACOM.”\n> — AR 690-13 para 3-13d, *Appeals*\n\n"
          "*AR 690-13 (effective 1990-10-01): historical.*")
    assert claim_sentences(md) == ["Appeals go to the MACOM.", "Appeals go to the MACOM."]


def test_a_sentence_no_quote_backs_is_unsupported_lexically():
    a = answer("**In short:** Employees have 15 calendar days to appeal a downgrade. "
               "The cafeteria serves lunch at noon daily.", cites=("3-9b",))
    a["citations"][0]["quote"] = "Employees have 15 calendar days from the action to appeal a downgrade."
    [s] = judge([a])
    assert (s.sentences, s.lexical) == (2, 1)
    assert s.unsupported == ["The cafeteria serves lunch at noon daily."]


def test_embedding_support_uses_the_encoder_it_is_given():
    def embed(texts):  # a sentence is "similar" only to texts sharing its first word
        return np.array([[1.0, 0.0] if t.startswith("Employees") else [0.0, 1.0] for t in texts])

    a = answer("Employees may appeal within fifteen days.", cites=("3-9b",))
    a["citations"][0]["quote"] = "Employees have 15 calendar days to appeal."
    [s] = judge([a], embed)
    assert s.embedding == 0


def test_malformed_lines_unknown_kinds_missing_fields_and_broken_rules_are_skipped_by_line(tmp_path):
    good = {"id": "ok", "kind": "lookup", "turns": ["q"], "expected": {
        "facts": [], "sections": ["CP-34 — Definition"], "refuse": False, "calculation": None, "must_not": []}}
    lines = [json.dumps(good), "{not json", json.dumps({**good, "id": "k", "kind": "trivia"}),
             json.dumps({**good, "id": "m", "expected": {"facts": []}}), "",
             json.dumps({**good, "id": "r", "expected": {**good["expected"], "facts": ["("]}}),
             json.dumps({**good, "id": "s", "expected": {**good["expected"], "refuse": True}})]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines) + "\n")
    cases, problems = load_dataset(path)
    assert [c.id for c in cases] == ["ok"]
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4", "6", "7"]
    assert "unknown kind 'trivia'" in problems[1] and "missing field" in problems[2]
    assert "refusal case has no sections" in problems[4]
    assert all(p.startswith("d.jsonl:") for p in problems)


def test_a_stratified_subset_takes_every_kind():
    cases = [case(f"{k}{i}", k) for k in ("lookup", "adversarial", "out_of_scope") for i in range(10)]
    subset = stratified(cases, 6)
    assert sorted(c.kind for c in subset) == [
        "adversarial", "adversarial", "lookup", "lookup", "out_of_scope", "out_of_scope"]


class Flaky:
    name = "flaky"

    def answer(self, c: Case) -> dict:
        if c.id == "boom":
            raise RuntimeError("index exploded")
        return answer("Fifteen calendar days.", cites=("3-9b",))


def test_a_crashing_case_is_recorded_as_its_failure_and_the_run_goes_on():
    cases = [case("boom", sections=[AR + "3-9"]), case("fine", sections=[AR + "3-9"])]
    answers = answer_cases(Flaky(), cases)
    assert answers["boom"]["crashed"] and "index exploded" in answers["boom"]["error"]
    result = score(cases, answers)
    verdicts = {r["id"]: (r["passed"], r["error"]) for r in result["cases"]}
    assert verdicts == {"boom": (False, "RuntimeError: index exploded"), "fine": (True, None)}
    assert result["metrics"]["crashed"] == 1


def test_a_case_passes_only_when_every_applicable_check_passes():
    c = case(facts=["15"], sections=[AR + "3-9"], must_not=["30 days"])
    assert score([c], {"c1": answer("15 days.", cites=("3-9b",))})["cases"][0]["passed"]
    assert not score([c], {"c1": answer("15 days.", cites=("6-6",))})["cases"][0]["passed"]
    assert not score([c], {"c1": answer("15 days, or 30 days.", cites=("3-9b",))})["cases"][0]["passed"]
    refused = {**answer("I can't answer that."), "refused": True}
    assert not score([c], {"c1": refused})["cases"][0]["passed"]
    assert score([case(refuse=True)], {"c1": refused})["cases"][0]["passed"]


def test_a_case_without_an_answer_fails():
    [r] = score([case()], {})["cases"]
    assert not r["passed"] and r["error"] == "no answer for this case"


def test_the_report_writes_markdown_html_figures_and_a_summary(tmp_path: Path):
    cases = [case("a", sections=[AR + "3-9"]), case("b", kind="out_of_scope", refuse=True)]
    answers = {"a": {**answer("x", cites=("3-9b",)), "retrieved": [AR + "3-9b"], "wall_ms": 5.0},
               "b": {**answer("y"), "wall_ms": 7.0}}
    scores = {"advisor": score(cases, answers), "bm25": score(cases, {})}
    run = Run(started="20260101-000000", split="dev", cases=cases, scores=scores,
              latencies={"advisor": [5.0, 7.0], "bm25": []}, build_seconds=12.5)
    report = write_report(run, tmp_path)
    text = report.read_text()
    assert "| pass_rate | 0.500 | 0.000 |" in text and "**b** (out_of_scope) — failed: refusal" in text
    assert {p.name for p in tmp_path.glob("*.png")} == {
        "pass_by_kind.png", "recall_at_k.png", "latency.png", "refusals.png"}
    assert "<table>" in (tmp_path / "report.html").read_text()
    assert summary_line(run).startswith("dev: advisor passed 1/2")


def test_the_tutorial_baseline_credits_a_raw_chunk_to_the_section_it_overlaps_most():
    from advisor.corpus import load_corpus
    from evals.tutorial import locate

    root = Path(__file__).resolve().parent.parent / "corpus"
    [doc] = [d for d in load_corpus(root) if d.doc_id == "cp-34"]
    raw = "IM Specialty Series: 1001, 1020, 1060, 1071, 1084, 1410, 1412 1060 Photography 1410 Librarian"
    assert locate(raw, doc, "cp34")["pin_cite"] == "CP-34 — IM Specialty Series"
    assert locate(raw, None, "cp34")["pin_cite"] == "cp34 — unlocated"


@pytest.mark.slow
def test_eval_score_prints_the_metrics_of_an_answers_file(tmp_path, capsys):
    from advisor.cli import main

    good = {"id": "a", "kind": "out_of_scope", "turns": ["What is FEHB?"], "expected": {
        "facts": [], "sections": [], "refuse": True, "calculation": None, "must_not": []}}
    (tmp_path / "d.jsonl").write_text(json.dumps(good) + "\n")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", **answer("No."), "refused": True}) + "\n")
    assert main(["eval", "score", "--dataset", str(tmp_path / "d.jsonl"),
                 "--answers", str(tmp_path / "a.jsonl")]) == 0
    assert "pass_rate                1.000" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["bm25", "dense"])
def test_a_retrieval_baseline_answers_with_verbatim_sentences_of_its_top_chunk(advisor, mode):
    from advisor.retrieval import Retriever
    from evals.baselines import RetrievalBaseline

    baseline = RetrievalBaseline(Retriever(advisor.index), mode, advisor.index.embedder.encode)
    got = baseline.answer(case(sections=[AR + "3-9b"]).model_copy(
        update={"turns": ["How many calendar days do I have to appeal a downgrade?"]}))
    top = {c.chunk_id: c for c in advisor.index.chunks}[got["citations"][0]["chunk_id"]]
    assert len(got["retrieved"]) == 10 and got["retrieved"][0] == top.pin_cite
    assert all(c["quote"] in top.text for c in got["citations"]) and not got["refused"]


def test_the_gate_names_each_metric_on_the_wrong_side_of_its_threshold_and_proposes_margins():
    from evals.gate import propose, violations

    gate = {"at_least": {"pass_rate": 0.6}, "at_most": {"crashed": 0, "unsupported_lexical": 0.05},
            "kind_pass_rate_at_least": {"pay": 0.5}}
    scores = {"metrics": {"pass_rate": 0.55, "crashed": 1, "unsupported_lexical": 0.0},
              "per_kind": {"pay": {"n": 5, "passed": 4, "rate": 0.8}}}
    assert violations(scores, gate) == ["pass_rate = 0.55 < 0.6", "crashed = 1 > 0"]
    proposal = propose(scores, gate)
    assert proposal["at_least"] == {"pass_rate": 0.5}
    assert proposal["kind_pass_rate_at_least"] == {"pay": 0.6}


def checked(*sentences: tuple[bool, bool | None], fell_back: bool = False, ms: float = 10.0) -> dict:
    """An answer whose model draft had these (kept, truth) sentences."""
    rows = [{"text": f"s{i} [1].", "kept": kept, "reason": "" if kept else "x",
             **({} if truth is None else {"truth": truth, "kind": "ok" if truth else "wrong date"})}
            for i, (kept, truth) in enumerate(sentences)]
    return {**answer("x"), "verification": {"sentences": rows, "removed": sum(not k for k, _ in sentences),
                                            "fell_back": fell_back, "verify_ms": ms}}


def test_the_verification_summary_gives_true_unsupported_rates_before_and_after_the_check():
    from evals.verification import summarize

    answers = [checked((True, True), (False, False), (True, False), ms=10.0),  # one false slipped through
               checked((False, True), (True, True), ms=30.0),                   # one true wrongly removed
               checked((False, False), (True, False), fell_back=True, ms=20.0)]  # nothing of it shown
    v = summarize(answers)
    assert v["answers"] == 3 and v["fell_back"] == 1 and v["sentences"] == 7 and v["sentences_shown"] == 3
    assert v["unsupported_before"] == 4 / 7 and v["unsupported_after"] == 1 / 3
    assert v["judged_unsupported_before"] == 3 / 7 and v["judged_unsupported_after"] == 0
    assert v["supported_removed"] == 1 / 3 and v["unsupported_caught"] == 2 / 4
    assert v["caught_by_kind"] == {"wrong date": 0.5}
    assert v["verify_p50_ms"] == 20.0 and v["verify_mean_ms"] == 20.0


def test_without_labels_the_summary_gives_only_the_verifiers_own_rates_and_none_without_drafts():
    from evals.verification import summarize

    v = summarize([checked((True, None), (False, None)), answer("extractive")])
    assert v["answers"] == 1 and v["judged_unsupported_before"] == 0.5 and "unsupported_before" not in v
    assert summarize([answer("extractive")]) is None


def test_the_report_shows_unsupported_sentences_before_and_after_verification(tmp_path: Path):
    cases = [case("a"), case("b")]
    answers = {"a": checked((True, True), (False, False)), "b": checked((True, True), (True, False))}
    run = Run(started="20260101-000000", split="dev", cases=cases, scores={"advisor": score(cases, answers)},
              latencies={"advisor": [1.0, 2.0]}, writer="scripted")
    text = write_report(run, tmp_path).read_text()
    assert "## Claim verification (advisor, writer scripted)" in text
    assert "| unsupported sentences (true, from the scripted model's labels) | 50.0 % | 33.3 % |" in text
    assert "| unsupported sentences (judged by the verifier) | 25.0 % | 0.0 % |" in text
    assert "Claim verification" in (tmp_path / "report.html").read_text()
    assert summary_line(run).endswith("unsupported sentences 50.0 % → 33.3 % after verification")


def test_an_extractive_run_has_no_verification_section(tmp_path: Path):
    cases = [case("a")]
    run = Run(started="20260101-000000", split="dev", cases=cases,
              scores={"advisor": score(cases, {"a": answer("x")})}, latencies={"advisor": [1.0]})
    assert "Claim verification" not in write_report(run, tmp_path).read_text()
    assert "verification" not in summary_line(run)


@pytest.mark.slow
def test_a_scripted_writer_run_puts_the_before_and_after_rates_into_the_report(settings, advisor, tmp_path,
                                                                                monkeypatch, capsys):
    from evals.run import main

    for key, value in {"INDEX_DIR": settings.index_dir, "DATA_DIR": settings.data_dir,
                       "TODAY": settings.today}.items():
        monkeypatch.setenv(f"ADVISOR_{key}", str(value))
    assert main(["--systems", "advisor", "--writer", "scripted", "--limit", "8", "--no-build-timing",
                 "--out", str(tmp_path)]) == 0
    scores = json.loads((tmp_path / "scores.json").read_text())["advisor"]
    v = scores["verification"]
    assert v["answers"] >= 4 and v["labelled"] == v["sentences"]  # every drafted sentence was scripted
    assert v["unsupported_before"] > 0.2 and v["unsupported_after"] < v["unsupported_before"] / 4
    assert json.loads((tmp_path / "run.json").read_text())["writer"] == "scripted"
    assert "## Claim verification (advisor, writer scripted)" in (tmp_path / "report.md").read_text()
    assert "after verification" in capsys.readouterr().out
    rows = [json.loads(line) for line in (tmp_path / "answers-advisor.jsonl").read_text().splitlines()]
    assert {r["writer"] for r in rows} <= {"openai", "extractive"} and any(r["writer"] == "openai" for r in rows)
