"""The REST API through FastAPI's TestClient: answers, calculators, sources, feedback, health, errors."""

from __future__ import annotations

import pytest


def test_ask_returns_answer_json_with_citations(client):
    r = client.post("/api/ask", json={"question": "Can I appeal the grade of my position?"})
    assert r.status_code == 200
    body = r.json()
    assert {"answer", "citations", "calculations", "refused", "confidence", "latency_ms", "writer"} <= set(body)
    assert body["citations"] and body["citations"][0]["source"] == "AR 690-13"


def test_ask_computes_a_deadline(client):
    r = client.post("/api/ask", json={"question": "I was downgraded on 2026-11-02. When is my appeal deadline?"})
    calcs = r.json()["calculations"]
    assert calcs[0]["name"] == "downgrade_appeal_deadline" and calcs[0]["result"] == "2026-11-17"


def test_ask_follow_up_uses_history_strings_and_messages(client):
    for history in (["I was downgraded on 2026-11-02."],
                    [{"role": "user", "content": "I was downgraded on 2026-11-02."},
                     {"role": "assistant", "content": "..."}]):
        r = client.post("/api/ask", json={"question": "When is my appeal deadline?", "history": history})
        assert r.status_code == 200


def test_ask_declines_what_the_documents_do_not_cover(client):
    r = client.post("/api/ask", json={"question": "What is the capital of France?"})
    assert r.status_code == 200 and r.json()["refused"] is True


@pytest.mark.parametrize("question", ["", "   ", "???"])
def test_empty_or_unreadable_question_is_400_with_the_reason(client, question):
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code == 400
    assert r.json()["error"].startswith("The question")


@pytest.mark.parametrize("body", [
    {"question": "x" * 4001},
    {"question": "ok?", "history": ["q"] * 21},
    {"question": 12},
    {"history": []},
    {"question": "ok?", "history": "not a list"},
])
def test_invalid_ask_body_is_422_json(client, body):
    r = client.post("/api/ask", json=body)
    assert r.status_code == 422
    assert set(r.json()) == {"error"}


@pytest.mark.parametrize("raw", [b"{", b"[]", b"null", b"\xff\xfe", b'{"question": "a", "history": [1]}'])
def test_malformed_body_is_422_never_500(client, raw):
    r = client.post("/api/ask", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "error" in r.json()


def test_oversized_body_is_413(client):
    r = client.post("/api/ask", content=b"x" * 1_000_001, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "error" in r.json()


def test_calc_returns_calculation_json(client):
    r = client.post("/api/calc/downgrade_appeal_deadline", json={"action_date": "2026-11-02"})
    assert r.status_code == 200
    body = r.json()
    assert body["result"] == "2026-11-17"
    assert body["rule"] == {"source": "AR 690-13", "section": "3-9b", "quote": body["rule"]["quote"]}


def test_unknown_calculator_is_404_naming_the_known_ones(client):
    r = client.post("/api/calc/no_such_thing", json={})
    assert r.status_code == 404 and "downgrade_appeal_deadline" in r.json()["error"]


@pytest.mark.parametrize("name,inputs", [
    ("downgrade_appeal_deadline", {}),
    ("downgrade_appeal_deadline", {"action_date": "2026-02-30"}),
    ("downgrade_appeal_deadline", {"action_date": "next tuesday"}),
    ("downgrade_appeal_deadline", {"action_date": "0001-01-01"}),
    ("service_agreement_end", {"start_date": "2026-01-05", "years": 7}),
    ("reassignment_step_increase", {"grade": 99, "step": -1}),
    ("award_approval_level", {"amount": "-5"}),
    ("award_approval_level", {"amount": "1e400"}),
])
def test_impossible_calculator_inputs_are_422(client, name, inputs):
    r = client.post(f"/api/calc/{name}", json=inputs)
    assert r.status_code == 422, r.text
    assert r.json()["error"]


def test_calc_body_must_be_an_object(client):
    r = client.post("/api/calc/downgrade_appeal_deadline", json=["2026-11-02"])
    assert r.status_code == 422


@pytest.mark.parametrize("doc,section,cite", [
    ("ar-690-13", "3-13f(2)", "AR 690-13 para 3-13f(2)"),
    ("AR 690-13", "Figure 3-1", "AR 690-13 Figure 3-1"),
    ("cp-34", "IT Core Series", "CP-34 — IT Core Series"),
    ("CP-34", "it core series", "CP-34 — IT Core Series"),
])
def test_sources_returns_text_breadcrumb_and_pin_cite(client, doc, section, cite):
    from urllib.parse import quote

    r = client.get(f"/api/sources/{quote(doc)}/{quote(section, safe='')}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["pin_cite"] == cite and body["text"] and body["breadcrumb"][0] == body["source"]


@pytest.mark.parametrize("path", ["/api/sources/ar-690-13/99-99", "/api/sources/nope/3-13"])
def test_unknown_source_is_404_saying_how_to_write_one(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "error" in r.json()


def test_feedback_is_stored(client, web_settings):
    from advisor.feedback import FeedbackStore

    before = FeedbackStore(web_settings.data_dir).count()
    r = client.post("/api/feedback", json={"question": "q?", "answer": "a", "rating": "down",
                                           "wrong_citation": True, "citations": ["AR 690-13 para 3-9b"]})
    assert r.status_code == 201 and r.json()["id"] >= 1
    assert FeedbackStore(web_settings.data_dir).count() == before + 1


@pytest.mark.parametrize("body", [{"question": "q?"}, {"question": "q?", "rating": "meh"}, {}])
def test_empty_or_invalid_feedback_is_422(client, body):
    assert client.post("/api/feedback", json=body).status_code == 422


def test_healthz_reports_index_documents_chunks_and_version(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["index_loaded"] is True
    assert body["documents"] == 3 and body["chunks"] > 100 and body["version"]


def test_openapi_docs_are_served_without_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "cdn." not in page.text and "googleapis" not in page.text
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/ask", "/api/calc/{name}", "/api/sources/{doc}/{section}", "/api/feedback", "/healthz"} <= set(paths)


def test_unknown_api_path_is_json_404(client):
    r = client.get("/api/nothing/here")
    assert r.status_code == 404 and "error" in r.json()


def test_the_server_keeps_serving_after_bad_input(client):
    client.post("/api/ask", content=b"{", headers={"content-type": "application/json"})
    client.post("/api/calc/downgrade_appeal_deadline", json={"action_date": "2026-02-30"})
    client.get("/api/sources/x/y")
    assert client.get("/healthz").status_code == 200
    assert client.post("/api/ask", json={"question": "Who approves a grade band promotion?"}).status_code == 200
