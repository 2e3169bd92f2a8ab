"""Category rules: payee tests, amount bounds, accounts, order, disabled rules, checks, scale."""

from __future__ import annotations

import random

import pytest

from desktop.core.category_rules import PAYEE_OPS, RuleSet, RuleSpec, check_rule, suggest_rule
from desktop.core.errors import UserError
from desktop.core.payees import clean_payee

CHECKING = "5f0c2a52-8a3e-4c1f-9d0b-000000000001"
CARD = "5f0c2a52-8a3e-4c1f-9d0b-000000000002"


def rule(category: str, **fields: object) -> RuleSpec:
    return RuleSpec(category, **fields)  # type: ignore[arg-type]


# -- payee tests ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "pattern", "payee", "matches"),
    [
        ("contains", "rewe", "REWE Markt", True),
        ("contains", "REWE", "rewe markt", True),
        ("contains", "rewe", "Edeka", False),
        ("equals", "netflix", "Netflix", True),
        ("equals", "netflix", "Netflix Games", False),
        ("equals", "  netflix ", "NETFLIX", True),
        ("regex", r"^(aldi|lidl)\b", "LIDL Berlin", True),
        ("regex", r"^(aldi|lidl)\b", "Aldinger Bau", False),
        ("regex", r"stra(ß|ss)e", "Hauptstraße 5", True),
        ("", "", "anything at all", True),
    ],
)
def test_payee_operations(op: str, pattern: str, payee: str, matches: bool) -> None:
    extra = {} if op else {"max_minor": 10_000}
    rules = RuleSet([rule("Picked", payee_op=op, payee_pattern=pattern, **extra)])
    found = rules.match(payee, -1_000, None)
    assert (found is not None) is matches
    if matches:
        assert found is not None
        assert found.category == "Picked"


def test_payee_test_also_tries_the_original_bank_payee() -> None:
    rules = RuleSet([rule("Shopping", payee_op="contains", payee_pattern="amzn mktp")])
    found = rules.match("Amazon", -2_599, None, original_payee="AMZN Mktp DE*2K3L45")
    assert found is not None
    assert found.category == "Shopping"
    assert rules.match("Amazon", -2_599, None) is None


# -- amount bounds and accounts ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "matches"),
    [(-999, False), (-1_000, True), (-5_000, True), (5_000, True), (-5_001, False), (0, False)],
)
def test_amount_bounds_are_inclusive_and_ignore_the_sign(amount: int, matches: bool) -> None:
    rules = RuleSet(
        [rule("Mid", payee_op="contains", payee_pattern="shop", min_minor=1_000, max_minor=5_000)]
    )
    assert (rules.match("Shop", amount, None) is not None) is matches


def test_account_condition() -> None:
    rules = RuleSet([rule("Card fees", payee_op="contains", payee_pattern="fee", account_id=CARD)])
    assert rules.match("Annual fee", -4_900, CARD) is not None
    assert rules.match("Annual fee", -4_900, CHECKING) is None
    assert rules.match("Annual fee", -4_900, None) is None


# -- order, disabled rules, renaming ----------------------------------------------------------


def test_first_rule_by_position_wins_whatever_the_input_order() -> None:
    specs = [
        rule("General", payee_op="contains", payee_pattern="rewe", position=2, id="b"),
        rule("Groceries", payee_op="contains", payee_pattern="rewe", position=1, id="z"),
        rule("Tie later id", payee_op="contains", payee_pattern="rewe", position=1, id="zz"),
    ]
    for ordering in (specs, list(reversed(specs))):
        found = RuleSet(ordering).match("REWE", -1_234, None)
        assert found is not None
        assert found.category == "Groceries"


def test_a_later_rule_applies_when_an_earlier_one_fails_a_condition() -> None:
    rules = RuleSet(
        [
            rule(
                "Big shop", payee_op="contains", payee_pattern="rewe", min_minor=10_000, position=1
            ),
            rule("Groceries", payee_op="contains", payee_pattern="rewe", position=2),
        ]
    )
    assert rules.match("REWE", -15_000, None).category == "Big shop"  # type: ignore[union-attr]
    assert rules.match("REWE", -1_500, None).category == "Groceries"  # type: ignore[union-attr]


def test_disabled_rules_are_skipped() -> None:
    rules = RuleSet(
        [
            rule("Off", payee_op="contains", payee_pattern="rewe", position=1, enabled=False),
            rule("On", payee_op="contains", payee_pattern="rewe", position=2),
        ]
    )
    assert len(rules) == 1
    assert [spec.category for spec in rules.rules] == ["On"]
    found = rules.match("REWE", -100, None)
    assert found is not None
    assert found.category == "On"


def test_rename_to_is_carried_by_the_matched_rule() -> None:
    rules = RuleSet(
        [
            rule(
                "Rent",
                payee_op="contains",
                payee_pattern="hausverwaltung",
                rename_to="  Landlord  ",
            )
        ]
    )
    found = rules.match("HAUSVERWALTUNG SCHMIDT", -95_000, None)
    assert found is not None
    assert found.rename_to == "Landlord"


def test_an_unusable_stored_rule_is_skipped_with_its_reason() -> None:
    rules = RuleSet(
        [
            rule("Broken", payee_op="regex", payee_pattern="(unclosed", position=1),
            rule("Fine", payee_op="contains", payee_pattern="unclosed", position=2),
        ]
    )
    assert len(rules) == 1
    assert [spec.category for spec, _ in rules.skipped] == ["Broken"]
    assert "not valid" in rules.skipped[0][1]
    assert rules.match("(unclosed", -1, None).category == "Fine"  # type: ignore[union-attr]


# -- checking what the user typed -------------------------------------------------------------


def test_check_rule_normalises() -> None:
    checked = check_rule(
        rule(
            " Groceries ",
            payee_op="Contains",
            payee_pattern="  rewe ",
            min_minor=-5_000,
            max_minor=-100,
            account_id=f" {CHECKING} ",
            rename_to=" Rewe ",
        )
    )
    assert checked.category == "Groceries"
    assert checked.payee_op == "contains"
    assert checked.payee_pattern == "rewe"
    assert (checked.min_minor, checked.max_minor) == (100, 5_000)
    assert checked.account_id == CHECKING
    assert checked.rename_to == "Rewe"


def test_a_pattern_without_an_operation_means_contains() -> None:
    assert check_rule(rule("X", payee_pattern="rewe")).payee_op == "contains"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (rule("  ", payee_op="contains", payee_pattern="x"), "needs a category"),
        (rule("X", payee_op="startswith", payee_pattern="x"), "is not a payee test"),
        (rule("X", payee_op="contains"), "needs a pattern"),
        (rule("X", payee_op="regex", payee_pattern="a" * 301), "301 characters"),
        (rule("X", payee_op="regex", payee_pattern="(rewe"), "at character"),
        (rule("X", payee_op="regex", payee_pattern="[a-"), "is not valid"),
        (rule("X", payee_op="regex", payee_pattern="*x"), "--payee-contains"),
        (
            rule("X", payee_op="contains", payee_pattern="x", min_minor=500, max_minor=100),
            "swap --min and --max",
        ),
        (rule("X"), "at least one condition"),
    ],
)
def test_check_rule_refuses_with_a_clear_message(spec: RuleSpec, message: str) -> None:
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace("*", r"\*")):
        check_rule(spec)


def test_every_known_operation_is_accepted() -> None:
    for op in PAYEE_OPS:
        spec = rule("X", payee_op=op, payee_pattern="abc" if op else "", max_minor=1)
        assert check_rule(spec).payee_op == op


# -- suggestions from corrections -------------------------------------------------------------


@pytest.mark.parametrize(
    ("payee", "pattern"),
    [
        ("POS 1234 EDEKA CENTER 12.03", "edeka center"),
        ("AMZN Mktp DE*2K3L45", "amazon"),
        ("Vattenfall Europe Sales", "vattenfall europe sales"),
    ],
)
def test_suggest_rule_contains_the_cleaned_payee(payee: str, pattern: str) -> None:
    spec = suggest_rule(payee, " Groceries ")
    assert (spec.payee_op, spec.payee_pattern, spec.category) == ("contains", pattern, "Groceries")
    found = RuleSet([spec]).match(clean_payee(payee), -100, None, original_payee=payee)
    assert found is not None


def test_suggest_rule_needs_a_category() -> None:
    with pytest.raises(UserError, match="needs a category"):
        suggest_rule("REWE", "")


# -- many rules ---------------------------------------------------------------------------------


def test_many_payees_against_fifty_mixed_rules_match_some_but_not_all() -> None:
    # The speed of 10k payees x 50 rules is measured in tests/bench/test_bench_finance_parts.py.
    rng = random.Random(11)
    words = ["rewe", "aldi", "shell", "netflix", "miete", "telekom", "allianz", "ikea", "kino"]
    specs = []
    for position in range(50):
        op = rng.choice(["contains", "contains", "equals", "regex"])
        word = rng.choice(words)
        specs.append(
            rule(
                f"C{position}",
                payee_op=op,
                payee_pattern=word + (r"\b" if op == "regex" else ""),
                min_minor=rng.choice([None, 500]),
                account_id=rng.choice([None, CARD]),
                position=position,
            )
        )
    rules = RuleSet(specs)
    transactions = [
        (
            f"{rng.choice([*words, 'other'])} {rng.randint(0, 10**9)}",
            rng.randint(-90_000, 90_000),
            rng.choice([CARD, CHECKING]),
        )
        for _ in range(1_000)
    ]
    matched = sum(rules.match(*transaction) is not None for transaction in transactions)
    assert 0 < matched < len(transactions)
