"""The page in a real browser: Debian's Chromium, headless, driven by Playwright over the live server.

Asks a question, opens a citation chip's passage, gives feedback and finds the row in SQLite,
runs a calculator (bad, then good values), opens deep links, uses the keyboard, saves
screenshots at 1280 and 390 px to test-artifacts/, shows crafted HTML and Markdown (deep links,
questions, searches) as text with no form, image, frame or link of theirs, checks that the
Content-Security-Policy blocks an outside image, and that every request the page made went
to 127.0.0.1. Never runs `playwright install`: Chromium comes from apt (see Makefile).
"""

from __future__ import annotations

import json
import time

import pytest
from browser_support import (
    ANSWER_TIMEOUT_MS,
    BROWSER_MARKS,
    artifacts,
    choose_calculator,
    feedback_row,
)
from playwright.sync_api import expect

pytestmark = BROWSER_MARKS


def test_ask_read_the_cited_passage_and_give_feedback(page_at, web_settings):
    page = page_at()
    started = time.perf_counter()
    page.get_by_label("Your question").fill("I was downgraded on 2026-11-02. When is my appeal deadline?")
    page.get_by_role("button", name="Ask", exact=True).click()
    chip = page.locator(".cite-chip").first
    chip.wait_for(timeout=ANSWER_TIMEOUT_MS)
    print(f"answer shown after {time.perf_counter() - started:.1f} s")
    assert "Tuesday, November 17, 2026" in page.locator("#chatbot").inner_text()
    assert chip.inner_text().startswith("AR 690-13 ¶ ")
    assert "AR 690-13 para 3-9b" in page.locator(".calc-card").first.inner_text()

    chip.click()
    mark = page.locator("#passage mark").first
    mark.wait_for(timeout=30_000)
    assert "15 calendar days" in mark.inner_text()
    assert "Chapter 3" in page.locator("#passage").inner_text()  # the breadcrumb
    page.screenshot(path=str(artifacts() / "desktop-1280-answer.png"), full_page=True)

    page.get_by_label("Comment on this answer (optional)").fill("browser test comment")
    page.get_by_label("A citation is wrong").check()
    page.get_by_role("button", name="👍 Helpful").click()
    page.get_by_text("Thank you — your feedback on this answer was saved").wait_for(timeout=30_000)
    row = feedback_row(web_settings, "browser test comment")
    assert row["question"].startswith("I was downgraded") and row["rating"] == "up" and row["wrong_citation"] == 1
    assert json.loads(row["citations"])[0]["source"] == "AR 690-13"

    page.get_by_role("button", name="New conversation").click()
    page.get_by_text("Ask a question, or pick an example:").wait_for(timeout=30_000)
    expect(page.locator(".cite-chip")).to_have_count(0, timeout=30_000)  # panels re-render


def test_an_empty_question_gets_a_message_and_the_page_keeps_working(page_at):
    page = page_at()
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator("#chat-status").get_by_text("The question is empty").wait_for(timeout=30_000)
    page.get_by_label("Your question").fill("What is the IT Core Series in CP-34?")
    page.get_by_label("Your question").press("Enter")  # the keyboard asks, too
    page.locator(".cite-chip").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.locator(".cite-chip").first.focus()
    page.keyboard.press("Enter")  # and opens a passage
    page.locator("#passage mark").first.wait_for(timeout=30_000)


def test_calculator_form_rejects_an_impossible_date_then_computes(page_at):
    page = page_at()
    page.get_by_role("tab", name="Calculators").click()
    choose_calculator(page, "Deadline to appeal a downgrade")
    date = page.get_by_label("Action date")
    date.fill("2026-02-30")
    page.get_by_role("button", name="Calculate").click()
    page.locator("#calc-result").get_by_text("not a real calendar date").wait_for(timeout=30_000)
    date.fill("2026-11-02")
    page.get_by_role("button", name="Calculate").click()
    page.locator("#calc-result").get_by_text("Tuesday, November 17, 2026").first.wait_for(timeout=30_000)
    assert "AR 690-13 para 3-9b" in page.locator("#calc-result").inner_text()


@pytest.mark.parametrize("query,expect", [
    ("?section=AR%20690-13%203-13", "Formal appeal procedures"),
    ("?section=AR%20690-13%20para%203-13", "Formal appeal procedures"),
    ("?section=CP-34%20%E2%80%94%20IT%20Core%20Series", "0391 Telecommunications"),
    ("?section=AR%20690-13%2042-42", "Section not found"),
])
def test_deep_links_open_the_browse_tab(page_at, query, expect):
    page = page_at(query)
    page.locator("#viewer").get_by_text(expect).first.wait_for(timeout=30_000)
    assert page.get_by_role("tab", name="Browse").get_attribute("aria-selected") == "true"


def test_browse_search_opens_a_section(page_at):
    page = page_at()
    page.get_by_role("tab", name="Browse").click()
    page.get_by_label("Search sections").fill("retroactive benefits")
    page.get_by_label("AR 690-13 ¶ 3-9b · Overview").check()
    page.locator("#viewer").get_by_text("15 calendar days").first.wait_for(timeout=30_000)


def test_every_control_is_labelled(page_at):
    page = page_at()
    unnamed = page.evaluate("""() => [...document.querySelectorAll('input, textarea, select, button')]
        .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
        .filter(el => !((el.getAttribute('aria-label') || el.title || (el.labels && el.labels[0]
                         && el.labels[0].textContent) || (el.tagName === 'BUTTON' && el.textContent)
                         || '').trim()))
        .map(el => el.outerHTML.slice(0, 120))""")
    assert unnamed == []


def test_phone_width_screenshot_after_an_answer(page_at):
    page = page_at(width=390, height=844)
    page.get_by_label("Your question").fill("Can I appeal the grade of my position?")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator(".cite-chip").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.locator(".cite-chip").first.click()
    page.locator("#passage mark").first.wait_for(timeout=30_000)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at phone width ({width}px)"
    page.screenshot(path=str(artifacts() / "phone-390-answer.png"), full_page=True)


OUTSIDE = "http://127.0.0.2:9"  # loopback, but not the server: any request there is a failure
PAYLOADS = [
    (f'AR 690-13 <form><input type=password name=pw></form><img src="{OUTSIDE}/p" '
     'style="position:fixed;width:100vw;height:100vh">'),
    f'AR 690-13 3-13 <a href="{OUTSIDE}/login">Session expired</a> ![x]({OUTSIDE}/img.png)',
    f"[Session expired, log in again]({OUTSIDE}/login) <iframe src='{OUTSIDE}/f'></iframe>",
    f"<svg onload=\"fetch('{OUTSIDE}/s')\"></svg><style>body{{background:url({OUTSIDE}/b)}}</style>",
]


def _nothing_injected(page, where: str) -> None:
    region = page.locator(where)
    injected = (f'form, input[type=password], iframe, img[src^="{OUTSIDE}"], a[href^="{OUTSIDE}"], '
                '[style*="100vw"], svg[onload]')
    assert region.locator(injected).count() == 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_crafted_deep_link_shows_its_text_and_nothing_else(page_at, payload, requests_seen):
    from urllib.parse import quote

    page = page_at("?section=" + quote(payload, safe=""))
    page.locator("#viewer").get_by_text("Section not found").wait_for(timeout=30_000)
    _nothing_injected(page, "#viewer")
    assert not [u for u in requests_seen if u.startswith(OUTSIDE)]


def test_a_crafted_question_and_search_show_as_text(page_at, requests_seen):
    page = page_at()
    page.get_by_label("Your question").fill(PAYLOADS[0] + " " + PAYLOADS[2])
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator(".answer-panel").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert "<form>" in page.locator("#chatbot").inner_text()  # shown as typed
    _nothing_injected(page, "#chatbot")
    _nothing_injected(page, ".answer-panel")
    page.get_by_role("tab", name="Browse").click()
    page.get_by_label("Search sections").fill(PAYLOADS[1])
    page.locator("#toc-note").get_by_text("No section matches").wait_for(timeout=30_000)
    _nothing_injected(page, "#toc-note")
    assert not [u for u in requests_seen if u.startswith(OUTSIDE)]


def test_the_policy_stops_an_outside_image_even_if_one_got_into_the_page(browser, live_server):
    ctx = browser.new_context()  # its own context: this test's blocked request is expected
    try:
        page = ctx.new_page()
        failed: list[tuple[str, str]] = []
        page.on("requestfailed", lambda r: failed.append((r.url, r.failure or "")))
        page.goto(live_server)
        page.get_by_role("tab", name="Chat").wait_for(timeout=60_000)
        blocked = page.evaluate("""(url) => new Promise((done) => {
            document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), {once: true});
            const img = document.createElement('img'); img.src = url; document.body.appendChild(img);
            setTimeout(() => done('not blocked'), 3000);
        })""", f"{OUTSIDE}/pixel.png")
        assert blocked.startswith("img-src")
        page.wait_for_timeout(200)
        assert [f for u, f in failed if u.startswith(OUTSIDE)] in (["csp"], ["net::ERR_BLOCKED_BY_CSP"])
    finally:
        ctx.close()


def test_every_request_went_to_loopback(requests_seen):
    assert requests_seen, "the browser tests recorded no requests"
    outside = sorted({u for u in requests_seen
                      if not u.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))})
    assert outside == []
    (artifacts() / "browser-requests.json").write_text(json.dumps(sorted(set(requests_seen)), indent=1))
