"""The vocabulary of the demo data: word lists, phrase makers and fixed records.

A few hundred distinct words are combined so that full-text search behaves as it
does on real data: some words ("report", "review") match thousands of rows,
others ("dentist", "locksmith") only a handful. Everything here is pure data or
pure functions of a `random.Random`, so a seed always gives the same text.
"""

from __future__ import annotations

import random
from typing import Any

FIRST_NAMES = (
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Elena",
    "Felix",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Karin",
    "Liam",
    "Maya",
    "Noah",
    "Olivia",
    "Paul",
    "Quinn",
    "Rosa",
    "Samir",
    "Tara",
    "Umar",
    "Vera",
    "Walter",
    "Xenia",
    "Yusuf",
    "Zoe",
    "Amira",
    "Bruno",
    "Chloe",
    "Diego",
    "Emma",
    "Farid",
    "Greta",
    "Hannah",
    "Ivan",
    "Julia",
    "Kenji",
    "Lena",
    "Marco",
    "Nina",
    "Oskar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tobias",
    "Ursula",
    "Victor",
    "Wei",
    "Yara",
    "Zeynep",
)
LAST_NAMES = (
    "Adler",
    "Becker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Hoffmann",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quintero",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Uddin",
    "Vogel",
    "Weber",
    "Yilmaz",
    "Zimmermann",
    "Nakamura",
    "Silva",
    "Keller",
    "Brandt",
    "O'Neill",
    "Haddad",
    "Lange",
    "Meyer",
    "Nilsson",
    "Papadopoulos",
    "Richter",
)
COMPANIES = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Soylent",
    "Vandelay",
    "Wonka",
    "Cyberdyne",
    "Tyrell",
    "Pied Piper",
    "Dunder Mifflin",
    "Gringotts",
    "Oscorp",
    "Massive Dynamic",
    "Aperture",
    "Black Mesa",
    "Monarch",
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin",
    "Litware",
)
CITIES = (
    "Lisbon",
    "Berlin",
    "Vienna",
    "Copenhagen",
    "Barcelona",
    "Prague",
    "Amsterdam",
    "Dublin",
    "Milan",
    "Krakow",
    "Stockholm",
    "Zurich",
    "Brussels",
    "Porto",
    "Budapest",
    "Edinburgh",
)
TASK_VERBS = (
    "Review",
    "Prepare",
    "Update",
    "Fix",
    "Draft",
    "Schedule",
    "Finish",
    "Send",
    "Follow up on",
    "Check",
    "Organize",
    "Submit",
    "Refactor",
    "Test",
    "Deploy",
    "Document",
    "Sketch",
    "Plan",
    "Research",
    "Write",
    "Clean up",
    "Approve",
    "Sign",
    "Archive",
    "Translate",
    "Proofread",
    "Estimate",
    "Benchmark",
    "Migrate",
    "Outline",
    "Print",
    "Scan",
    "Upload",
    "Summarize",
)
TASK_OBJECTS = (
    "quarterly report",
    "budget proposal",
    "release notes",
    "onboarding checklist",
    "invoice",
    "contract",
    "slides",
    "test suite",
    "login bug",
    "database migration",
    "API documentation",
    "tax return",
    "insurance claim",
    "roadmap",
    "press release",
    "design mockups",
    "hiring plan",
    "performance review",
    "customer survey",
    "sales forecast",
    "pricing page",
    "newsletter",
    "security audit",
    "backup strategy",
    "style guide",
    "meeting agenda",
    "project charter",
    "expense report",
    "vendor agreement",
    "changelog",
    "dashboard",
    "search index",
    "payment flow",
    "mobile layout",
    "error messages",
    "OKRs",
    "wiki page",
    "retrospective notes",
    "support tickets",
    "cloud costs",
    "CI pipeline",
    "data export",
    "privacy policy",
    "grant application",
    "conference talk",
    "blog post",
    "user interviews",
)
ERRANDS = (
    "Call dentist about appointment",
    "Pick up dry cleaning",
    "Buy birthday gift for {first}",
    "Renew passport",
    "Book car service",
    "Call plumber about leaking tap",
    "Cancel gym trial",
    "Order printer ink",
    "Return parcel to {company}",
    "Water the plants",
    "Buy groceries",
    "Get a haircut",
    "Book flights to {city}",
    "Reserve hotel in {city}",
    "Call mom",
    "Schedule vet checkup for the cat",
    "Ask locksmith for spare keys",
    "Pay parking ticket",
    "Update home insurance",
    "Donate old clothes",
    "Fix bike tyre",
    "Defrost the freezer",
    "Send postcard to {first}",
    "Register for {city} marathon",
    "Repot the monstera",
)
TOPICS = (
    "appointment",
    "invoice",
    "renewal",
    "schedule",
    "feedback",
    "delivery",
    "refund",
    "contract",
    "deadline",
    "budget",
    "offsite",
    "hiring",
    "launch",
    "migration",
    "outage",
    "pricing",
    "roadmap",
    "partnership",
    "onboarding",
    "compliance",
)
TAGS = (
    "work",
    "home",
    "errand",
    "finance",
    "health",
    "urgent",
    "waiting",
    "someday",
    "phone",
    "reading",
    "writing",
    "admin",
    "family",
    "travel",
    "dev",
    "meeting",
    "shopping",
    "learning",
)
TASK_RULES = (
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=WEEKLY;BYDAY=FR",
    "FREQ=MONTHLY;BYMONTHDAY=1",
    "FREQ=DAILY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=MONTHLY;BYMONTHDAY=15",
    "FREQ=YEARLY",
)
ESTIMATES = (15, 30, 45, 60, 90, 120, 180, 240, 480)
FILLER = (
    "Keep it short and focus on the numbers.",
    "Ask {first} for the latest figures first.",
    "Blocked until {company} answers.",
    "Use last year's version as a template.",
    "Needs sign-off from legal.",
    "See the thread from {first} for context.",
    "Remember to attach the receipts.",
    "Low effort, high impact.",
    "Check the shared drive for the draft.",
    "Split this up if it takes longer than a day.",
    "The deadline moved twice already.",
    "Coordinate with the {city} office.",
)
MEETINGS = (
    "{company} sync",
    "1:1 with {first}",
    "Interview: {role} candidate",
    "Design review: {object}",
    "Lunch with {first}",
    "Project kickoff: {object}",
    "Call with {first} {last} ({company})",
    "Quarterly planning",
    "Budget review",
    "Demo for {company}",
    "Retrospective",
    "Coffee with {first}",
    "Workshop: {object}",
    "Architecture review",
    "Customer call: {company}",
)
PERSONAL_EVENTS = (
    "Dentist appointment",
    "Yoga class",
    "Dinner at {restaurant}",
    "Parent-teacher meeting",
    "Flight to {city}",
    "Haircut",
    "Football training",
    "Concert in {city}",
    "Cinema with {first}",
    "Piano lesson",
    "Book club",
    "Physiotherapy",
)
ALL_DAY_EVENTS = (
    "{first}'s birthday",
    "Public holiday",
    "Conference in {city}",
    "Vacation in {city}",
    "Team offsite",
    "Out of office",
    "Moving day",
    "Hackathon",
)
ROLES = ("backend", "frontend", "data", "design", "product", "support", "sales", "QA")
LOCATIONS = (
    "Room 3.14",
    "Room Ada",
    "Room Turing",
    "Zoom",
    "Google Meet",
    "Microsoft Teams",
    "Café Central",
    "Main office, 2nd floor",
    "Client site",
    "",
    "",
    "",
)
RESTAURANTS = (
    "Trattoria Roma",
    "Sushi Ko",
    "Le Petit Bistro",
    "Curry House",
    "Taqueria Sol",
    "The Green Fork",
    "Pho 88",
    "Burger Lab",
    "Mezze Bar",
    "Café Central",
)
CHANNELS = ("#general", "#engineering", "#design", "#random", "#support", "#releases", "#sales")
EMAIL_SUBJECTS = (
    "Re: {object} for {company}",
    "Invoice {number} from {company}",
    "Your order {number} has shipped",
    "Meeting notes: {topic}",
    "Question about the {object}",
    "Reminder: {object} due {weekday}",
    "Weekly newsletter: {topic} news",
    "Fwd: {topic} update",
    "Action needed: {object}",
    "Welcome to {company}",
    "Your {company} receipt",
    "Invitation: {company} sync on {weekday}",
    "Re: {topic} with {company}",
    "Quick question about {topic}",
    "Security alert for your {company} account",
)
CHAT_LINES = (
    "Can you take a look at the {object}?",
    "Deploy is done, {object} looks good.",
    "Who owns the {object} this sprint?",
    "Standup moved to 10:00 today.",
    "Lunch at {restaurant}?",
    "Heads up: {company} asked about the {topic} again.",
    "PR for the {object} is ready for review.",
    "I'll be late, stuck on the train.",
    "Thanks {first}, that fixed it!",
    "Anyone seen the {topic} dashboard lately?",
    "The {object} build is red again.",
    "Reminder: retro is at 3pm.",
)
BODY_SENTENCES = (
    "Thanks for sending the {object} over.",
    "I had a look at the {object} and left a few comments.",
    "Could we move the {topic} discussion to {weekday}?",
    "{first} from {company} will join us.",
    "Please find the {object} attached.",
    "Let me know if the numbers look right to you.",
    "We are still waiting on {company} for the {topic} details.",
    "The deadline for the {object} is {weekday}.",
    "I'm out of office until {weekday}.",
    "Happy to jump on a call if that is easier.",
    "The team in {city} agreed on the plan.",
    "This is a friendly reminder about the {topic}.",
)
NOTE_KINDS = ("meeting", "idea", "recipe", "reading", "trip", "journal")
RECIPES = ("Lentil soup", "Shakshuka", "Banana bread", "Pad thai", "Mushroom risotto", "Chili")
INGREDIENTS = (
    "onion",
    "garlic",
    "tomatoes",
    "lentils",
    "olive oil",
    "cumin",
    "eggs",
    "rice",
    "butter",
    "flour",
    "bananas",
    "mushrooms",
    "parmesan",
    "chili flakes",
    "coriander",
    "lime",
)
BOOKS = (
    "Designing Data-Intensive Applications",
    "The Pragmatic Programmer",
    "Thinking, Fast and Slow",
    "Deep Work",
    "The Mythical Man-Month",
    "A Philosophy of Software Design",
    "Project Hail Mary",
    "The Left Hand of Darkness",
    "Atomic Habits",
    "Refactoring",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# (category, payee choices, min, max amount in cents, memo choices) for everyday spending.
SPENDING = (
    (
        "Groceries",
        ("REWE", "Lidl", "Aldi", "Edeka", "Farmers market", "Bio Company"),
        800,
        14000,
        ("Weekly shop", "", "Card payment"),
    ),
    (
        "Restaurants",
        (*RESTAURANTS, "Starbucks", "Bakery Kraus"),
        350,
        8500,
        ("Lunch", "Dinner", "Coffee", ""),
    ),
    (
        "Transport",
        ("BVG", "Deutsche Bahn", "Uber", "Shell", "Bolt", "Nextbike"),
        280,
        12000,
        ("Ticket", "Fuel", "Ride", ""),
    ),
    (
        "Shopping",
        ("Amazon", "IKEA", "Zalando", "MediaMarkt", "Decathlon", "Thalia"),
        999,
        25000,
        ("Online order", "Card payment", ""),
    ),
    (
        "Entertainment",
        ("Cinestar", "Steam", "Eventim", "Museum shop"),
        700,
        6000,
        ("Tickets", "Game", ""),
    ),
    (
        "Health",
        ("City Pharmacy", "Dr. Weber dental practice", "Optician Fielmann"),
        450,
        9000,
        ("Prescription", "Dentist co-payment", ""),
    ),
)
SPENDING_WEIGHTS = (35, 18, 15, 14, 8, 5)

# (day of month, account index, payee, category, cents, memo); account 0 checking, 2 card.
MONTHLY_BILLS = (
    (1, 0, "Parkside Property Management", "Rent", -115000, "Rent {month}"),
    (5, 0, "Vattenfall", "Utilities", -7800, "Electricity {month}"),
    (10, 0, "Telekom", "Utilities", -3995, "Internet {month}"),
    (12, 0, "Vodafone", "Utilities", -1999, "Mobile plan"),
    (3, 2, "Netflix", "Subscriptions", -1399, "Monthly plan"),
    (8, 2, "Spotify", "Subscriptions", -1099, "Premium"),
    (14, 2, "Apple iCloud", "Subscriptions", -299, "200 GB storage"),
    (2, 2, "FitX Gym", "Subscriptions", -2499, "Membership"),
)
SALARY_CENTS = 385000
SAVINGS_TRANSFER_CENTS = 50000

BUDGETS = (
    ("Groceries", 45000),
    ("Restaurants", 20000),
    ("Transport", 12000),
    ("Utilities", 18000),
    ("Subscriptions", 6000),
    ("Shopping", 25000),
    ("Entertainment", 8000),
    ("Health", 5000),
)
ACCOUNTS = (
    ("Everyday Checking", "checking", "Northbank", 245000),
    ("Rainy Day Savings", "savings", "Northbank", 1200000),
    ("Travel Credit Card", "credit", "Skyline Card Services", 0),
)
PROJECTS = (
    ("Atrium", "https://github.com/example/atrium", "The local-first command center.", "#4F8EF7"),
    ("Website redesign", None, "New marketing site and blog.", "#F5A623"),
    (
        "Home automation",
        "https://github.com/example/home-automation",
        "Sensors, lights and the heating schedule.",
        "#7ED321",
    ),
    (
        "Data pipeline",
        "https://gitlab.example.com/data/pipeline",
        "Nightly imports, dbt models and dashboards.",
        "#BD10E0",
    ),
)
INTEGRATIONS: tuple[tuple[str, str, str, str | None, dict[str, Any]], ...] = (
    ("gmail", "Gmail", "connected", None, {"folders": ["INBOX", "Receipts"], "poll_minutes": 5}),
    (
        "slack",
        "Slack (Acme)",
        "needs_auth",
        None,
        {"workspace": "acme-team", "channels": list(CHANNELS[:4])},
    ),
    (
        "microsoft",
        "Microsoft 365",
        "error",
        "token refresh failed: invalid_grant (HTTP 400)",
        {"tenant": "common", "mail": False, "teams": True, "calendar": True},
    ),
)
PLATFORM_KIND = {"email": "gmail", "slack": "slack", "teams": "microsoft"}

# (phrase, action, arguments): real actions of the catalog with fixed arguments.
VOICE_COMMANDS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("what's on my calendar today", "list_events", {"from": "today", "to": "today"}),
    ("what is on my agenda", "day_agenda", {}),
    ("what is overdue", "list_tasks", {"status": "open", "due_before": "today"}),
    ("read my unread messages", "list_messages", {"unread": True}),
    ("how much did I spend this month", "month_summary", {}),
    ("plan my day", "plan_schedule", {"from": "today", "to": "today"}),
    ("how am I doing", "task_stats", {}),
)
AGENTS = (
    ("planner", "Plan my day around the meetings and the overdue tasks."),
    ("inbox", "Summarise unread email from {company} and draft replies."),
    ("finance", "How much did I spend on restaurants this month compared to last month?"),
    ("research", "Collect the open questions about the {object} for {company}."),
)
MODELS = (
    ("openai", "gpt-4o-mini", 150, 600),
    ("anthropic", "claude-3-5-haiku", 800, 4000),
    ("openai_compatible", "llama3.1:8b", 0, 0),
    ("offline", "planner-rules", 0, 0),
)


class _Words(dict[str, str]):
    """A format mapping that draws a random word only for the placeholders used."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        if key == "number":
            return f"#{self.rng.randrange(10000, 99999)}"
        return self.rng.choice(_PLACEHOLDERS[key])


_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "first": FIRST_NAMES,
    "last": LAST_NAMES,
    "company": COMPANIES,
    "city": CITIES,
    "object": TASK_OBJECTS,
    "topic": TOPICS,
    "role": ROLES,
    "restaurant": RESTAURANTS,
    "weekday": WEEKDAY_NAMES,
}


def fill(template: str, rng: random.Random) -> str:
    """`template` with its {placeholders} replaced by random words."""
    if "{" not in template:
        return template
    return template.format_map(_Words(rng))


def task_title(rng: random.Random) -> str:
    """A task title such as 'Review quarterly report for Acme'."""
    roll = rng.random()
    if roll < 0.25:
        return fill(rng.choice(ERRANDS), rng)
    verb, thing = rng.choice(TASK_VERBS), rng.choice(TASK_OBJECTS)
    if roll < 0.55:
        return f"{verb} {thing} for {rng.choice(COMPANIES)}"
    if roll < 0.7:
        return f"Email {rng.choice(FIRST_NAMES)} about {rng.choice(TOPICS)}"
    return f"{verb} {thing}"


def sentences(rng: random.Random, count: int, pool: tuple[str, ...] = BODY_SENTENCES) -> str:
    """`count` random sentences from `pool`, joined by spaces."""
    return " ".join(fill(rng.choice(pool), rng) for _ in range(count))


def person(rng: random.Random) -> tuple[str, str]:
    """A display name and a matching e-mail address at a company domain."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    domain = rng.choice(COMPANIES).lower().replace(" ", "") + ".example.com"
    local = f"{first}.{last}".lower().replace("'", "")
    return f"{first} {last}", f"{local}@{domain}"


def email_body(rng: random.Random, sender: str) -> str:
    """A short plain-text e-mail signed by `sender`."""
    greeting = rng.choice(("Hi", "Hello", "Dear", "Hey"))
    sign_off = rng.choice(("Best", "Cheers", "Thanks", "Kind regards"))
    first = sender.split(" ")[0]
    return f"{greeting},\n\n{sentences(rng, rng.randint(2, 4))}\n\n{sign_off},\n{first}"


def note_text(kind: str, rng: random.Random) -> tuple[str, str, list[str]]:
    """Title, Markdown body and tags of a note of `kind`."""
    if kind == "meeting":
        title = f"Meeting notes: {fill(rng.choice(MEETINGS), rng)}"
        people = ", ".join(sorted({rng.choice(FIRST_NAMES) for _ in range(3)}))
        actions = "\n".join(f"- [ ] {task_title(rng)}" for _ in range(rng.randint(1, 4)))
        body = (
            f"# {title}\n\n**Attendees:** {people}\n\n## Discussion\n\n"
            f"{sentences(rng, 3)}\n\n## Action items\n\n{actions}\n"
        )
        return title, body, ["meeting", "work"]
    if kind == "idea":
        title = f"Idea: {rng.choice(TASK_VERBS).lower()} the {rng.choice(TASK_OBJECTS)}"
        bullets = "\n".join(f"- {fill(rng.choice(FILLER), rng)}" for _ in range(3))
        return title, f"# {title}\n\n{sentences(rng, 2)}\n\n{bullets}\n", ["idea"]
    if kind == "recipe":
        title = f"Recipe: {rng.choice(RECIPES)}"
        items = "\n".join(f"- {item}" for item in rng.sample(INGREDIENTS, 5))
        steps = "1. Prepare everything.\n2. Cook slowly, stirring often.\n3. Season and serve."
        return title, f"# {title}\n\n## Ingredients\n\n{items}\n\n## Steps\n\n{steps}\n", ["recipe"]
    if kind == "reading":
        books = "\n".join(f"- [ ] *{book}*" for book in rng.sample(BOOKS, 4))
        return "Reading list", f"# Reading list\n\n{books}\n", ["reading"]
    if kind == "trip":
        city = rng.choice(CITIES)
        title = f"Trip to {city}"
        body = (
            f"# {title}\n\n- Flights: check [prices](https://flights.example.com/{city.lower()})"
            f"\n- Hotel near the old town\n- Dinner at {rng.choice(RESTAURANTS)}\n\n"
            f"{sentences(rng, 2)}\n"
        )
        return title, body, ["travel"]
    title = f"Journal: {rng.choice(WEEKDAY_NAMES)}"
    return title, f"# {title}\n\n{sentences(rng, 4)}\n\n> {fill(rng.choice(FILLER), rng)}\n", []


# Tasks every demo has, so that a fresh profile shows overdue, due-today, recurring,
# in-progress and nested work: (title, status, priority, due, hour, tags, rule, parent).
# `due` is days from today, or a weekday code (the next such day); `hour` makes it an
# instant in the user's zone; `parent` is the index of another anchor task.
ANCHOR_TASKS: tuple[
    tuple[str, str, int, int | str | None, int | None, tuple[str, ...], str | None, int | None],
    ...,
] = (
    ("Call dentist about appointment", "todo", 2, 0, None, ("health", "phone"), None, None),
    ("Pay electricity bill", "todo", 3, -3, None, ("finance",), None, None),
    ("Review quarterly report for Acme", "in_progress", 2, 0, 16, ("work",), None, None),
    ("Submit expense report", "todo", 1, -1, None, ("work", "admin"), None, None),
    (
        "Prepare slides for the team meeting",
        "todo",
        1,
        "MO",
        None,
        ("work",),
        "FREQ=WEEKLY;BYDAY=MO",
        None,
    ),
    ("Water the plants", "todo", 0, "SA", None, ("home",), "FREQ=WEEKLY;BYDAY=SA", None),
    ("Renew passport", "todo", 2, 20, None, ("admin", "travel"), None, None),
    ("Book flights to Lisbon", "done", 1, -5, None, ("travel",), None, None),
    ("Fix login bug on Safari", "in_progress", 3, 2, None, ("dev", "urgent"), None, None),
    ("Reproduce the login bug on Safari 17", "done", 2, None, None, ("dev",), None, 8),
    ("Write a regression test for the login", "todo", 2, None, None, ("dev",), None, 8),
    ("Deploy the login hotfix", "todo", 3, 2, 15, ("dev",), None, 8),
)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Recurring events: (title, rule, weekday of the first occurrence, hour, minute, minutes,
# location, calendar, attendees).
SERIES = (
    ("Daily standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 0, 9, 30, 15, "Zoom", "work", 4),
    ("1:1 with {first}", "FREQ=WEEKLY;BYDAY=TH", 3, 14, 0, 30, "Room Ada", "work", 1),
    ("Sprint planning", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", 0, 10, 0, 90, "Room Turing", "work", 5),
    ("Gym", "FREQ=WEEKLY;BYDAY=TU,TH", 1, 18, 30, 60, "FitX Gym", "personal", 0),
)
