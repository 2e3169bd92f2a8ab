"""A realistic synthetic labelled bank history for tests of categorisation (not a test module).

`labelled_history(n, seed)` returns `n` examples over 15 categories. Payees are written the way
banks write them: booking words in front (POS, KARTENZAHLUNG, SEPA-LASTSCHRIFT, PAYPAL *), store
numbers, city names, dates and reference codes around the merchant, German and English merchants,
and the same merchant spelt several ways ("AMZN Mktp DE*2K3L45", "AMAZON.DE*AB12CD"). Amounts are
plausible for the category; salary comes in, transfers go both ways. About 2 % of the labels are
deliberately "wrong" (people are not consistent), so no model reaches 100 %.
"""

from __future__ import annotations

import math
import random
import string

from desktop.services.finance_learning import Example

# category -> (weight, (low, high) amount in major units, share of money in, merchants, memos)
_CATEGORIES: dict[str, tuple[int, tuple[float, float], float, tuple[str, ...], tuple[str, ...]]] = {
    "Groceries": (
        20,
        (3.0, 140.0),
        0.0,
        (
            "REWE SAGT DANKE|REWE Markt GmbH|REWE CITY",
            "EDEKA CENTER|EDEKA Neukauf|E center",
            "ALDI SUED|ALDI NORD|ALDI GmbH & Co KG",
            "LIDL DIENSTL. SAGT DANKE|LIDL|Lidl Vertriebs GmbH",
            "KAUFLAND|Kaufland Filiale",
            "NETTO MARKEN-DISCOUNT|NETTO",
            "PENNY MARKT|PENNY",
            "TESCO STORES|TESCO EXPRESS",
            "SAINSBURYS S/MKTS|SAINSBURY'S",
            "WHOLE FOODS MKT|WHOLEFDS",
            "TRADER JOE'S",
            "DENNS BIOMARKT|denn's Biomarkt",
            "Alnatura Produktions|ALNATURA",
            "Bio Company|BIO COMPANY SE",
        ),
        ("Einkauf", "Lebensmittel", "groceries", "weekly shop"),
    ),
    "Restaurants": (
        14,
        (2.5, 95.0),
        0.0,
        (
            "STARBUCKS|STARBUCKS COFFEE",
            "MCDONALDS|MC DONALDS|McDonald's Restaurant",
            "BURGER KING|BURGERKING",
            "VAPIANO|Vapiano SE",
            "L'OSTERIA|L OSTERIA",
            "SUBWAY|SUBWAY SANDWICHES",
            "LIEFERANDO.DE|Lieferando",
            "UBER EATS|UBER *EATS",
            "DELIVEROO|Deliveroo.co.uk",
            "Pizzeria Da Mario|PIZZERIA DA MARIO",
            "SUSHI CIRCLE|Sushi Circle",
            "CAFE EINSTEIN|Cafe Einstein Stammhaus",
            "SQ *BLUE BOTTLE COFFEE|BLUE BOTTLE",
            "TST* JOES PIZZA|JOES PIZZA",
        ),
        ("Essen", "lunch", "dinner", "Trinkgeld", "coffee"),
    ),
    "Transport": (
        9,
        (1.5, 120.0),
        0.0,
        (
            "DB Vertrieb GmbH|DB FERNVERKEHR|DB BAHN A-NR",
            "BVG|BVG Ticket App",
            "MVG|MVG Automaten",
            "UBER *TRIP HELP.UBER.COM|UBER BV|UBER *TRIP",
            "FREENOW|FREE NOW",
            "BOLT.EU|Bolt Operations",
            "LIME*RIDE|LIME RIDES",
            "TIER MOBILITY|TIER",
            "MILES MOBILITY|MILES",
            "TFL TRAVEL CH|TFL.GOV.UK/CP",
        ),
        ("Fahrkarte", "ticket", "ride", "Monatskarte", "Deutschlandticket"),
    ),
    "Fuel": (
        6,
        (15.0, 110.0),
        0.0,
        (
            "SHELL|SHELL DEUTSCHLAND",
            "ARAL STATION|ARAL AG",
            "ESSO STATION|ESSO",
            "TOTAL STATION|TotalEnergies",
            "JET TANKSTELLE|JET",
            "AVIA TANKSTELLE|AVIA",
            "BP STATION|BP",
        ),
        ("Tanken", "Super E10", "Diesel", "fuel"),
    ),
    "Rent": (
        2,
        (650.0, 1900.0),
        0.0,
        (
            "Hausverwaltung Schmidt|HAUSVERWALTUNG SCHMIDT GMBH",
            "Vonovia SE|VONOVIA",
            "Deutsche Wohnen SE|DEUTSCHE WOHNEN",
            "Immobilien Krause KG|IMMOBILIEN KRAUSE",
        ),
        ("Miete", "Miete Wohnung", "rent", "Kaltmiete Nebenkosten"),
    ),
    "Utilities": (
        3,
        (25.0, 260.0),
        0.0,
        (
            "Vattenfall Europe Sales|VATTENFALL",
            "STADTWERKE MUENCHEN GMBH|Stadtwerke München",
            "E.ON Energie Deutschland|EON ENERGIE",
            "Berliner Wasserbetriebe|BWB",
            "EnBW Energie|ENBW",
            "Rundfunk ARD ZDF DRadio|BEITRAGSSERVICE",
        ),
        ("Abschlag Strom", "Gas Abschlag", "Wasser", "Rundfunkbeitrag", "Jahresabrechnung"),
    ),
    "Phone & Internet": (
        2,
        (9.0, 75.0),
        0.0,
        (
            "Telekom Deutschland GmbH|TELEKOM DEUTSCHLAND",
            "Vodafone GmbH|VODAFONE",
            "Telefonica Germany|O2 Germany",
            "1&1 Telecom GmbH|1UND1",
            "congstar|CONGSTAR GMBH",
        ),
        ("Rechnung", "Mobilfunk", "DSL", "Kundennummer", "Festnetz"),
    ),
    "Subscriptions": (
        8,
        (2.99, 24.99),
        0.0,
        (
            "NETFLIX.COM|Netflix International B.V.",
            "SPOTIFY|Spotify AB",
            "DISNEY PLUS|DisneyPlus",
            "Amazon Prime|AMZN PRIME DE",
            "APPLE.COM/BILL|Apple Services",
            "GOOGLE *YouTube Premium|GOOGLE *YouTubePremium",
            "AUDIBLE|Audible GmbH",
            "GITHUB|GitHub Inc",
            "OPENAI *CHATGPT SUBSCR|OpenAI",
            "DROPBOX|Dropbox Inc",
            "ADOBE *CREATIVE CLOUD|Adobe Systems",
        ),
        ("Abo", "subscription", "monthly plan", "membership"),
    ),
    "Shopping": (
        12,
        (4.0, 400.0),
        0.05,
        (
            "AMZN Mktp DE|AMAZON.DE|Amazon EU S.a.r.L.|AMZN Mktp",
            "ZALANDO SE|Zalando",
            "IKEA DEUTSCHLAND|IKEA",
            "MEDIA MARKT|MediaMarkt",
            "SATURN ELECTRO|SATURN",
            "H&M|H & M HENNES",
            "ZARA|ZARA ESPANA",
            "OTTO GMBH|Otto Versand",
            "EBAY|eBay O*12-34567",
            "DM-DROGERIE MARKT|dm drogerie markt",
            "ROSSMANN|Dirk Rossmann GmbH",
            "DECATHLON|Decathlon Deutschland",
        ),
        ("order", "Bestellung", "Kleidung", "return", "purchase"),
    ),
    "Health": (
        4,
        (3.0, 180.0),
        0.0,
        (
            "Apotheke am Markt|APOTHEKE AM MARKT",
            "Dr. med. Mueller Praxis|PRAXIS DR MUELLER",
            "DocMorris|DOCMORRIS",
            "FIELMANN|Fielmann AG",
            "Zahnarzt Dr. Weber|ZAHNARZTPRAXIS WEBER",
            "SHOP APOTHEKE|Shop-Apotheke",
            "URBAN SPORTS CLUB|Urban Sports",
        ),
        ("Rezept", "Zuzahlung", "Behandlung", "pharmacy", "Brille"),
    ),
    "Insurance": (
        2,
        (8.0, 600.0),
        0.0,
        (
            "Allianz Versicherungs-AG|ALLIANZ",
            "HUK-COBURG|HUK-COBURG VERSICHERUNG",
            "AXA Versicherung|AXA",
            "Techniker Krankenkasse|TK",
            "ERGO Versicherung|ERGO",
            "DEVK Versicherungen|DEVK",
        ),
        ("Beitrag", "Versicherung", "Haftpflicht", "Hausrat", "Kfz-Versicherung"),
    ),
    "Salary": (
        2,
        (1800.0, 5200.0),
        1.0,
        (
            "Gehalt ACME GmbH|ACME GMBH",
            "Beispiel AG Lohn|BEISPIEL AG",
            "Globex Ltd Salary|GLOBEX LTD",
            "Initech GmbH|INITECH GMBH",
        ),
        ("Gehalt", "Lohn", "salary", "Bezuege"),
    ),
    "Travel": (
        3,
        (25.0, 900.0),
        0.03,
        (
            "LUFTHANSA|Deutsche Lufthansa AG",
            "RYANAIR|Ryanair Ltd",
            "EASYJET|easyJet Airline",
            "BOOKING.COM|Booking.com BV",
            "AIRBNB|Airbnb Payments",
            "HOTEL ADLON|Hotel Adlon Kempinski",
            "MOTEL ONE|Motel One GmbH",
            "EXPEDIA|Expedia Inc",
            "FLIXBUS|FlixMobility GmbH",
        ),
        ("Flug", "hotel", "Reise", "booking", "Urlaub"),
    ),
    "Entertainment": (
        5,
        (5.0, 120.0),
        0.0,
        (
            "CINESTAR|CineStar Kino",
            "UCI KINOWELT|UCI Kino",
            "EVENTIM|CTS Eventim",
            "PAYPAL *STEAM GAMES|STEAM PURCHASE",
            "PlayStation Network|SONY PLAYSTATION",
            "NINTENDO ESHOP|Nintendo",
            "Theater des Westens|THEATER DES WESTENS",
            "Museumsinsel Tickets|STAATLICHE MUSEEN",
        ),
        ("Tickets", "Kino", "Konzert", "game", "Eintritt"),
    ),
    "Transfers": (
        6,
        (10.0, 800.0),
        0.35,
        (
            "Max Mustermann|MAX MUSTERMANN",
            "Anna Schmidt|ANNA SCHMIDT",
            "PayPal Europe|PAYPAL (EUROPE) S.A.R.L. ET CIE",
            "Revolut|REVOLUT LTD",
            "Wise Europe SA|WISE",
            "Trade Republic Bank|TRADE REPUBLIC",
            "N26 Transfer|N26 BANK",
        ),
        ("Uebertrag", "Danke", "Anteil", "Sparplan", "top-up", "Geburtstag"),
    ),
}
_PREFIXES = (
    ("", 10),
    ("POS ", 2),
    ("EC ", 1),
    ("KARTENZAHLUNG ", 2),
    ("VISA ", 2),
    ("SEPA-LASTSCHRIFT ", 2),
    ("PAYPAL *", 1),
    ("LASTSCHRIFT ", 1),
)
_CITIES = ("BERLIN", "HAMBURG", "MUENCHEN", "KOELN", "FRANKFURT", "LONDON", "LEIPZIG", "DRESDEN")
_GENERIC_MEMOS = (
    "",
    "",
    "Kartenzahlung girocard",
    "Apple Pay",
    "Visa Debit",
    "SEPA Lastschrift",
    "Google Pay",
    "Online",
)
_LABEL_NOISE = 0.02


def _reference(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(length))


def _noisy_payee(rng: random.Random, merchant: str) -> str:
    """The merchant as a bank might print it: prefixes, numbers, places, codes, case."""
    spelling = rng.choice(merchant.split("|"))
    prefix = rng.choices([p for p, _ in _PREFIXES], weights=[w for _, w in _PREFIXES])[0]
    if prefix in ("POS ", "EC ") and rng.random() < 0.5:
        prefix += f"{rng.randint(1000, 99999999)} "
    suffix = rng.choice(
        (
            "",
            "",
            f" {rng.randint(100, 9999)}",
            f" {rng.choice(_CITIES)}",
            f" {rng.randint(10, 9999)} {rng.choice(_CITIES)}",
            f"*{_reference(rng, rng.randint(5, 10))}",
            f" {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}",
            f" {_reference(rng, 10)}",
        )
    )
    text = f"{prefix}{spelling}{suffix}"
    roll = rng.random()
    if roll < 0.15:
        text = text.upper()
    elif roll < 0.2:
        text = text.lower()
    return text


def _amount(rng: random.Random, low: float, high: float, incoming: float) -> int:
    """A log-uniform amount in minor units; negative (money out) unless it comes in."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    minor = max(1, round(value * 100))
    return minor if rng.random() < incoming else -minor


def labelled_history(n: int, seed: int) -> list[Example]:
    """`n` labelled examples drawn with `seed` (the same seed gives the same history)."""
    rng = random.Random(seed)
    names = list(_CATEGORIES)
    weights = [_CATEGORIES[name][0] for name in names]
    examples: list[Example] = []
    for category in rng.choices(names, weights=weights, k=n):
        _, (low, high), incoming, merchants, memos = _CATEGORIES[category]
        payee = _noisy_payee(rng, rng.choice(merchants))
        memo_roll = rng.random()
        if memo_roll < 0.45:
            memo = rng.choice(memos)
        elif memo_roll < 0.8:
            memo = rng.choice(_GENERIC_MEMOS)
        else:
            memo = f"{rng.choice(memos)} {_reference(rng, 8)}"
        label = category
        if rng.random() < _LABEL_NOISE:
            label = rng.choice(names)
        examples.append(Example(payee, memo, _amount(rng, low, high, incoming), label))
    return examples
