"""OFX and QFX statements: OFX 1.x SGML (unclosed tags), OFX 2.x XML, Quicken's QFX.

`ofxtools` reads the markup first. Banks emit files it refuses (headers with
unexpected values, lower-case tags, a stray byte); those are read by a small
tolerant tag reader instead, so a sloppy but legible file is never rejected.
Either way the result is an element tree walked here: bank (STMTRS) and credit
card (CCSTMTRS) statements, several per file, each transaction with the line
where its <STMTTRN> starts. Dates keep the statement's own day (no UTC shift).
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.core.statements.model import ParsedStatement, RowProblem, StatementError, StatementRow
from desktop.core.statements.text import AmountError, decode_text, parse_amount

_OFX_START = re.compile(r"<OFX[\s>]", re.IGNORECASE)
_OFX_END = re.compile(r"</OFX\s*>", re.IGNORECASE)
_TRANSACTION_START = re.compile(r"<STMTTRN[\s>/]", re.IGNORECASE)
_LOWER_TAG = re.compile(r"</?[a-z]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9._]*)([^<>]*)>([^<]*)")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_OFX_DATE = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})", re.ASCII)  # the dashes: seen in the wild
_CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9._]*)")
_LEAF_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9._]*)[^<>/]*>[^<\s]")
_STATEMENTS = ("STMTRS", "CCSTMTRS")
_FIX = "fix the file or export it again from the bank"
# The aggregates of bank and card statements (OFX 2.2 spec, chapters 3, 11 and 13).
_AGGREGATES = frozenset(
    {
        "OFX",
        "SIGNONMSGSRSV1",
        "SONRS",
        "STATUS",
        "FI",
        "BANKMSGSRSV1",
        "STMTTRNRS",
        "STMTRS",
        "BANKACCTFROM",
        "BANKACCTTO",
        "BANKTRANLIST",
        "STMTTRN",
        "PAYEE",
        "CURRENCY",
        "ORIGCURRENCY",
        "LEDGERBAL",
        "AVAILBAL",
        "BALLIST",
        "BAL",
        "CREDITCARDMSGSRSV1",
        "CCSTMTTRNRS",
        "CCSTMTRS",
        "CCACCTFROM",
        "CCACCTTO",
        "EXTBANKACCTTO",
        "INVSTMTMSGSRSV1",
        "INVSTMTTRNRS",
        "INVSTMTRS",
        "INVACCTFROM",
        "INVTRANLIST",
        "MKTGINFO",
        "IMAGEDATA",
    }
)


@dataclass(frozen=True)
class _Statement:
    element: ET.Element
    account: str | None
    currency: str | None


def read_ofx(data: bytes, *, format: str = "ofx") -> ParsedStatement:
    """Read an OFX/QFX file into rows; transactions that cannot be read become problems."""
    text, _encoding = decode_text(data)
    start = _OFX_START.search(text)
    if start is None:
        where = "the OFX header is there but" if "OFXHEADER" in text.upper() else "this file has"
        raise StatementError(
            f"line 1: {where} no <OFX> element; the file is cut off or not an OFX file; "
            "download the statement again from the bank"
        )
    line_starts = [0] + [match.end() for match in _NEWLINE.finditer(text)]

    def line_of(position: int) -> int:
        return bisect_right(line_starts, position)

    notes: list[str] = []
    root = _parse_tree(data, text[start.start() :], notes)
    if "INTU.BID" in text.upper():
        format = "qfx"
    statements = list(_statements(root))
    if not statements:
        if root.find(".//INVSTMTRS") is not None:
            raise StatementError(
                "this is an investment statement (INVSTMTRS); only bank and credit card "
                "statements can be imported"
            )
        raise StatementError(
            f"line {line_of(start.start())}: no bank or credit card statement (STMTRS or "
            "CCSTMTRS) in the file; download the statement again from the bank"
        )
    transaction_lines = [line_of(match.start()) for match in _TRANSACTION_START.finditer(text)]
    rows: list[StatementRow] = []
    problems: list[RowProblem] = []
    missing_ids = 0
    for index, (transaction, statement) in enumerate(_transactions(root)):
        fallback = transaction_lines[-1] if transaction_lines else line_of(start.start())
        line = transaction_lines[index] if index < len(transaction_lines) else fallback
        outcome = _row(transaction, statement, line)
        if isinstance(outcome, RowProblem):
            problems.append(outcome)
            continue
        rows.append(outcome)
        if outcome.bank_id is None:
            missing_ids += 1
    if missing_ids:
        notes.append(
            f"{missing_ids} transaction(s) had no FITID; duplicates are found by date, amount "
            "and payee instead"
        )
    if _OFX_END.search(text) is None:
        problems.append(
            RowProblem(
                line_of(max(0, len(text.rstrip()) - 1)),
                "the file ends before </OFX>: it looks cut off and transactions may be missing; "
                "download it again from the bank",
            )
        )
    return _result(format, rows, problems, statements, notes)


def _result(
    format: str,
    rows: list[StatementRow],
    problems: list[RowProblem],
    statements: list[_Statement],
    notes: list[str],
) -> ParsedStatement:
    currencies = {statement.currency for statement in statements}
    balance: Decimal | None = None
    balance_date: date | None = None
    account: str | None = None
    if len(statements) == 1:
        only = statements[0]
        account = only.account
        balance_text = _text(only.element, "LEDGERBAL/BALAMT")
        if balance_text:
            try:
                balance = parse_amount(balance_text)
            except AmountError as error:
                notes.append(f"the ledger balance was not read: {error}")
            balance_date = _date(_text(only.element, "LEDGERBAL/DTASOF"))
    else:
        accounts = ", ".join(statement.account or "?" for statement in statements)
        notes.append(
            f"the file holds {len(statements)} statements (accounts {accounts}); "
            "each row carries its account"
        )
    return ParsedStatement(
        format=format,
        rows=tuple(rows),
        problems=tuple(problems),
        currency=currencies.pop() if len(currencies) == 1 else None,
        account=account,
        ledger_balance=balance,
        ledger_balance_date=balance_date,
        notes=tuple(notes),
    )


def _parse_tree(data: bytes, body: str, notes: list[str]) -> ET.Element:
    """The element tree from ofxtools, or from the tolerant reader when ofxtools refuses."""
    if _LOWER_TAG.search(body):
        notes.append("read with the tolerant OFX reader: the file uses lower-case tags")
        return tolerant_tree(body)
    from ofxtools.Parser import OFXTree

    try:
        root = OFXTree().parse(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - any refusal of untrusted data: read it tolerantly
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        notes.append(f"read with the tolerant OFX reader (ofxtools: {reason})")
        return tolerant_tree(body)
    if not _is_sound(root):
        notes.append("read with the tolerant OFX reader: ofxtools nested the transactions wrongly")
        return tolerant_tree(body)
    return root


def _is_sound(root: ET.Element) -> bool:
    """True when every transaction sits in a transaction list and has its own amount.

    ofxtools nests the elements wrongly, without an error, when an SGML aggregate is
    left unclosed or an empty element has no close tag.
    """
    if root.tag != "OFX":
        return False
    listed = sum(len(tran_list.findall("STMTTRN")) for tran_list in root.iter("BANKTRANLIST"))
    transactions = list(root.iter("STMTTRN"))
    return listed == len(transactions) and all(
        transaction.find("TRNAMT") is not None for transaction in transactions
    )


def tolerant_tree(body: str) -> ET.Element:
    """Build an element tree from OFX markup, forgiving what banks get wrong.

    Tag names are upper-cased; a tag followed by text is a leaf whether or not it
    is closed; an empty tag is an aggregate only when it is a known aggregate or is
    closed somewhere in the file (else it is an empty leaf, as SGML allows); a close
    tag with no open match is ignored; and opening a tag that is already open (an
    unclosed <STMTTRN>) closes the earlier one first.
    """
    closed = {name.upper() for name in _CLOSE_TAG.findall(body)}
    with_text = {name.upper() for name in _LEAF_TAG.findall(body)}
    aggregates = _AGGREGATES | (closed - with_text)
    root = ET.Element("OFX")
    stack: list[ET.Element] = [root]
    for match in _TAG.finditer(body):
        closing, name, rest, text = match.groups()
        name = name.upper()
        if closing:
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == name:
                    del stack[depth:]
                    break
            continue
        if name == "OFX" and len(stack) == 1 and len(root) == 0:
            continue
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].tag == name:
                del stack[depth:]
                break
        element = ET.SubElement(stack[-1], name)
        value = text.strip()
        if value or rest.rstrip().endswith("/") or name not in aggregates:
            element.text = value
        else:
            stack.append(element)
    return root


def _statement(element: ET.Element) -> _Statement:
    account = _text(element, "BANKACCTFROM/ACCTID") or _text(element, "CCACCTFROM/ACCTID")
    currency = _text(element, "CURDEF").upper() or None
    return _Statement(element, account or None, currency)


def _statements(root: ET.Element) -> Iterator[_Statement]:
    return (_statement(element) for element in root.iter() if element.tag in _STATEMENTS)


def _transactions(root: ET.Element) -> Iterator[tuple[ET.Element, _Statement | None]]:
    """Every STMTTRN in document order with the statement it belongs to (nearest ancestor)."""
    pending: list[tuple[ET.Element, _Statement | None]] = [(root, None)]
    while pending:
        element, statement = pending.pop()
        if element.tag in _STATEMENTS:
            statement = _statement(element)
        elif element.tag == "STMTTRN":
            yield element, statement
        pending.extend((child, statement) for child in reversed(element))


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    if found is None or not found.text:
        return ""
    return " ".join(html.unescape(found.text).split())


def _date(text: str) -> date | None:
    match = _OFX_DATE.match(text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _row(
    transaction: ET.Element, statement: _Statement | None, line: int
) -> StatementRow | RowProblem:
    date_tag = "DTPOSTED" if transaction.find("DTPOSTED") is not None else "DTUSER"
    date_text = _text(transaction, date_tag)
    if not date_text:
        return RowProblem(
            line,
            f"the transaction has no DTPOSTED (date); {_FIX}",
        )
    when = _date(date_text)
    if when is None:
        return RowProblem(
            line,
            f"'{date_tag}' is '{date_text}', not a date; {_FIX}",
        )
    amount_text = _text(transaction, "TRNAMT")
    if not amount_text:
        return RowProblem(
            line,
            f"the transaction has no TRNAMT (amount); {_FIX}",
        )
    try:
        amount = parse_amount(amount_text)
    except AmountError:
        return RowProblem(
            line,
            f"'TRNAMT' is '{amount_text}', not an amount; {_FIX}",
        )
    memo = _text(transaction, "MEMO")
    payee = (
        _text(transaction, "NAME")
        or _text(transaction, "PAYEE/NAME")
        or _text(transaction, "PAYEE")
    )
    currency = (
        _text(transaction, "CURRENCY/CURSYM")  # ORIGCURRENCY: the amount is already in CURDEF
        or (statement.currency if statement and statement.currency else "")
    )
    return StatementRow(
        line=line,
        date=when,
        amount=amount,
        payee=payee or memo,
        memo=memo,
        bank_id=_text(transaction, "FITID") or None,
        currency=currency.upper() or None,
        account=statement.account if statement else None,
    )
