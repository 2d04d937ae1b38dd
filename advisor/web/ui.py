"""Assemble the Gradio page from its tabs, with a system-font theme and no outside resources.

``build_ui(services, tabs)`` makes the ``gr.Blocks``; ``TABS`` lists the tab builders in
order (Chat, Calculators, Browse, About). A new tab -- the Roadmap, for one -- is a function
``build(page: Page) -> None`` that opens its own ``gr.Tab`` and is added to the list (or
passed as ``tabs=``). ``THEME``, ``CSS`` and ``JS`` are handed to ``gr.mount_gradio_app``
(Gradio 6 takes them there, not in ``gr.Blocks``). Nothing here is loaded or served.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import gradio as gr

from advisor.web.services import Services

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
                "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"]


@dataclass
class Page:
    """What a tab builder may use: the services, the Blocks (for load events) and the Tabs."""

    services: Services
    blocks: gr.Blocks
    tabs: gr.Tabs


TabBuilder = Callable[[Page], None]


def default_tabs() -> list[TabBuilder]:
    """Chat, Calculators, Browse, About -- insert a Roadmap builder before About."""
    from advisor.web import about_tab, browse_tab, calculators_tab, chat_tab, roadmap_tab

    return [chat_tab.build, calculators_tab.build, browse_tab.build, roadmap_tab.build, about_tab.build]


def theme() -> gr.themes.Base:
    # Plain font names only: a GoogleFont would make every visitor's browser call out.
    # Dark blue buttons and links: white text on them stays above WCAG AA contrast (4.5:1).
    return gr.themes.Default(primary_hue="blue", font=SYSTEM_FONTS, font_mono=MONO_FONTS).set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white",
        link_text_color="*primary_700",
    )


def build_ui(services: Services, tabs: Sequence[TabBuilder] | None = None) -> gr.Blocks:
    with gr.Blocks(title="Regulations advisor", analytics_enabled=False) as blocks:
        gr.Markdown(
            "# Regulations advisor\n"
            "Answers from AR 690-13 (CIPMS, 1990), the OPM IT Program Management Career Path "
            "Guide (2011) and Army Career Program 34, with the paragraph for every statement. "
            "Information, not legal advice — confirm with your servicing CPAC/HR office.",
            elem_id="masthead",
        )
        with gr.Tabs(elem_id="tabs") as tab_set:
            page = Page(services=services, blocks=blocks, tabs=tab_set)
            for build in tabs if tabs is not None else default_tabs():
                build(page)
    return blocks


CSS = """
#masthead h1 { margin-bottom: 0.25rem; font-size: 1.6rem; }
#masthead p { margin-top: 0; }
mark { background: #ffe58a; color: #1a1a1a; padding: 0 0.15em; border-radius: 2px; }
.dark mark { background: #8a6d00; color: #fff; }
#passage-panel { position: sticky; top: 0.5rem; align-self: flex-start; }
#passage, #viewer { max-height: 75vh; overflow-y: auto; }
.chips { flex-wrap: wrap; gap: 0.4rem; }
.chips button { flex: 0 0 auto !important; width: auto !important; min-width: 0 !important; }
.calc-card { border: 1px solid var(--border-color-primary); border-radius: 8px;
             padding: 0.5rem 0.9rem; background: var(--background-fill-secondary); }
#toc div.wrap:not([data-testid]) { flex-direction: column; flex-wrap: nowrap; max-height: 60vh;
                                   overflow-y: auto; gap: 0.25rem; }
#toc label { width: 100%; margin: 0; }
.status-message:not(:empty) { font-weight: 600; }
:focus-visible { outline: 3px solid #1d4ed8 !important; outline-offset: 2px; }
#roadmap-diagram .html-container { padding: 0; }
#roadmap-steps ol { padding-left: 2em; }
#roadmap-diagram svg { display: block; max-width: 100%; height: auto; }
#chat-buttons { flex-wrap: wrap; gap: 0.5rem; }
@media (max-width: 700px) {
  /* a phone: tab buttons small enough that all five show (Gradio hides the rest behind "⋯") */
  #tabs .tab-container button { padding: 0 6px !important; font-size: 13px !important; }
  #masthead h1 { font-size: 1.3rem; }
  #passage, #viewer { max-height: none; }
  #passage-panel { position: static; }
}
"""

# Runs once when the page loads: announce changing regions to screen readers, name each group
# of radio buttons or checkboxes after its visible label (Gradio draws a <span>, not a
# <legend>), open cited passages from links in answers, and show each new answer's first line.
JS = """
() => {
  const live = () => {
    for (const id of ['chat-status', 'passage', 'viewer', 'calc-result']) {
      const el = document.getElementById(id);
      if (el && !el.hasAttribute('aria-live')) { el.setAttribute('aria-live', 'polite'); }
    }
    for (const fs of document.querySelectorAll('fieldset:not([aria-label])')) {
      const label = fs.querySelector('[data-testid="block-info"]');
      if (label && label.textContent.trim()) { fs.setAttribute('aria-label', label.textContent.trim()); }
    }
  };
  // A citation written in an answer opens its passage beside the chat (without the script the
  // link is a deep link to the Browse tab): the hidden #cite-open button sends "<answer>:<n>".
  document.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest('#chatbot a[href*="cite="]') : null;
    const open = document.getElementById('cite-open');
    if (!a || !open) { return; }
    ev.preventDefault();
    ev.stopImmediatePropagation();
    const url = new URL(a.getAttribute('href'), window.location.href);
    window.advisorCite = `${url.searchParams.get('answer')}:${url.searchParams.get('cite')}`;
    open.click();
  }, true);
  // When a message appears in the chat (an answer, or the conversation after a reload), scroll
  // the chat box so its first line is at the top (Gradio would show its end), and on a phone
  // bring the chat box into view. Done as the message is drawn, with no round trip.
  // The row is aligned again over the next frames: when it first appears its text is not all
  // drawn yet, so the box cannot scroll far enough to bring its top up.
  let rows = 0;
  const align = (last) => {
    if (!last.isConnected) { return; }
    let box = last.parentElement;
    while (box && box.id !== 'chatbot' && !(box.scrollHeight > box.clientHeight + 1
           && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) { box = box.parentElement; }
    if (box && box.id !== 'chatbot') {
      box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    }
  };
  const showLatest = () => {
    const all = document.querySelectorAll('#chatbot .message-row');
    if (all.length <= rows) { rows = all.length; return; }
    rows = all.length;
    const last = all[all.length - 1];
    align(last);
    requestAnimationFrame(() => { align(last); requestAnimationFrame(() => align(last)); });
    for (const ms of [120, 350]) { setTimeout(() => align(last), ms); }
    const chat = document.getElementById('chatbot');
    const top = chat ? chat.getBoundingClientRect().top : 0;
    if (chat && (top < 0 || top > window.innerHeight * 0.6)) { chat.scrollIntoView({ block: 'start' }); }
  };
  let queued = false;
  live();
  new MutationObserver(() => {
    showLatest();
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; live(); }); }
  }).observe(document.body, { childList: true, subtree: true });
}
"""

# The citation a link in an answer names (set by the click handler in JS) replaces the hidden
# box's value as the input of the passage lookup.
CITE_JS = "(request, turns) => [window.advisorCite || request || '', turns]"

# Export: the conversation's Markdown (kept in a hidden box) saved as a file, no server file.
EXPORT_JS = """
(md) => {
  if (!md) { return; }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
  a.download = `conversation-${new Date().toISOString().slice(0, 10)}.md`;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
"""

# After a chip opens a passage: on a narrow screen the panel sits below, so bring it into view.
SHOW_PASSAGE_JS = """
() => {
  setTimeout(() => {
    const mark = document.querySelector('#passage mark');
    const panel = document.getElementById('passage');
    if (window.innerWidth < 900 && panel) { panel.scrollIntoView({ block: 'start' }); }
    else if (mark) { mark.scrollIntoView({ block: 'nearest' }); }
  }, 150);
}
"""

# The same for the Browse tab: on a phone the section viewer sits under the contents.
SHOW_VIEWER_JS = """
() => {
  setTimeout(() => {
    const viewer = document.getElementById('viewer');
    if (window.innerWidth < 900 && viewer) { viewer.scrollIntoView({ block: 'start' }); }
  }, 150);
}
"""
