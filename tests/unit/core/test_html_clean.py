"""The mail HTML sanitizer keeps formatting and links, and drops anything active or local."""

from __future__ import annotations

import pytest

from desktop.core.html_clean import clean_html, is_safe_link


def test_formatting_lists_tables_and_web_links_survive() -> None:
    html = (
        "<p>Hello <b>you</b> <i>there</i></p><ul><li>one</li></ul>"
        '<table><tr><td colspan="2">cell</td></tr></table>'
        '<a href="https://example.com/x?a=1">site</a> <a href="mailto:a@b.c">mail</a>'
    )
    out = clean_html(html)
    for kept in (
        "<b>you</b>",
        "<i>there</i>",
        "<li>one</li>",
        '<td colspan="2">cell</td>',
        'href="https://example.com/x?a=1"',
        'href="mailto:a@b.c"',
    ):
        assert kept in out


@pytest.mark.parametrize(
    "tag",
    [
        "<script>alert('x')</script>",
        "<style>body { background: url(http://t.example/p) }</style>",
        "<iframe src='https://evil.example'>framed</iframe>",
        "<form action='https://evil.example'><input name='pw'>login</form>",
        "<object data='x.swf'>obj</object>",
        "<embed src='x.swf'>",
    ],
)
def test_active_content_is_removed_with_what_it_holds(tag: str) -> None:
    out = clean_html(f"<p>before</p>{tag}<p>after</p>")
    assert out == "<p>before</p><p>after</p>"


def test_event_handlers_and_style_attributes_are_dropped() -> None:
    out = clean_html(
        '<p onclick="steal()" style="background:url(http://t.example/p)">x</p>'
        '<img src="https://img.example/a.png" onerror="steal()">'
    )
    assert "onclick" not in out
    assert "onerror" not in out
    assert "style" not in out
    assert "steal" not in out
    assert '<img src="https://img.example/a.png">' in out


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "file:///etc/passwd",
        "FILE:///C:/Windows/win.ini",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "../../etc/passwd",
        "relative/page.html",
    ],
)
def test_dangerous_and_local_urls_are_stripped_from_links_and_images(url: str) -> None:
    out = clean_html(f'<a href="{url}">link</a><img src="{url}">')
    assert "href" not in out
    assert "src" not in out
    assert ">link</a>" in out  # the text of the link stays


def test_a_whole_document_becomes_its_body() -> None:
    out = clean_html(
        "<html><head><title>T</title><meta http-equiv='refresh' content='0;url=x'>"
        "<base href='file:///'></head><body><h1>Hi</h1></body></html>"
    )
    assert out == "<h1>Hi</h1>"


def test_comments_and_unknown_tags_go_but_their_text_stays() -> None:
    assert clean_html("<!-- secret --><blink>x</blink><custom>y</custom>") == "xy"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com", True),
        ("HTTP://example.com", True),
        ("mailto:a@b.c", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("cid:part1", False),
        ("no-scheme", False),
    ],
)
def test_only_web_and_mail_links_may_be_opened(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe
