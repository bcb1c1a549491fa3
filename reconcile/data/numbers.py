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
     "sided", "stop", "on"}
)
"""After "one" these make it a pronoun or idiom, not a count ("one of the most", "one-time")."""
ONE_IDIOM_PREVIOUS: frozenset[str] = frozenset(
    {"no", "any", "every", "each", "the", "this", "that", "which", "such", "little", "only"}
)
"""Before "one" these make it a pronoun ("no one", "the one")."""

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
    "S$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₺": "TRY", "Rs": "INR", "Rs.": "INR",
}
"""Symbols written before the amount. A bare "$" is read as US dollars; "¥" is
read as yen unless the same text speaks of yuan (see YUAN_CONTEXT)."""
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
    "year-old": ("age:year", 1.0, 0.0), "years old": ("age:year", 1.0, 0.0),
    "km2": ("area:m2", 1e6, 0.0), "km²": ("area:m2", 1e6, 0.0), "sq km": ("area:m2", 1e6, 0.0),
    "square kilometres": ("area:m2", 1e6, 0.0), "square kilometers": ("area:m2", 1e6, 0.0),
    "square miles": ("area:m2", 2589988.110336, 0.0), "sq miles": ("area:m2", 2589988.110336, 0.0),
    "square metres": ("area:m2", 1.0, 0.0), "square meters": ("area:m2", 1.0, 0.0),
    "square feet": ("area:m2", 0.09290304, 0.0), "sq ft": ("area:m2", 0.09290304, 0.0),
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
        "Article", "Section", "Chapter", "No", "No.", "Number", "Route", "Room", "Flight",
        "Boeing", "Apollo", "Gate", "Terminal", "Platform", "Level", "Category", "Phase",
        "Title", "Proposition", "Prop", "Resolution", "Model", "Version", "Windows",
        "iPhone", "Galaxy", "Pixel", "Series", "Class", "Grade", "Stage", "Highway",
        "Interstate", "Vol.", "Page", "Fig.", "Table", "Covid", "COVID", "Type",
    }
)
"""Capitalised words a number is part of a name after ("Article 5", "Boeing 737")."""
