"""Words that make up quantities: number words, scales, currencies, units, qualifiers.

Plain constants so a new currency or unit is a one-line change. Multi-word
entries are written with single spaces; the matcher accepts any white space.
"""

from __future__ import annotations

# -- numbers written in words ------------------------------------------------

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIERS: dict[str, int] = {"hundred": 100, "dozen": 12}
"""Words that multiply the number before them ("two hundred", "a dozen")."""

ONE_IDIOM_NEXT: frozenset[str] = frozenset(
    {"of", "another", "day", "by", "way", "thing", "'s", "’s", "hand", "such", "time", "off",
     "sided", "stop", "on", "who", "whose", "which", "that"}
)
"""After "one" these make it a pronoun or idiom, not a count ("one of the most", "one-time")."""
ONE_IDIOM_PREVIOUS: frozenset[str] = frozenset(
    {"no", "any", "every", "each", "the", "this", "that", "which", "such", "little", "only"}
)
"""Before "one" these make it a pronoun ("no one", "the one")."""

ORDINALS: dict[str, int] = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}
"""Ordinal words read as ranks ("second seed" = "No. 2 seed"); after a tens word too
("twenty-third"). "First" and "last" are left out: in news they mostly say "at first",
"first reported", "the last time", not a place in an order."""
ORDINAL_DATES: frozenset[str] = frozenset({"century", "centuries", "millennium"})
"""Nouns that make an ordinal a date ("the 21st century"), for facts/dates.py or nobody."""

FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
    "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
    "eighth": 1 / 8, "eighths": 1 / 8, "tenth": 1 / 10, "tenths": 1 / 10,
}
"""Fraction words: "a fifth of", "two-thirds of", "half a million"; read as a fraction
only before "of", "a" or "an", else the ordinal or noun they also are."""
NOT_A_HALF_AFTER: frozenset[str] = frozenset({"the", "first", "second", "other", "latter", "back", "front"})
"""Before "half" these make it a part of something in time or space ("the first half of 2025")."""
FRACTION_PP: float = 2.5
"""A fraction in words stands for any share that rounds to it at 5 points: writers say
"a fifth" for 18% to 22% and "three in five" for 61%; never more than an eighth of the
value itself either ("one in 100" is 0.875% to 1.125%)."""
FRACTION_RELATIVE: float = 1 / 8

# -- scale -------------------------------------------------------------------

SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
"""Scale words, written after the number with or without a space ("5bn")."""
CURRENCY_SCALES: dict[str, float] = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9}
"""Letters that are scales only after an amount of money: "€3m" is 3 million, "3m" is 3 metres."""
SCALE_NAMES: tuple[tuple[float, str], ...] = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
"""Scales used when describing large amounts, largest first."""

# -- money -------------------------------------------------------------------

CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "$US": "USD", "$A": "AUD", "$NZ": "NZD", "$HK": "HKD",
    "S$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₺": "TRY", "Rs": "INR", "Rs.": "INR",
}
"""Symbols written before the amount. A bare "$" is read as US dollars unless the
same text names US dollars explicitly (see LOCAL_DOLLAR); "¥" is read as yen unless
the same text speaks of yuan (see YUAN_CONTEXT)."""
LOCAL_DOLLAR: str = "$"
"""The unit of a bare "$" in a text that also writes "US$" or "$US": another dollar, the
writer's own ("$US1 million ($1.52 million)" in an Australian paper), never compared
with US dollars."""
US_DOLLAR_MARKS: tuple[str, ...] = ("US$", "$US", "USD", "U.S. dollars", "US dollars")
"""Spellings that name US dollars explicitly."""
CURRENCY_CODES: dict[str, str] = {
    code: code
    for code in (
        "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "AUD", "CAD", "SGD", "NZD", "TWD",
        "INR", "KRW", "CHF", "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "TRY",
    )
} | {"RMB": "CNY"}
"""ISO codes (and the common alias RMB), before or after the amount."""
CURRENCY_WORDS: dict[str, str] = {
    "yuan": "CNY", "renminbi": "CNY",
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "hong kong dollars": "HKD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "taiwan dollars": "TWD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "pounds": "GBP", "pound": "GBP", "yen": "JPY", "rupees": "INR", "rupee": "INR", "won": "KRW",
    "roubles": "RUB", "rubles": "RUB", "swiss francs": "CHF", "reais": "BRL", "rand": "ZAR",
}
"""Currency names written after the amount ("4.3 billion yuan")."""
CURRENCY_WORDS_NEEDING_SCALE: frozenset[str] = frozenset({"pound", "pounds", "won", "rand"})
"""Currency names that are common words: money only after a scale ("2 million pounds",
"5 billion won"); otherwise "200 pounds" is a weight and "5 won" no money."""
YUAN_CONTEXT: tuple[str, ...] = ("yuan", "renminbi", "rmb", "cny")
"""Words that make "¥" mean Chinese yuan in the same text."""

# -- percentages and units ---------------------------------------------------

PERCENT: dict[str, str] = {
    "%": "percent", "per cent": "percent", "percent": "percent", "per-cent": "percent",
    "pct": "percent", "percentage points": "percentage-point",
    "percentage point": "percentage-point", "pp": "percentage-point",
}
"""Percentages, kept apart from percentage points (a change of 2 points is not 2 %)."""

UNITS: dict[str, tuple[str, float, float]] = {
    # token: (dimension:base unit, factor, offset) so base = value * factor + offset
    "km": ("length:m", 1000.0, 0.0),
    "kilometres": ("length:m", 1000.0, 0.0), "kilometre": ("length:m", 1000.0, 0.0),
    "kilometers": ("length:m", 1000.0, 0.0), "kilometer": ("length:m", 1000.0, 0.0),
    "m": ("length:m", 1.0, 0.0), "metres": ("length:m", 1.0, 0.0), "metre": ("length:m", 1.0, 0.0),
    "meters": ("length:m", 1.0, 0.0), "meter": ("length:m", 1.0, 0.0),
    "cm": ("length:m", 0.01, 0.0), "centimetres": ("length:m", 0.01, 0.0),
    "centimeters": ("length:m", 0.01, 0.0),
    "mm": ("length:m", 0.001, 0.0), "millimetres": ("length:m", 0.001, 0.0),
    "millimeters": ("length:m", 0.001, 0.0),
    "nm": ("length:m", 1e-9, 0.0), "nanometres": ("length:m", 1e-9, 0.0),
    "nanometers": ("length:m", 1e-9, 0.0),
    "miles": ("length:m", 1609.344, 0.0), "mile": ("length:m", 1609.344, 0.0),
    "nautical miles": ("length:m", 1852.0, 0.0),
    "feet": ("length:m", 0.3048, 0.0), "foot": ("length:m", 0.3048, 0.0), "ft": ("length:m", 0.3048, 0.0),
    "yards": ("length:m", 0.9144, 0.0), "inches": ("length:m", 0.0254, 0.0), "inch": ("length:m", 0.0254, 0.0),
    "kg": ("mass:kg", 1.0, 0.0), "kilograms": ("mass:kg", 1.0, 0.0), "kilogram": ("mass:kg", 1.0, 0.0),
    "kilos": ("mass:kg", 1.0, 0.0), "g": ("mass:kg", 0.001, 0.0), "grams": ("mass:kg", 0.001, 0.0),
    # News uses "tons" for metric tonnes far more often than for short tons.
    "tonnes": ("mass:kg", 1000.0, 0.0), "tonne": ("mass:kg", 1000.0, 0.0),
    "tons": ("mass:kg", 1000.0, 0.0), "ton": ("mass:kg", 1000.0, 0.0),
    "pounds": ("mass:kg", 0.45359237, 0.0), "pound": ("mass:kg", 0.45359237, 0.0),
    "lb": ("mass:kg", 0.45359237, 0.0), "lbs": ("mass:kg", 0.45359237, 0.0),
    "ounces": ("mass:kg", 0.028349523125, 0.0), "oz": ("mass:kg", 0.028349523125, 0.0),
    "°C": ("temperature:C", 1.0, 0.0), "ºC": ("temperature:C", 1.0, 0.0),
    "degrees Celsius": ("temperature:C", 1.0, 0.0), "degrees C": ("temperature:C", 1.0, 0.0),
    "°F": ("temperature:C", 5 / 9, -160 / 9), "ºF": ("temperature:C", 5 / 9, -160 / 9),
    "degrees Fahrenheit": ("temperature:C", 5 / 9, -160 / 9), "degrees F": ("temperature:C", 5 / 9, -160 / 9),
    "Celsius": ("temperature:C", 1.0, 0.0), "Fahrenheit": ("temperature:C", 5 / 9, -160 / 9),
    "seconds": ("duration:s", 1.0, 0.0), "second": ("duration:s", 1.0, 0.0),
    "minutes": ("duration:s", 60.0, 0.0), "minute": ("duration:s", 60.0, 0.0), "min": ("duration:s", 60.0, 0.0),
    "hours": ("duration:s", 3600.0, 0.0), "hour": ("duration:s", 3600.0, 0.0),
    "hrs": ("duration:s", 3600.0, 0.0),
    "days": ("duration:s", 86400.0, 0.0), "day": ("duration:s", 86400.0, 0.0),
    "weeks": ("duration:s", 604800.0, 0.0), "week": ("duration:s", 604800.0, 0.0),
    "months": ("duration:s", 2629800.0, 0.0), "month": ("duration:s", 2629800.0, 0.0),
    "years": ("duration:s", 31557600.0, 0.0), "year": ("duration:s", 31557600.0, 0.0),
    "decades": ("duration:s", 315576000.0, 0.0), "decade": ("duration:s", 315576000.0, 0.0),
    "centuries": ("duration:s", 3155760000.0, 0.0), "century": ("duration:s", 3155760000.0, 0.0),
    "fortnights": ("duration:s", 1209600.0, 0.0), "fortnight": ("duration:s", 1209600.0, 0.0),
    "year-old": ("age:year", 1.0, 0.0), "years old": ("age:year", 1.0, 0.0),
    "km2": ("area:m2", 1e6, 0.0), "km²": ("area:m2", 1e6, 0.0), "sq km": ("area:m2", 1e6, 0.0),
    "square kilometres": ("area:m2", 1e6, 0.0), "square kilometers": ("area:m2", 1e6, 0.0),
    "square miles": ("area:m2", 2589988.110336, 0.0), "sq miles": ("area:m2", 2589988.110336, 0.0),
    "square metres": ("area:m2", 1.0, 0.0), "square meters": ("area:m2", 1.0, 0.0),
    "square feet": ("area:m2", 0.09290304, 0.0), "sq ft": ("area:m2", 0.09290304, 0.0),
    "square foot": ("area:m2", 0.09290304, 0.0), "square-foot": ("area:m2", 0.09290304, 0.0),
    "square-mile": ("area:m2", 2589988.110336, 0.0), "square mile": ("area:m2", 2589988.110336, 0.0),
    "hectares": ("area:m2", 1e4, 0.0), "ha": ("area:m2", 1e4, 0.0), "acres": ("area:m2", 4046.8564224, 0.0),
    "litres": ("volume:m3", 0.001, 0.0), "liters": ("volume:m3", 0.001, 0.0),
    "cubic metres": ("volume:m3", 1.0, 0.0), "cubic meters": ("volume:m3", 1.0, 0.0),
    "gallons": ("volume:m3", 0.003785411784, 0.0), "barrels": ("volume:m3", 0.158987294928, 0.0),
    "km/h": ("speed:m/s", 1 / 3.6, 0.0), "kph": ("speed:m/s", 1 / 3.6, 0.0),
    "mph": ("speed:m/s", 0.44704, 0.0), "knots": ("speed:m/s", 1852 / 3600, 0.0),
    # Sub-units of money: cents are read as US cents, pence as British.
    "cents": ("currency:USD", 0.01, 0.0), "cent": ("currency:USD", 0.01, 0.0),
    "pence": ("currency:GBP", 0.01, 0.0),
    "kW": ("power:W", 1e3, 0.0), "MW": ("power:W", 1e6, 0.0), "GW": ("power:W", 1e9, 0.0),
    "kilowatts": ("power:W", 1e3, 0.0), "megawatts": ("power:W", 1e6, 0.0), "gigawatts": ("power:W", 1e9, 0.0),
    "kWh": ("energy:Wh", 1e3, 0.0), "MWh": ("energy:Wh", 1e6, 0.0),
    "GWh": ("energy:Wh", 1e9, 0.0), "TWh": ("energy:Wh", 1e12, 0.0),
}
"""Physical units, converted to one base unit per dimension so "5 miles (8 km)" compare."""

# -- wording around the number -----------------------------------------------

QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "close to": "about",
    "circa": "about", "approx.": "about", "~": "about",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just shy of": "nearly",
    "just below": "nearly",
    "just over": "just over", "just above": "just over", "slightly more than": "just over",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "exceeding": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least",
    "less than": "less than", "under": "less than", "fewer than": "less than", "below": "less than",
    "up to": "at most", "at most": "at most", "no more than": "at most", "as many as": "at most",
    "as much as": "at most", "a maximum of": "at most",
}
"""Words before a number that change what it admits, mapped to a normalised qualifier."""

NAME_BEFORE_NUMBER: frozenset[str] = frozenset(
    {
        "Article", "Section", "Chapter", "Route", "Room", "Flight",
        "Boeing", "Apollo", "Gate", "Terminal", "Platform", "Level", "Category", "Phase",
        "Title", "Proposition", "Prop", "Resolution", "Model", "Version", "Windows",
        "iPhone", "Galaxy", "Pixel", "Series", "Class", "Grade", "Stage", "Highway",
        "Interstate", "Vol.", "Page", "Fig.", "Table", "Covid", "COVID", "Type",
    }
)
"""Capitalised words a number is part of a name after ("Article 5", "Boeing 737")."""
RANK_BEFORE: frozenset[str] = frozenset({"No", "No.", "Number", "no."})
"""Words a number is a rank after ("the No. 2 seed" = "the second seed")."""

# -- what is not a count -----------------------------------------------------

AGE_BEFORE: frozenset[str] = frozenset({"aged", "age", "ages"})
"""Words after which a bare number is an age ("aged 71")."""
AGE_APPOSITION: tuple[str, ...] = ("both", "all", "each")
"""Words between a name's comma and an age ("Hakim, both 51, died")."""
MAX_AGE: int = 120
"""A number after a name between commas ("Ruth Okonkwo, 71,") is an age up to this."""

TALLY_WORDS: frozenset[str] = frozenset(
    """vote votes voted voting ballot won win wins winning beat beats beating lost lose loses
    losing defeat defeated defeats score scored scoreline draw drew tie tied set sets tiebreak
    tiebreaker ruling decision majority margin victory verdict split""".split()
)
"""Words near "N to M" (or an ascending "3-6") that make it a tally, not a range."""

NOT_QUANTITIES: tuple[str, ...] = (
    # telephone numbers: "555-123-4567", "(555) 123-4567", "+44 20 7946 0958", "1-800-555-0199"
    r"(?<![\w$])(?:\+\d{1,3}[\s.-]?)?(?:1-)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.-])\d{3,4}[\s.-]\d{4}(?![\w-])",
    # national numbers with a leading zero: "0800 555 111", "0845 125 2222", "020 7946 0958"
    r"(?<![\w$.,])0\d{2,4}[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?(?![\w-])",
    # street numbers: "42 Main Street", "1600 Pennsylvania Ave."
    r"(?<![\w$])\d+[A-Za-z]?(?:\s+[A-Z][\w'’.-]*){1,3}\s+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Square)\b",
    # ZIP codes and postcodes: "ZIP code 90210", "Springfield, IL 62704"
    r"(?i:\b(?:zip|postal|post)\s*(?:code)?\s*)\d{5}(?:-\d{4})?\b",
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
)
"""Patterns of numbers that name something and count nothing (telephone, street, ZIP)."""

# -- what a number counts ----------------------------------------------------

IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "persons": "person", "children": "child", "men": "man", "women": "woman",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life",
    "wives": "wife", "knives": "knife", "thieves": "thief", "leaves": "leaf", "halves": "half",
    "shelves": "shelf", "wolves": "wolf", "calves": "calf", "loaves": "loaf", "data": "data",
    "criteria": "criterion", "phenomena": "phenomenon", "cattle": "cattle", "police": "police",
    "staff": "staff", "personnel": "personnel", "crew": "crew", "aircraft": "aircraft",
    "sheep": "sheep", "fish": "fish", "deer": "deer", "series": "series", "species": "species",
    "news": "news", "headquarters": "headquarters", "crises": "crisis", "analyses": "analysis",
    "diagnoses": "diagnosis", "indices": "index", "matrices": "matrix", "buses": "bus",
    "gases": "gas", "viruses": "virus", "campuses": "campus", "bonuses": "bonus",
    "statuses": "status", "census": "census", "lens": "lens",
}
"""Plural nouns whose singular no suffix rule gives, and nouns that are their own plural."""
PLURAL_WITHOUT_S: frozenset[str] = frozenset(
    {"people", "children", "men", "women", "feet", "teeth", "mice", "geese", "cattle", "data"}
)
"""Plural nouns that end a counted noun phrase though they lack the "s" ("12 people killed")."""

MODIFIERS: frozenset[str] = frozenset(
    "more other additional further new extra fewer less own same such very just only overseas".split()
)
"""Words between a number and its noun that are skipped on the way to it ("12 more people")."""
NOT_NOUNS: frozenset[str] = frozenset(
    """said says say told tells according added also were was is are be been being had has have
    will would could can may might should must did do does employs includes include including
    arose awoke became began bent bled blew broke brought built burnt bought caught chose clung
    came crept dealt dug drew drank drove ate fed felt fought fled flew forbade forgot forgave
    froze got gave went grew hung heard hid hit held hurt kept knelt knew led leapt left lent
    lost made meant met paid put quit rode rang rose ran sought sold sent shook shone showed
    shut sang sank sat slept slid spoke spent spun sprang stood stuck stung struck swore swept
    swam swung took taught tore told thought threw understood woke wore wept won wrote""".split()
)
"""Verbs and function words next to a number that end the search for its noun ("12 died",
"magnitude 7.1 struck"): irregular past forms that are seldom nouns after a number ("a 2%
cut", "the second set" are nouns, so "cut" and "set" are not listed)."""
NOT_NOUNS |= frozenset(
    """inside outside away apart long ahead back overall apiece altogether total yesterday today
    tonight tomorrow ago old longer shorter later earlier higher lower bigger smaller larger
    greater older younger worth yes""".split()
)
"""Adverbs and comparatives after an amount ("five minutes inside", "40 minutes longer")."""
DETERMINERS: frozenset[str] = frozenset("the its their his her our all these those a an them this that".split())
"""Skipped after "of" on the way to a noun ("48 of its 612 stores"), and before a noun
that names a number directly before it ("the tiebreaker 7-5")."""
PREPOSITIONS: frozenset[str] = frozenset("of in with at by for on from".split())
"""Before a noun that names a number directly after it ("a quake of magnitude 7.1")."""
PARTICIPLES: frozenset[str] = frozenset("lost put set left held kept cut hit made seen shown given taken found".split())
"""Irregular participles crossed between a noun and "at" or "to" ("homes lost at 58")."""
NOT_MEN_PLURALS: frozenset[str] = frozenset({"specimen", "abdomen", "omen", "amen", "semen", "stamen", "regimen"})
"""Words ending in "men" that are singular ("gunmen" is the plural of "gunman")."""
SINGULAR_IN_S: frozenset[str] = frozenset(
    "axis tennis iris penis this his is was has does yes plus always news series species".split()
)
"""Words ending in "s" that are no plurals; other words in "-is" are ("Somalis", "taxis")."""
NOT_GLUED: frozenset[str] = frozenset({"plus", "odd", "some", "fold", "ish"})
"""Words hyphenated to a number that count nothing ("three-plus seasons", "30-odd people")."""
NOUN_ENDINGS_IN_ED: frozenset[str] = frozenset({"hundred", "bed", "shed", "seed", "speed", "breed", "creed", "sled"})
"""Nouns ending in "ed", which otherwise marks a verb or participle ("12 injured")."""

AMOUNT_NOUNS: frozenset[str] = frozenset({"number", "count", "total", "tally", "toll", "figure", "tallies", "tolls"})
"""Nouns that name an amount, not a thing: "the number of homes lost at 58" counts homes;
"the toll rose to 45" is itself what is counted when no "of" follows."""
LINKS: frozenset[str] = frozenset(
    """at to of is was are were be been stands stood stand rose risen rise rises climbed climb
    reached reach reaches hit hits passed pass passes topped tops exceeded exceeds jumped jump
    increased grew fell fallen dropped declined numbered numbers totalled totaled totals put
    puts now had has have""".split()
)
"""Words between an amount and its noun in a predicate ("the toll rose to 45",
"homes lost at 58"): crossed when the number has no noun after it."""
RATE_WORDS: frozenset[str] = frozenset({"a", "an", "per", "each"})
"""Before a noun after an amount they make it a rate ("$11,450 a month", "71 cents a share")."""
NOT_RATE_AFTER: frozenset[str] = frozenset({"ago", "earlier", "later", "before", "after", "since", "old"})
"""After "a year" or "an hour" these make it a time, not the period of a rate."""
ARTICLE_UNITS: tuple[str, ...] = ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century")
"""Units read as one after "a" or "an" ("for a week"); not "second" ("a second attack")."""
ARTICLE_UNIT_BEFORE: frozenset[str] = frozenset(
    """for within than about nearly almost roughly around over under lasted lasting last lasts
    took take takes spent spend spends""".split()
)
"""Words before "a week", "an hour", "a decade" that make them a length of time (one week),
not a rate ("$85 a year") or a date ("a year earlier")."""
