"""The French of every page type, as a reader meets it: the style guide's mechanical rules
(lib.typography, docs/french-style.md) over the text the browser shows in French.

The catalogue check (compile_translations --check) reads every msgstr; this reads what the
pages assemble from them and from the demo data: a colon after a placeholder, guillemets around a
title, a date. Text marked as another language (an English title on a French page has
lang="en") and code are not French and are left out.
"""

import pytest

from lib.typography import french_problems
from tests.browser.pages import PAGE_TYPES

# The visible text and the accessible names of the elements whose language is French.
FRENCH_TEXT = """() => {
  const texts = [];
  const french = (element) => {
    const marked = element.closest('[lang]');
    return marked && marked.lang.toLowerCase().startsWith('fr')
      && !element.closest('code, pre, script, style, template, noscript');
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement && french(node.parentElement) && node.textContent.trim()) {
      texts.push(node.textContent);
    }
  }
  for (const element of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
    if (!french(element)) continue;
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  // Text the stylesheet adds (a colon after a term): read with the element's own text.
  for (const element of document.body.querySelectorAll('*')) {
    if (!french(element)) continue;
    const text = element.textContent.trim();
    for (const [pseudo, around] of [['::before', (c) => c + text], ['::after', (c) => text + c]]) {
      const content = getComputedStyle(element, pseudo).content;
      if (content.startsWith('"') && content.length > 2) texts.push(around(JSON.parse(content)));
    }
  }
  texts.push(document.title);
  return texts;
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_french_page_follows_the_style_guide(page, demo_data, open_page_type, page_type):
    url = open_page_type(page, page_type, "fr")
    problems = sorted(
        {problem for text in page.evaluate(FRENCH_TEXT) for problem in french_problems(text)}
    )
    assert not problems, f"French on {url}:\n" + "\n".join(problems)
