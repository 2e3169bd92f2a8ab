"""Mail HTML made safe to show: an allow-list sanitizer (nh3) for the Inbox reader.

What survives is text formatting, lists, tables, links and images. Scripts,
styles, frames, forms and embedded objects are removed with their content;
event handlers (`on*`) and `style` attributes are dropped; links and image
sources keep only `http`, `https`, `mailto` and `cid` URLs, so `file:`,
`javascript:` and `data:` URLs disappear, as do relative ones (they would
resolve against the local disk). Remote images are still referenced here; the
reader refuses to fetch them.
"""

from __future__ import annotations

import functools

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "center", "cite", "code", "dd",
        "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "s", "small", "span",
        "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "u", "ul",
    }
)  # fmt: skip

# Removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
        "form", "input", "button", "select", "textarea", "noscript", "template", "svg",
        "math", "link", "meta", "base", "title", "head",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"title", "lang", "dir", "align"}),
    "a": frozenset({"href", "name"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "valign", "width"}),
    "th": frozenset({"colspan", "rowspan", "valign", "width"}),
    "table": frozenset({"border", "cellpadding", "cellspacing", "width"}),
    "font": frozenset({"color", "size"}),
    "ol": frozenset({"start", "type"}),
}

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "cid"})


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_SCHEMES),
        url_relative="deny",
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def clean_html(html: str) -> str:
    """`html` (a mail body, a fragment or a whole document) reduced to the safe subset."""
    return _cleaner().clean(html)


def is_safe_link(url: str) -> bool:
    """Whether the reader may hand `url` to the system to open (web and mail links only)."""
    scheme, sep, _ = url.strip().partition(":")
    return bool(sep) and scheme.lower() in {"http", "https", "mailto"}
