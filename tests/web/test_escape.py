"""Text that is not the project's own shows as text: no tag, link or image comes out of it.

Rendered with markdown-it with raw HTML *allowed* (as the page's Markdown renderer passes it
through to its sanitiser), so a tag that survived escaping would show up here.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from advisor.models import Answer
from advisor.web.escape import markdown_text, plain
from advisor.web.render import answer_markdown

OUTSIDE = "http://127.0.0.2:9/p"  # another loopback address: a request there would be "outside"
PAYLOADS = [
    f'AR 690-13 <form><input type=password></form><img src="{OUTSIDE}" style="position:fixed;width:100vw;height:100vh">',
    f"[Session expired, log in again]({OUTSIDE}/login)",
    f"![x]({OUTSIDE}/pixel.png)",
    f"<a href='{OUTSIDE}'>Session expired</a>",
    f"<iframe src='{OUTSIDE}'></iframe><script>alert(1)</script>",
    f"<style>body{{background:url({OUTSIDE})}}</style>",
    f"<{OUTSIDE}> and {OUTSIDE} and www.example.org",
    f"[ref]: {OUTSIDE}\n\n[Session expired][ref]",
    "<svg onload=alert(1)><math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "&lt;img src=x onerror=alert(1)&gt;",
]
SAFE_TAGS = {"p", "br", "strong", "em", "blockquote", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, attrs))


def _tags(md: str) -> list[tuple[str, list]]:
    parser = _Tags()
    parser.feed(MarkdownIt("commonmark", {"html": True}).render(md))
    return parser.tags


def _only_safe(md: str) -> bool:
    tags = _tags(md)
    return all(tag in SAFE_TAGS and not attrs for tag, attrs in tags)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_shows_no_tag_link_or_image(payload):
    assert [tag for tag, _ in _tags(plain(payload))] in (["p"], ["p", "br"], ["p", "br", "br"], ["p", "p"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_answer_and_corpus_markdown_keep_formatting_but_no_tag_link_or_image(payload):
    md = markdown_text(f"**Short answer.** {payload}\n\n> quoted rule")
    tags = [tag for tag, _ in _tags(md)]
    assert "strong" in tags and "blockquote" in tags and _only_safe(md), _tags(md)


def test_plain_text_keeps_the_words_as_typed():
    typed = "Is 2026-11-02 + 15 days = Nov 17? it's *urgent* # 1. [x] | a_b"
    out = MarkdownIt("commonmark").render(plain(typed))
    assert [tag for tag, _ in _tags(plain(typed))] == ["p"]
    assert "2026-11-02 + 15 days = Nov 17? it's *urgent* # 1. [x] | a_b" in out


def test_an_answer_with_injected_html_is_shown_as_text():
    answer = Answer(answer=f"See <img src='{OUTSIDE}'> [here]({OUTSIDE}).", notes=[f"<b>{OUTSIDE}</b>"])
    assert _only_safe(answer_markdown(answer)), _tags(answer_markdown(answer))


def test_a_passage_marks_its_quote_and_escapes_the_rest(services):
    library = services.library
    section = library.resolve("AR 690-13 3-9b")
    text = library.passage_markdown(section, ["15 calendar days"])
    assert "<mark>15 calendar days</mark>" in text
    assert text.count("<mark>") == 1 and "<img" not in text
