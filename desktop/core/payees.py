"""Turn a raw bank payee ("POS 1234 EDEKA CENTER 12.03") into a readable merchant ("Edeka Center").

Banks pad the payee with booking words (POS, SEPA-LASTSCHRIFT, KARTENZAHLUNG), payment processors
(PAYPAL *, SQ *), reference codes after a ``*``, card and store numbers, dates, domains and city
names. `clean_payee` takes that noise out in a few precompiled passes, maps some well-known
merchants to one spelling ("AMZN Mktp DE*2K3L45" -> "Amazon") and title-cases text the bank wrote in
capitals. Mixed-case text keeps its case. Non-empty input never yields "".
"""

from __future__ import annotations

import re
from functools import lru_cache

# Booking words, payment processors and leading numbers, stripped as a run from the start
# ("EC KARTENZAHLUNG 12.03 14:35 REWE", "PAYPAL *STEAM GAMES", "POS 1234 EDEKA").
_BOOKING_WORDS = (
    r"sepa[- ](?:lastschrift|basislastschrift|firmenlastschrift|überweisung|ueberweisung"
    r"|gutschrift|dauerauftrag|echtzeitüberweisung|direct debit|credit transfer)"
    r"|sepa|lastschrift(?:einzug)?|basislastschrift|kartenzahlung|kartenumsatz|girocard"
    r"|ec[- ]karte|ec|pos|visa|mastercard|maestro|debit card purchase|card purchase"
    r"|debit card|pos purchase|pos debit|checkcard|contactless|apple pay|google pay"
    r"|direct debit|dd|standing order|faster payment|bill payment|recurring payment"
    r"|ach debit|ach credit|ach|überweisung|ueberweisung|gutschrift|dauerauftrag|abbuchung"
    r"|einzug|belastung|purchase(?: authorized on \d\d/\d\d)?|online payment|payment to"
)
_LEADING_NUMBERS = r"[#\d./:-]*\d[\d./:-]*|[x*]{2,}\d+"
_PROCESSORS = r"paypal \(europe\)[^*]*|paypal|pp|sq|tst|sp|google|zettle_?|sumup|iz"
_PREFIXES = re.compile(
    rf"^(?:(?:(?:{_BOOKING_WORDS})(?=[\s*:/.,-]|$)|(?:{_LEADING_NUMBERS})(?=\s|$)"
    rf"|(?:{_PROCESSORS})\s*\*|www\.)[\s*:/.,-]*)+",
    re.IGNORECASE,
)
# A domain, reduced to its name: help.uber.com -> uber, AMAZON.DE -> AMAZON.
_DOMAIN = re.compile(
    r"(?<![\w.-])(?:[\w-]+\.)*([\w-]+)\.(?:co\.uk|gov\.uk|org\.uk|com|de|net|org|io|eu|fr|nl|it"
    r"|es|at|ch|be)"
    r"\b(?:/\S*)?",
    re.IGNORECASE,
)
# A whole token that is noise: a date, time or number (12.03, 14:35, 1234, #552), a masked card
# (XXXX1234), a store id (T-1234, FIL.1234) or a reference code (three or more digits, or a
# long token with two: P1A2B3C4D5, XECNUV02AB).
_NOISE_TOKEN = re.compile(
    r"#?[\d./:-]*\d[\d./:-]*"
    r"|[x*]{2,}\d+"
    r"|[a-z]{1,2}-\d{3,}"
    r"|(?:nr|fil|no)\.?\d+"
    r"|(?=(?:\D*\d){3})[a-z0-9]{5,}"
    r"|(?=(?:\D*\d){2})[a-z0-9]{8,}",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    """A set of the space-separated words of `text` (keeps long word lists readable)."""
    return frozenset(text.split())


_NUMBER_WORDS = _words("nr nr. no no. fil fil. filiale store markt-nr")
_EDGE_PUNCTUATION = " \t*-/.,:;#_|"
_HAS_DIGIT = re.compile(r"\d")
_WORD_JOINTS = re.compile(r"([-/])")  # split "HUK-COBURG" but keep the joint
_VOWELS = frozenset("aeiouäöü")
_NOT_ACRONYMS = _words("dr st mr mrs ms jr sr ltd plc")

# Legal forms, written without dots ("S.A.R.L." -> "sarl", "B.V." -> "bv").
_LEGAL_SUFFIXES = _words(
    "gmbh ag se kg ohg ug ek ev ltd llc inc corp plc sa bv srl sarl co & gmbh&co cie"
)
_CITIES = _words(
    "berlin hamburg muenchen münchen munich koeln köln cologne frankfurt stuttgart duesseldorf "
    "düsseldorf leipzig dresden hannover nuernberg nürnberg bremen essen dortmund bonn mannheim "
    "karlsruhe freiburg potsdam wien vienna zuerich zürich london manchester paris lyon amsterdam "
    "rotterdam madrid barcelona rome roma milano milan dublin brussels bruxelles copenhagen "
    "stockholm oslo prague praha warsaw lisbon seattle chicago boston austin"
)
_COUNTRY_CODES = _words("de deu ger gb gbr uk us usa nl nld fr fra at aut ch che es it ie")

# Well-known merchants, first match wins: (pattern at the start, case-insensitive) -> name.
_ALIASES: tuple[tuple[str, str], ...] = (
    (r"(?:amazon|amzn)\s*(?:\.\w+\s*)?prime(?:\s*video)?", "Amazon Prime"),
    (r"prime\s*video", "Amazon Prime"),
    (r"(?:amzn|amazon)(?:\s*mktp|\s*marketplace|\s*eu|\s*digital|\s*payments?|\.\w+)*", "Amazon"),
    (r"audible", "Audible"),
    (r"spotify", "Spotify"),
    (r"netflix", "Netflix"),
    (r"disney\s*(?:plus|\+)", "Disney+"),
    (r"apple(?:\.com)?(?:/bill|\s+services)?", "Apple"),
    (r"itunes", "Apple"),
    (r"youtube\s*premium", "YouTube Premium"),
    (r"uber\s*\*?\s*eats", "Uber Eats"),
    (r"uber", "Uber"),
    (r"lyft", "Lyft"),
    (r"bolt\.eu|bolt", "Bolt"),
    (r"lieferando", "Lieferando"),
    (r"deliveroo", "Deliveroo"),
    (r"airbnb", "Airbnb"),
    (r"booking(?:\.com|\s+com)?", "Booking.com"),
    (r"db\s+(?:vertrieb|fernverkehr|regio|bahn|navigator)|deutsche\s+bahn", "Deutsche Bahn"),
    (r"bvg", "BVG"),
    (r"lufthansa", "Lufthansa"),
    (r"ryanair", "Ryanair"),
    (r"easyjet", "easyJet"),
    (r"rewe", "Rewe"),
    (r"aldi(?:\s*(?:sued|süd|nord))?", "Aldi"),
    (r"lidl", "Lidl"),
    (r"kaufland", "Kaufland"),
    (r"netto(?:\s*marken[- ]discount)?", "Netto"),
    (r"penny(?:\s*markt)?", "Penny"),
    (r"dm(?:[- ](?:drogerie|fil)|\s+drogeriemarkt)?", "dm"),
    (r"rossmann", "Rossmann"),
    (r"ikea", "IKEA"),
    (r"media\s*markt", "MediaMarkt"),
    (r"zalando", "Zalando"),
    (r"ebay", "eBay"),
    (r"shell", "Shell"),
    (r"aral", "Aral"),
    (r"esso", "Esso"),
    (r"starbucks", "Starbucks"),
    (r"mc\s*donald'?s|mcdonalds", "McDonald's"),
    (r"burger\s*king", "Burger King"),
    (r"vodafone", "Vodafone"),
    (r"github", "GitHub"),
    (r"openai|chatgpt", "OpenAI"),
    (r"tesco", "Tesco"),
    (r"sainsbury'?s?", "Sainsbury's"),
    (r"walmart|wal-mart", "Walmart"),
    (r"whole\s*foods", "Whole Foods"),
    (r"trader\s*joe'?s", "Trader Joe's"),
    (r"paypal(?:\s*\(europe\))?", "PayPal"),
)
_ALIAS_END = frozenset(" \t*-/.,:;#_|0123456789")


def _leading_letters(pattern: str) -> set[str]:
    """The letters an alias pattern can start with ("(?:amazon|amzn)..." -> {"a"}).

    The patterns above start each alternative with a letter or a "(?:" group of such
    alternatives; that is all this reads.
    """
    letters: set[str] = set()
    depth = 0
    at_start = True
    for index, char in enumerate(pattern):
        if at_start and depth == 0:
            if pattern.startswith("(?:", index):
                close = _closing_paren(pattern, index)
                letters |= _leading_letters(pattern[index + 3 : close])
            else:
                letters.add(char.casefold())
            at_start = False
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            at_start = True
    return letters


def _closing_paren(pattern: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(pattern)):
        depth += {"(": 1, ")": -1}.get(pattern[index], 0)
        if depth == 0:
            return index
    raise ValueError(f"unbalanced alias pattern: {pattern}")


def _alias_matchers() -> dict[str, re.Pattern[str]]:
    """For each first letter, one regex of the aliases that can start with it (order kept)."""
    by_letter: dict[str, list[int]] = {}
    for index, (pattern, _) in enumerate(_ALIASES):
        for letter in _leading_letters(pattern):
            by_letter.setdefault(letter, []).append(index)
    return {
        letter: re.compile(
            "|".join(f"(?P<a{index}>{_ALIASES[index][0]})" for index in indices), re.IGNORECASE
        )
        for letter, indices in by_letter.items()
    }


_ALIAS_BY_LETTER = _alias_matchers()


def _alias(text: str) -> str | None:
    """The well-known name when `text` starts with one (as a whole word), else None."""
    matcher = _ALIAS_BY_LETTER.get(text[:1].casefold())
    match = matcher.match(text) if matcher is not None else None
    if match is None or match.lastgroup is None:
        return None
    end = match.end()
    if end < len(text) and text[end] not in _ALIAS_END:
        return None  # "Shellfish" is not Shell
    return _ALIASES[int(match.lastgroup[1:])][1]


def _capitalise(word: str) -> str:
    """MCDONALD'S -> Mcdonald's, HUK-COBURG -> Huk-Coburg; BP and MVG stay (acronyms)."""
    folded = word.casefold()
    if len(word) <= 3 and not _VOWELS.intersection(folded) and folded not in _NOT_ACRONYMS:
        return word.upper()
    parts = _WORD_JOINTS.split(word)
    return "".join(part[:1].upper() + part[1:].lower() for part in parts)


def _drop_trailing_places(tokens: list[str]) -> list[str]:
    """City names, country codes and legal forms at the end go when something else remains."""
    while len(tokens) > 1:
        last = tokens[-1].casefold().replace(".", "").strip(",")
        if last in _CITIES or last in _COUNTRY_CODES or last in _LEGAL_SUFFIXES or not last:
            tokens.pop()
            continue
        break
    return tokens


def _meaningful_tokens(text: str) -> list[str]:
    """The words of `text` without numbers, dates, codes and the "Nr."/"Filiale" before them."""
    kept: list[str] = []
    for token in text.split():
        if _HAS_DIGIT.search(token) and _NOISE_TOKEN.fullmatch(token):
            if kept and kept[-1].casefold() in _NUMBER_WORDS:
                kept.pop()
            continue
        token = token.strip(_EDGE_PUNCTUATION)
        if token:
            kept.append(token)
    return kept


@lru_cache(maxsize=65536)
def clean_payee(raw: str) -> str:
    """A readable merchant name for a raw bank payee; the trimmed input when nothing is left."""
    trimmed = " ".join(raw.split())
    if not trimmed:
        return trimmed
    text = _PREFIXES.sub("", trimmed, count=1)
    head, star, tail = text.partition("*")
    if star:
        known = _alias(text)  # "UBER *EATS" before the star is cut off
        if known is not None:
            return known
        text = head.strip(_EDGE_PUNCTUATION) or tail
    if "." in text:
        text = _DOMAIN.sub(r"\1", text)
    tokens = _drop_trailing_places(_dedupe(_meaningful_tokens(text)))
    if not tokens:
        return _alias(trimmed) or trimmed  # "PAYPAL *" is PayPal; "12345" stays as it is
    text = " ".join(tokens)
    known = _alias(text)
    if known is not None:
        return known
    if text.isupper() or text.islower():
        text = " ".join(_capitalise(token) for token in tokens)
    return text


def _dedupe(tokens: list[str]) -> list[str]:
    """Drop a token that repeats an earlier one ("UBER uber" after a domain was reduced)."""
    seen: set[str] = set()
    kept: list[str] = []
    for token in tokens:
        key = token.casefold()
        if key in seen:
            continue
        seen.add(key)
        kept.append(token)
    return kept
