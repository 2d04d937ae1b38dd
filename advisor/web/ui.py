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
@media (max-width: 700px) {
  #masthead h1 { font-size: 1.3rem; }
  #passage, #viewer { max-height: none; }
  #passage-panel { position: static; }
}
"""

# Runs once when the page loads: announce changing regions to screen readers, and name each
# group of radio buttons or checkboxes after its visible label (Gradio draws a <span>, not a
# <legend>).
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
  let queued = false;
  live();
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; live(); }); }
  }).observe(document.body, { childList: true, subtree: true });
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
