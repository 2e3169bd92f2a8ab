"""Category rules: "payee contains 'rewe' -> Groceries", matched in order, first match wins.

A rule has up to three conditions (payee, size of the amount, account), a category and an
optional new payee name. `check_rule` normalises a rule typed by the user or refuses it with a
message that says what to fix. `RuleSet` matches many transactions quickly: patterns are compiled
and case-folded once, and the cheap conditions are tested before the payee.
`suggest_rule` turns a user's correction into a rule proposal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from desktop.core.errors import UserError
from desktop.core.payees import clean_payee

PAYEE_OPS = ("", "contains", "equals", "regex")
MAX_PATTERN_LENGTH = 300


@dataclass(frozen=True)
class RuleSpec:
    """One rule; empty/None conditions match anything."""

    category: str
    payee_op: str = ""  # "" = any payee
    payee_pattern: str = ""
    min_minor: int | None = None  # bounds on abs(amount_minor), inclusive
    max_minor: int | None = None
    account_id: str | None = None  # str(uuid) of an account, None = any
    rename_to: str = ""  # when set, the matched transaction's payee becomes this
    position: int = 0
    id: str | None = None
    enabled: bool = True


def check_rule(spec: RuleSpec) -> RuleSpec:
    """`spec` trimmed and checked, or a UserError saying what is wrong and how to fix it.

    A pattern without an operation means "contains". Rules compare the size of an amount,
    whatever its sign, so negative bounds count by their size ("--min -50 --max -10" is the
    same as "--min 10 --max 50").
    """
    category = spec.category.strip()
    if not category:
        raise UserError("a rule needs a category; give one with --category, e.g. Groceries")
    op = spec.payee_op.strip().lower()
    pattern = spec.payee_pattern.strip()
    if op not in PAYEE_OPS:
        known = ", ".join(repr(name) for name in PAYEE_OPS if name)
        raise UserError(f"'{spec.payee_op}' is not a payee test; use one of {known}")
    if pattern and not op:
        op = "contains"
    if op and not pattern:
        raise UserError(f"the payee test '{op}' needs a pattern, e.g. --payee-{op} rewe")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UserError(
            f"the payee pattern is {len(pattern)} characters long; "
            f"keep it to {MAX_PATTERN_LENGTH} or fewer"
        )
    if op == "regex":
        _compile(pattern)
    low = None if spec.min_minor is None else abs(spec.min_minor)
    high = None if spec.max_minor is None else abs(spec.max_minor)
    if low is not None and high is not None and spec.min_minor == -low and spec.max_minor == -high:
        low, high = min(low, high), max(low, high)  # "--min -50 --max -10": spent 10 to 50
    if low is not None and high is not None and low > high:
        raise UserError(
            "the smallest amount of a rule is larger than its largest; swap --min and --max"
        )
    account = spec.account_id.strip() if spec.account_id else None
    if not op and low is None and high is None and not account:
        raise UserError(
            "a rule needs at least one condition (a payee pattern, an amount bound or an account)"
            " so that it does not categorise every transaction"
        )
    return replace(
        spec,
        category=category,
        payee_op=op,
        payee_pattern=pattern,
        min_minor=low,
        max_minor=high,
        account_id=account or None,
        rename_to=spec.rename_to.strip(),
    )


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        where = f" at character {exc.pos + 1}" if exc.pos is not None else ""
        raise UserError(
            f"the payee regex '{pattern}' is not valid: {exc.msg}{where}; "
            "fix it, or use --payee-contains for plain text"
        ) from None


# How a compiled rule tests the payee.
_ANY, _CONTAINS, _EQUALS, _REGEX = range(4)
# kind, needle (folded text or compiled regex), low, high, account, the rule
_Compiled = tuple[int, Any, int | None, int | None, str | None, RuleSpec]


class RuleSet:
    """Enabled rules in (position, id) order; `match` returns the first that applies."""

    def __init__(self, specs: Iterable[RuleSpec]) -> None:
        ordered = sorted(
            (spec for spec in specs if spec.enabled),
            key=lambda spec: (spec.position, spec.id or ""),
        )
        rules: list[_Compiled] = []
        skipped: list[tuple[RuleSpec, str]] = []
        for spec in ordered:
            try:
                checked = check_rule(spec)
            except UserError as exc:
                skipped.append((spec, str(exc)))
                continue
            kind, needle = _payee_test(checked)
            rules.append(
                (kind, needle, checked.min_minor, checked.max_minor, checked.account_id, checked)
            )
        self._rules = tuple(rules)
        # Rules that could not be used (e.g. a regex synced from a newer version), with the reason.
        self.skipped: tuple[tuple[RuleSpec, str], ...] = tuple(skipped)

    def __len__(self) -> int:
        return len(self._rules)

    @property
    def rules(self) -> tuple[RuleSpec, ...]:
        """The usable rules, in the order they are tried."""
        return tuple(rule[-1] for rule in self._rules)

    def match(
        self, payee: str, amount_minor: int, account_id: str | None, original_payee: str = ""
    ) -> RuleSpec | None:
        """The first rule whose conditions all hold, or None.

        Payee tests ignore case and succeed when either the payee or the bank's original payee
        passes; amount bounds compare abs(amount_minor). The cheap tests (amount, account) run
        first, and the payee is case-folded once per call.
        """
        size = abs(amount_minor)
        folded = payee.casefold()
        other = original_payee if original_payee and original_payee != payee else ""
        other_folded = other.casefold()
        for kind, needle, low, high, account, spec in self._rules:
            if low is not None and size < low:
                continue
            if high is not None and size > high:
                continue
            if account is not None and account != account_id:
                continue
            if kind == _CONTAINS:
                if needle in folded or (other and needle in other_folded):
                    return spec
            elif kind == _EQUALS:
                if needle == folded.strip() or (other and needle == other_folded.strip()):
                    return spec
            elif kind == _REGEX:
                if needle.search(payee) or (other and needle.search(other)):
                    return spec
            else:
                return spec
        return None


def _payee_test(spec: RuleSpec) -> tuple[int, Any]:
    """The kind of payee test of a checked rule and what it looks for."""
    if spec.payee_op == "contains":
        return _CONTAINS, spec.payee_pattern.casefold()
    if spec.payee_op == "equals":
        return _EQUALS, spec.payee_pattern.casefold()
    if spec.payee_op == "regex":
        return _REGEX, _compile(spec.payee_pattern)
    return _ANY, None


def suggest_rule(payee: str, category: str) -> RuleSpec:
    """The rule a user's correction suggests: payee contains the cleaned payee -> category."""
    cleaned = clean_payee(payee).casefold()
    if not cleaned:
        raise UserError("a transaction without a payee cannot suggest a rule; add one by hand")
    return check_rule(
        RuleSpec(
            category=category,
            payee_op="contains",
            payee_pattern=cleaned[:MAX_PATTERN_LENGTH].strip(),
        )
    )
