"""The roadmap draws as an SVG with pin-cite labels, and the CLI prints, dumps and draws it."""

from __future__ import annotations

import json
import re

from advisor.cli import main
from advisor.roadmap.diagram import render_svg, write_svg
from advisor.roadmap.models import Roadmap


def test_the_svg_renders_and_labels_every_arrow_with_its_pin_cite(roadmap, tmp_path):
    r = roadmap(
        {"series": "0335", "grade": 7, "cipms": True}, {"role": "IT program manager", "grade": 15}
    )
    svg = render_svg(r)
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    words = " ".join(re.findall(r">([^<>]+)</text>", svg))  # a label may wrap over lines
    for label in (
        "CP-34 — Para-Professional Series",
        "AR 690-13 para 4-11c",
        "AR 690-13 para 4-10b",
        "AR 690-13 para 5-2c",
        "OPM ITPM Career Path Guide — Understanding the Career Path",
    ):
        assert label in words
    assert {"GS-0335-07", "GS-2210-15 IT Program Manager"} <= {m.source for m in r.moves} | {
        m.target for m in r.moves
    }
    assert write_svg(r, tmp_path / "r.svg").read_text(encoding="utf-8") == svg


def test_an_unsupported_move_is_drawn_and_labelled_as_not_described(roadmap):
    svg = render_svg(roadmap({"series": "0335", "grade": 7}, {"series": "1811"}))
    words = " ".join(re.findall(r">([^<>]+)</text>", svg))  # the label may wrap over lines
    assert "not described in AR 690-13, the OPM guide or CP-34" in words and "GS-1811-07" in svg


def test_the_diagram_is_drawn_narrow_with_text_of_at_least_ten_points(roadmap):
    svg = render_svg(roadmap({"series": "0335", "grade": 7, "cipms": True},
                             {"role": "IT program manager", "grade": 15}))
    assert 'width="252pt"' in svg  # 336 px: a phone's column at its natural size
    sizes = [float(x) for x in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes and min(sizes) >= 10  # points of the viewBox: 13.3 px at the natural size


def test_cli_roadmap_prints_markdown_and_writes_the_svg(capsys, tmp_path):
    out = tmp_path / "roadmap.svg"
    code = main(
        [
            "roadmap",
            "--from-series",
            "0335",
            "--from-grade",
            "7",
            "--to-role",
            "IT program manager",
            "--to-grade",
            "15",
            "--cipms",
            "--svg",
            str(out),
        ]
    )
    assert code == 0
    assert "Take the CP-34 bridge from GS-0335" in capsys.readouterr().out
    assert "CP-34 — Para-Professional Series" in out.read_text(encoding="utf-8")


def test_cli_roadmap_json_is_a_roadmap(capsys):
    assert (
        main(
            [
                "roadmap",
                "--from-series",
                "0392",
                "--from-grade",
                "7",
                "--to-series",
                "0391",
                "--json",
            ]
        )
        == 0
    )
    r = Roadmap.model_validate(json.loads(capsys.readouterr().out))
    assert not r.supported and r.steps[0].kind == "unsupported"


def test_cli_roadmap_reports_bad_input_with_the_known_series(capsys):
    assert (
        main(["roadmap", "--from-series", "9999", "--from-grade", "7", "--to-series", "2210"]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "0335" in err and "2210" in err
