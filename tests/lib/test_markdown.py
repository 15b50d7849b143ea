import pytest

from lib.markdown import render


def test_markdown_is_rendered():
    assert render("**bold** and *soft*") == "<p><strong>bold</strong> and <em>soft</em></p>"


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_scripts_and_event_handlers_never_survive(attack):
    html = render(attack)
    assert "<script" not in html
    assert "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert "<iframe" not in html and "style=" not in html


def test_links_are_marked_as_user_content():
    html = render("[site](https://example.org)")
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow ugc"' in html


def test_empty_text_renders_nothing():
    assert render("") == ""
