"""Feedback storage: owner-only SQLite in WAL mode, nothing lost under concurrent writes, CSV export."""

from __future__ import annotations

import csv
import sqlite3
import stat
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

from advisor.feedback import FeedbackIn, FeedbackStore


def _item(n: int = 0, **kw) -> FeedbackIn:
    base = {"question": f"question {n}?", "answer": "an answer", "citations": [{"source": "AR 690-13"}],
            "writer": "extractive", "rating": "up"}
    return FeedbackIn(**{**base, **kw})


def test_database_is_created_owner_only_in_wal_mode(tmp_path: Path):
    store = FeedbackStore(tmp_path / "data")
    assert not store.path.exists()  # nothing is created before the first write
    store.add(_item())
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_row_keeps_every_field_and_a_utc_time(tmp_path: Path):
    store = FeedbackStore(tmp_path)
    store.add(_item(rating="down", comment=" wrong para ", wrong_citation=True))
    row = store.rows()[0]
    assert row["rating"] == "down" and row["comment"] == "wrong para" and row["wrong_citation"] == 1
    assert row["citations"] == '[{"source": "AR 690-13"}]' and row["writer"] == "extractive"
    assert row["time"].endswith("+00:00")


def test_200_concurrent_writers_lose_nothing(tmp_path: Path):
    store = FeedbackStore(tmp_path)
    start = threading.Barrier(200)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            start.wait()
            store.add(_item(n))
        except BaseException as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.count() == 200
    assert {r["question"] for r in store.rows()} == {f"question {n}?" for n in range(200)}


def test_two_stores_on_one_file_both_write(tmp_path: Path):
    a, b = FeedbackStore(tmp_path), FeedbackStore(tmp_path)
    threads = [threading.Thread(target=s.add, args=(_item(n),)) for n in range(40) for s in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert a.count() == 80


@pytest.mark.parametrize("kw", [{"rating": None}, {"rating": "meh"}, {"question": "x" * 4001},
                                {"comment": "x" * 2001}])
def test_feedback_without_a_verdict_or_too_long_is_rejected(kw):
    with pytest.raises(ValidationError):
        _item(**kw)


def test_a_comment_or_flag_alone_is_enough():
    assert _item(rating=None, comment="the date is wrong").comment
    assert _item(rating=None, wrong_citation=True).wrong_citation


def test_export_csv_writes_a_header_and_every_row(tmp_path: Path):
    store = FeedbackStore(tmp_path)
    for n in range(3):
        store.add(_item(n))
    out = tmp_path / "feedback.csv"
    assert store.export_csv(out) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["question"] for r in rows] == ["question 0?", "question 1?", "question 2?"]


def test_cli_feedback_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    from advisor.cli import main

    FeedbackStore(tmp_path).add(_item())
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path))
    out = tmp_path / "out.csv"
    assert main(["feedback", "export", "--csv", str(out)]) == 0
    assert "1 feedback rows" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("id,time,question")


def test_export_of_an_empty_store_writes_only_the_header(tmp_path: Path):
    out = tmp_path / "empty.csv"
    assert FeedbackStore(tmp_path / "none").export_csv(out) == 0
    assert out.read_text(encoding="utf-8").strip() == "id,time,question,answer,citations,writer,rating,comment,wrong_citation,answer_id"


@pytest.mark.parametrize("comment", ["=HYPERLINK(\"http://127.0.0.2/x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)",
                                     "\t=1", " =1"])
def test_export_csv_never_hands_a_spreadsheet_a_formula(tmp_path: Path, comment):
    store = FeedbackStore(tmp_path)
    store.add(FeedbackIn(question=comment, answer="ok", rating="up", comment=comment))
    out = tmp_path / "fb.csv"
    store.export_csv(out)
    row = next(csv.DictReader(out.open(encoding="utf-8")))
    assert row["comment"] == "'" + comment.strip()  # stored stripped, exported quoted
    assert row["question"] == "'" + comment and row["rating"] == "up"


def test_a_rating_is_stored_with_the_id_of_the_answer_it_rates(tmp_path: Path):
    store = FeedbackStore(tmp_path)
    store.add(_item(answer_id="a1b2c3"))
    assert store.rows()[0]["answer_id"] == "a1b2c3"


def test_a_database_from_before_answer_ids_gets_the_column(tmp_path: Path):
    old = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
                   "question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, writer TEXT NOT NULL, "
                   "rating TEXT, comment TEXT NOT NULL, wrong_citation INTEGER NOT NULL)")
        db.execute("INSERT INTO feedback (time, question, answer, citations, writer, rating, comment, "
                   "wrong_citation) VALUES ('t', 'old?', 'a', '[]', 'extractive', 'up', '', 0)")
    store = FeedbackStore(tmp_path)
    store.add(_item(answer_id="new1"))
    assert [r["answer_id"] for r in store.rows()] == ["", "new1"]
