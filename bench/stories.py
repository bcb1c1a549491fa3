"""Realistic stories for the speed benches: many sources telling one event.

    .venv/bin/python bench/stories.py OUT --stories 3 --sources 10 --sentences 40 [--seed 7]

writes OUT/story-0000/000-<outlet>.txt ... : one folder per story, one file per
source, as ``reconcile batch`` reads them.

A story is a kit (the Micron meeting of samples/micron, told generically, and
two events of our own: a port strike and a flood) with its names, places,
dates and numbers drawn at random. Each source tells a random subset of the
kit's facts, in its own order, each in one of several hand-written phrasings
with automatic paraphrase on top (synonyms, date and number formats,
attributions); some sources get a fact wrong (a number, a date, a name, a
negation), and every source adds sentences of its own (background, quotes,
analysis) that no other source has. The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------- pools

PEOPLE = """Wang Wentao|Sanjay Mehrotra|Maria Alvarez|Kenji Tanaka|Priya Raman|Lukas Weber|Amara Okafor|
Daniel Novak|Sofia Rossi|Hugo Laurent|Ines Duarte|Tomasz Kowalski|Leila Haddad|Erik Lindqvist|Grace Mensah|
Rafael Ortega|Mei Chen|Oliver Grant|Fatima Zahra|Pieter de Vries|Hannah Brooks|Arjun Mehta|Chloe Dubois|
Mateo Silva|Yuki Sato|Noah Fischer|Elena Petrova|Samuel Adeyemi|Clara Jensen|David Cohen|Lucia Moreno|
Ahmed Karim|Julia Berg|Marco Bianchi|Anna Kowalczyk|Ravi Shankar|Laura Schmidt|Ivan Horvat|Nadia Benali""".replace(
    "\n", "").split("|")
COMPANIES = """Micron Technology|Orion Semiconductor|Baltic Freight|Nordwind Energy|Helios Motors|Atlas Logistics|
Cobalt Mining|Vireo Pharma|Summit Steel|Larkspur Foods|Meridian Telecom|Kestrel Aerospace|Tidewater Shipping|
Granite Cement|Aurora Chemicals|Polaris Software""".replace("\n", "").split("|")
COUNTRIES = [  # name, adjective, capital
    ("China", "Chinese", "Beijing"), ("India", "Indian", "New Delhi"), ("Japan", "Japanese", "Tokyo"),
    ("Germany", "German", "Berlin"), ("Brazil", "Brazilian", "Brasilia"), ("Mexico", "Mexican", "Mexico City"),
    ("Indonesia", "Indonesian", "Jakarta"), ("Vietnam", "Vietnamese", "Hanoi"), ("France", "French", "Paris"),
    ("Canada", "Canadian", "Ottawa"),
]
CITIES = """Rotterdam|Antwerp|Hamburg|Gdansk|Valencia|Genoa|Marseille|Piraeus|Felixstowe|Le Havre|Bilbao|Trieste|
Durban|Mombasa|Santos|Busan|Halifax|Tacoma|Savannah|Oakland""".replace("\n", "").split("|")
RIVERS = "Elbe|Danube|Oder|Po|Loire|Rhine|Ebro|Vistula|Tagus|Meuse".split("|")
OUTLETS = """Daily Ledger|Evening Courier|Harbour Times|Metro Post|The Observer Desk|Global Wire|City Herald|
Business Monitor|Morning Standard|Regional News|Tribune Online|Market Watchers|The Dispatch|Press Review|
Asia Briefing|Trade Journal""".replace("\n", "").split("|")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SHORT_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# --------------------------------------------------------------------------- kits
# A fact is a list of phrasings; "{slot}" takes the story's value of that slot,
# and a phrasing starting with "!" says the opposite (a source that gets it wrong).

MEETING = [
    ["{adj} {ministry} minister {official} told {ceo}, chief executive of {company}, that {capital} would "
     "welcome the company deepening its footprint in the {adj} market.",
     "{country}'s {ministry} minister, {official}, held a meeting with {ceo}, president and CEO of {company}, "
     "conveying {capital}'s open arms for the company to broaden its presence in the {adj} market."],
    ["This is a further thaw in relations between {country} and the {home}.",
     "This gesture signifies a growing sense of cooperation between {country} and the {home}."],
    ["In a meeting on {date}, {official} said {country} will optimise the environment for foreign "
     "investment and provide service guarantees for such enterprises.",
     "The pivotal meeting took place on {date}, where minister {official} assured {company} of {country}'s "
     "commitment to enhancing the investment environment for foreign entities."],
    ["The statement was released on the {ministry} ministry's website on {weekday}.",
     "A short statement on the website of the {ministry} ministry disclosed the talks on {weekday}."],
    ["The statement came {gap} days after {country}'s {regulator} said operators of crucial infrastructure "
     "should stop buying products from {company}.",
     "It followed by {gap} days an order from the {regulator} telling operators of vital infrastructure "
     "to stop purchasing products from {company}."],
    ["The {regulator} said {company}'s products pose serious network security risks.",
     "!The {regulator} said {company}'s products pose no network security risks.",
     "A security review by the {regulator} concluded that {company}'s products had not met the required "
     "standards."],
    ["The move was widely seen as retaliation for restrictions on chip exports imposed by the {home}.",
     "This move was widely perceived as a retaliatory response to efforts by the {home} to limit "
     "{country}'s access to critical technology."],
    ["{company} is one of the largest makers of {product} in the world.",
     "{company} ranks among the most significant {product} makers in the world."],
    ["Its {country} business accounts for about {share} of its revenue.",
     "The company earns roughly {share} of its revenue in {country}."],
    ["In {month}, {company} announced a plan to invest {invest} in its {plant} plant.",
     "{company} said in {month} it would put {invest} into its factory in {plant}."],
    ["The company portrayed the investment as a sign of its commitment to the {adj} market.",
     "{company} described the {plant} investment as proof of its long-term commitment to {country}."],
    ["Officials from both countries are working to organise a meeting between {leader1} and {leader2} "
     "later this month.",
     "Officials from both nations have been working towards a meeting between {leader1} and his "
     "counterpart {leader2}, scheduled later this month."],
    ["The leaders are expected to meet at a summit in {summit}.",
     "The meeting between {leader1} and {leader2} is planned for a summit in {summit}."],
    ["Shares in local chipmaking-related firms rose by {rise} on {weekday2}.",
     "!Shares in local chipmaking-related firms fell by {rise} on {weekday2}.",
     "Local chip stocks gained {rise} on {weekday2} after the comments from the ministry."],
    ["{official} said the company was welcome to continue to grow in {country} provided it complies "
     "with {adj} laws and regulations.",
     "\"We welcome {company} to continue to establish a strong presence in the {adj} market,\" {official} "
     "said, provided it adheres to {adj} laws."],
    ["Analysts warn that the détente may not last beyond the summit.",
     "It is still unclear whether the détente will last beyond the meeting of the two leaders."],
    ["Leaders of the G7 group of rich nations urged their allies to reduce risk and not decouple from "
     "{country}.",
     "It coincided with a declaration by the Group of Seven nations that they would seek to de-risk, not "
     "decouple, from {country}."],
    ["The {home} has pressed its allies to restrict sales of chip equipment to {country}.",
     "The {home} had been urging its allies to join in restricting the export of chip equipment to "
     "{country}."],
    ["{company} employs about {staff} people in {country}.",
     "The company has a workforce of some {staff} in {country}."],
    ["{ceo} did not comment after the meeting.",
     "!{ceo} spoke to reporters after the meeting.",
     "{ceo} made no public comment after the talks."],
    ["{company} said in a statement that it would continue to serve its customers in {country}.",
     "In a statement, {company} pledged to keep serving its {adj} customers."],
    ["The ban affected about {banned} of {company}'s sales in the country.",
     "Analysts estimate the ban hit around {banned} of the company's {adj} sales."],
    ["The {ministry} ministry said {official} and {ceo} discussed supply chains and further investment.",
     "Supply chains and new investment were on the agenda, according to the {ministry} ministry."],
    ["{official} has been {ministry} minister since {since}.",
     "{official}, who became {ministry} minister in {since}, has met several foreign executives this year."],
    ["The two sides are expected to hold high-level trade talks this month.",
     "High-level trade talks between the two sides are expected later this month."],
    ["{country}'s exports fell {exports} in the last quarter.",
     "!{country}'s exports rose {exports} in the last quarter.",
     "Exports from {country} dropped by {exports} last quarter, official data showed."],
    ["{company} reported revenue of {revenue} for its latest fiscal year.",
     "The company booked {revenue} in revenue in its most recent fiscal year."],
    ["The meeting lasted about {hours} hours, according to people familiar with the talks.",
     "People familiar with the talks said the meeting ran for roughly {hours} hours."],
]

STRIKE = [
    ["Dockworkers at the port of {city} walked off the job on {weekday}, {date}, halting container "
     "traffic at one of the busiest harbours in {country}.",
     "Container traffic at the port of {city} came to a standstill on {date} as dockworkers began a strike."],
    ["The {union} said about {workers} members joined the strike.",
     "Some {workers} workers took part in the walkout, according to the {union}.",
     "The walkout involved roughly {workers} dockworkers, the {union} said."],
    ["The union is demanding a pay rise of {raise} over two years.",
     "Workers want wages to rise by {raise} over the next two years, the union said."],
    ["The port operator, {company}, has offered {offer}.",
     "{company}, which runs the terminals, has so far offered a raise of {offer}."],
    ["{company} said the union's demands would threaten the port's competitiveness.",
     "!{company} said it would accept the union's demands in full.",
     "The operator argued that meeting the demands would make {city} less competitive."],
    ["At least {ships} ships were waiting at anchor outside the harbour on {weekday}.",
     "By {weekday}, {ships} vessels were stuck at anchor off {city}."],
    ["The strike is costing the regional economy an estimated {loss} a day.",
     "Economists put the cost to the region at around {loss} per day."],
    ["{mayor}, the mayor of {city}, called on both sides to return to the negotiating table.",
     "Mayor {mayor} urged the union and the operator to resume talks."],
    ["It is the first strike at the port since {since}.",
     "Dockworkers in {city} last went on strike in {since}."],
    ["Talks between the union and the operator broke down on {talks_day} after {rounds} rounds of "
     "negotiation.",
     "Negotiations collapsed on {talks_day} following {rounds} rounds of talks."],
    ["{leader}, the head of the {union}, said workers had not had a real pay rise in years.",
     "\"Our members have not had a real raise in years,\" said {leader}, who leads the {union}."],
    ["{minister}, the transport minister, said the government would not intervene for now.",
     "!{minister}, the transport minister, said the government would intervene immediately.",
     "The government will stay out of the dispute for now, transport minister {minister} said."],
    ["Exporters warned that perishable goods were spoiling on the quays.",
     "Fruit and other perishable goods were left rotting on the docks, exporters said."],
    ["The port handled {teu} containers last year.",
     "Last year {teu} containers passed through the port."],
    ["Shipping lines have begun diverting vessels to {other_city}.",
     "Some carriers are already rerouting ships to the port of {other_city}."],
    ["The strike is set to last until {end_day} unless an agreement is reached.",
     "Unless a deal is struck, the walkout will continue until {end_day}, the union said."],
    ["Inflation in {country} reached {inflation} last month, eroding wages.",
     "Consumer prices in {country} rose {inflation} last month, official figures show."],
    ["Truck drivers said they had been turned away at the terminal gates.",
     "Lorries were sent back from the terminal gates, drivers said."],
    ["Police reported no incidents at the picket lines.",
     "!Police reported clashes at the picket lines.",
     "The picket lines were calm, according to police."],
    ["{company} employs about {staff} people at the port.",
     "The operator has a workforce of around {staff} in {city}."],
    ["The union said it would hold a vote on any new offer.",
     "Any new proposal would be put to a vote of the members, the union said."],
    ["Retailers fear shortages ahead of the holiday season.",
     "Shops are worried about empty shelves in the run-up to the holidays."],
    ["A similar dispute in {other_city} ended last year with a raise of {other_raise}.",
     "Last year, dockworkers in {other_city} settled for a pay rise of {other_raise}."],
    ["The port's chief executive, {ceo}, said contingency plans were in place.",
     "{ceo}, who runs the port authority, said the port had contingency plans."],
    ["About {share} of {country}'s container imports pass through {city}.",
     "{city} handles roughly {share} of the country's container imports."],
    ["Mediators are expected to meet both sides on {weekday2}.",
     "A mediator will sit down with the union and the operator on {weekday2}."],
]

FLOOD = [
    ["Heavy rain caused the {river} to burst its banks on {weekday}, {date}, flooding parts of {city}.",
     "The {river} overflowed on {date} after days of heavy rain, submerging districts of {city}."],
    ["At least {dead} people were killed and {missing} are missing, officials said.",
     "Officials said {dead} people had died and {missing} were still missing."],
    ["About {evacuated} residents were evacuated from low-lying neighbourhoods.",
     "Authorities moved some {evacuated} people out of the lowest districts."],
    ["The river peaked at {level} metres on {weekday2}, a record for the city.",
     "Water levels reached a record {level} metres on {weekday2}."],
    ["{mayor}, the mayor of {city}, declared a state of emergency.",
     "!{mayor}, the mayor of {city}, said there was no need for a state of emergency.",
     "A state of emergency was declared by mayor {mayor}."],
    ["The army sent {soldiers} soldiers to help with rescue work.",
     "Some {soldiers} troops were deployed to assist rescuers."],
    ["More than {homes} homes were left without electricity.",
     "Power was cut to over {homes} households, the utility said."],
    ["{minister}, the interior minister, visited the flooded areas on {weekday2}.",
     "Interior minister {minister} toured the disaster zone on {weekday2}."],
    ["The government has promised {aid} in emergency aid.",
     "An emergency aid package of {aid} was announced by the government."],
    ["Forecasters expect more rain over the next {days} days.",
     "More rain is forecast for the coming {days} days, the weather service said."],
    ["The last comparable flood hit the region in {since}.",
     "The region had not seen such flooding since {since}."],
    ["Schools in {city} will stay closed until {end_day}.",
     "All schools in the city are to remain shut until {end_day}."],
    ["Rail services between {city} and {other_city} were suspended.",
     "Trains between {city} and {other_city} stopped running."],
    ["Insurers estimate the damage at {loss}.",
     "Early estimates from insurers put the damage at around {loss}."],
    ["Residents criticised the authorities for issuing warnings too late.",
     "!Residents praised the authorities for issuing warnings early.",
     "Many residents said the warnings had come too late."],
    ["Volunteers filled sandbags through the night to protect the old town.",
     "The old town was shielded by sandbags that volunteers filled overnight."],
    ["{rain} millimetres of rain fell in {hours} hours, the weather service said.",
     "The weather service measured {rain} millimetres of rainfall within {hours} hours."],
    ["Drinking water was being handed out at {centres} distribution centres.",
     "Authorities set up {centres} centres to distribute drinking water."],
    ["The main bridge over the {river} was closed as a precaution.",
     "Authorities shut the city's main bridge across the {river} as a precaution."],
    ["{company} said its factory in {city} would remain closed for at least a week.",
     "Production at the {company} plant in {city} has been halted for at least a week."],
    ["Scientists say such floods have become more frequent as the climate warms.",
     "Climate change is making floods like this more common, scientists say."],
    ["The hospital in {city} was evacuated after its basement flooded.",
     "Patients were moved out of the {city} hospital when water filled its basement."],
    ["Farmers reported that {fields} hectares of crops were under water.",
     "Some {fields} hectares of farmland were flooded, farmers' groups said."],
    ["Rescuers used boats to reach people trapped on rooftops.",
     "People stranded on roofs were rescued by boat."],
    ["{ngo} said it had sent teams to the region.",
     "Relief teams from {ngo} arrived in the region."],
]

KITS = {"meeting": MEETING, "strike": STRIKE, "flood": FLOOD}

# Sentences a source tells on its own: background, quotes and analysis, from
# parts combined at random so that two sources rarely say the same.
_OWN_SUBJECTS = ["Analysts at {firm}", "{person}, an economist at {firm},", "Critics", "Local business groups",
                 "A spokesperson for {org}", "Residents interviewed by {outlet}", "Opposition politicians",
                 "{person}, a professor at the University of {place},", "Industry observers",
                 "Officials speaking on condition of anonymity", "A report by {firm}", "Market traders"]
_OWN_VERBS = ["said", "warned", "noted", "argued", "suggested", "told {outlet}", "wrote in a note",
              "cautioned", "pointed out"]
_OWN_CLAIMS = [
    "the episode could weigh on investment for {n} months", "costs had risen sharply since {year}",
    "similar disputes had dragged on for weeks in the past", "the outcome would set a precedent for the region",
    "the timing was no coincidence", "the long-term effects were still hard to measure",
    "confidence among small firms had fallen to its lowest level in {n} years",
    "the government had been slow to react", "insurers were likely to raise premiums next year",
    "demand had been weakening well before the latest events", "the figures were likely to be revised",
    "the decision reflected growing pressure from voters", "supply chains remained fragile after the pandemic",
    "prices of {goods} could rise by as much as {pct} percent", "a compromise was still possible",
    "the impact on jobs would be limited", "{n} smaller companies were at risk of closing",
    "the region had been underinvesting in infrastructure for decades",
]
_OWN_TAILS = ["", " this week", " in recent days", " on social media", " at a press briefing",
              ", citing internal figures", ", without giving details", " in an interview"]
_GOODS = ["coffee", "steel", "fuel", "grain", "electronics", "furniture", "medicine", "clothing", "fertiliser"]
_FIRMS = ["Capital Economics", "Oxford Analytica", "Nomura", "ING", "Rabobank", "Fitch", "Moody's", "Eurasia Group"]
_ORGS = ["the chamber of commerce", "the consumer association", "the employers' federation", "the port authority",
         "the national statistics office", "the regional council"]
_NGOS = ["The Red Cross", "Doctors Without Borders", "Caritas", "Save the Children", "Oxfam"]

_SWAPS = [  # automatic paraphrase: (pattern, choices); applied per occurrence at random
    (r"\bsaid\b", ["said", "stated", "told reporters"]), (r"\bcompany\b", ["company", "firm"]),
    (r"\bthe meeting\b", ["the meeting", "the talks"]), (r"\babout(?= [\d$U])", ["about", "around", "roughly"]),
    (r"\bofficials\b", ["officials", "authorities"]), (r"\bhalting\b", ["halting", "stopping"]),
    (r"\bworkers\b", ["workers", "staff"]), (r"\bpeople\b", ["people", "residents"]),
    (r"\bexpected\b", ["expected", "likely"]), (r"\bpromised\b", ["promised", "pledged"]),
    (r"\bwarned\b", ["warned", "cautioned"]), (r"\blargest\b", ["largest", "biggest"]),
]
_OPENERS = ["", "", "", "", "Meanwhile, ", "Separately, ", "Officials said that ", "According to reports, ",
            "On top of that, ", "Notably, "]


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Value:
    """A slot's value: its phrasings (same meaning), and how to get it wrong."""

    forms: tuple[str, ...]
    kind: str  # number, percent, money, date, person, place, text
    number: float = 0.0
    day: date | None = None


def _number_text(x: float, decimals: int) -> str:
    return f"{x:,.{decimals}f}"


def _count(rng: random.Random, low: int, high: int) -> Value:
    n = rng.randint(low, high)
    if n >= 1000:
        n = round(n, -2)
    return Value((_number_text(n, 0),), "number", n)


def _percent(rng: random.Random, low: float, high: float, decimals: int = 0) -> Value:
    x = round(rng.uniform(low, high), decimals)
    text = _number_text(x, decimals)
    return Value((f"{text}%", f"{text} percent", f"{text} per cent"), "percent", x)


def _money(rng: random.Random, low: float, high: float, unit: str) -> Value:
    x = round(rng.uniform(low, high), 1)
    return Value((f"${x:g} {unit}", f"US${x:g} {unit}", f"{x:g} {unit} dollars"), "money", x)


def _date_value(day: date) -> Value:
    forms = (f"{SHORT_MONTHS[day.month - 1]} {day.day}", f"{MONTHS[day.month - 1]} {day.day}",
             f"{day.day} {MONTHS[day.month - 1]}")
    return Value(forms, "date", day=day)


def _text(*forms: str, kind: str = "text") -> Value:
    return Value(tuple(forms), kind)


def _wrong(value: Value, rng: random.Random, pool: Sequence[str]) -> Value:
    """The value as a careless source reports it."""
    if value.kind in ("number", "percent", "money"):
        factor = rng.choice([0.5, 0.7, 0.8, 1.25, 1.5, 2.0])
        x = value.number * factor
        if value.kind == "number":
            x = max(1, round(x, -2 if x >= 1000 else 0))
            return Value((_number_text(x, 0),), "number", x)
        if value.kind == "percent":
            x = round(x, 1 if x < 10 else 0)
            return Value((f"{x:g}%", f"{x:g} percent"), "percent", x)
        unit = value.forms[0].split()[-1]
        x = round(x, 1)
        return Value((f"${x:g} {unit}", f"US${x:g} {unit}"), "money", x)
    if value.kind == "date" and value.day is not None:
        return _date_value(value.day + timedelta(days=rng.choice([-3, -2, -1, 1, 2, 3])))
    if value.kind in ("person", "place"):
        others = [p for p in pool if p not in value.forms]
        return _text(rng.choice(others), kind=value.kind)
    return value


def _slots(kit: str, rng: random.Random) -> dict[str, Value]:
    """The facts of one story: who, where, when, how many."""
    people = rng.sample(PEOPLE, 8)
    country, adj, capital = rng.choice(COUNTRIES)
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
    later = day + timedelta(days=rng.randint(1, 3))
    end = day + timedelta(days=rng.randint(5, 12))
    person = lambda i: _text(people[i], kind="person")  # noqa: E731
    common = {
        "country": _text(country, kind="place"), "adj": _text(adj), "capital": _text(capital),
        "date": _date_value(day), "weekday": _text(WEEKDAYS[day.weekday()]),
        "weekday2": _text(WEEKDAYS[later.weekday()]), "since": _text(str(rng.randint(1985, 2015))),
        "company": _text(rng.choice(COMPANIES)), "ceo": person(1), "mayor": person(2), "minister": person(3),
        "staff": _count(rng, 800, 40000), "share": _percent(rng, 5, 40), "loss": _money(rng, 5, 900, "million"),
        "end_day": _date_value(end), "hours": _count(rng, 2, 30), "month": _text(MONTHS[(day.month - 5) % 12]),
    }
    cities = rng.sample(CITIES, 2)
    if kit == "meeting":
        leaders = rng.sample(PEOPLE, 2)
        common.update({
            "official": person(0), "ministry": _text(rng.choice(["commerce", "trade", "industry", "economy"])),
            "home": _text(rng.choice(["United States", "European Union", "United Kingdom"])),
            "regulator": _text(rng.choice(["cyberspace regulator", "market regulator", "security agency"])),
            "product": _text(rng.choice(["memory chip", "battery", "solar panel", "aircraft part", "drug"])),
            "gap": _count(rng, 1, 9), "invest": _money(rng, 0.2, 9.5, "billion"), "plant": _text(cities[0]),
            "leader1": _text(leaders[0], kind="person"), "leader2": _text(leaders[1], kind="person"),
            "summit": _text(cities[1], kind="place"), "rise": _percent(rng, 1, 9),
            "banned": _percent(rng, 2, 25), "exports": _percent(rng, 1, 15, 1),
            "revenue": _money(rng, 2, 60, "billion"),
        })
    elif kit == "strike":
        common.update({
            "city": _text(cities[0], kind="place"), "other_city": _text(cities[1], kind="place"),
            "union": _text(rng.choice(["Dockworkers' Union", "Port Workers' Federation", "Transport Union"])),
            "workers": _count(rng, 900, 12000), "raise": _percent(rng, 8, 25), "offer": _percent(rng, 2, 7),
            "ships": _count(rng, 12, 90), "rounds": _count(rng, 3, 14), "leader": person(4),
            "talks_day": _text(WEEKDAYS[(day.weekday() - 2) % 7]), "teu": _count(rng, 900000, 9000000),
            "inflation": _percent(rng, 2, 11, 1), "other_raise": _percent(rng, 4, 12),
        })
    else:
        common.update({
            "city": _text(cities[0], kind="place"), "other_city": _text(cities[1], kind="place"),
            "river": _text(rng.choice(RIVERS)), "dead": _count(rng, 3, 60), "missing": _count(rng, 2, 40),
            "evacuated": _count(rng, 1500, 60000), "level": _count(rng, 5, 12), "soldiers": _count(rng, 200, 3000),
            "homes": _count(rng, 2000, 90000), "aid": _money(rng, 10, 500, "million"), "days": _count(rng, 2, 6),
            "rain": _count(rng, 90, 400), "centres": _count(rng, 4, 40), "fields": _count(rng, 1000, 50000),
            "ngo": _text(rng.choice(_NGOS)),
        })
    return common


# --------------------------------------------------------------------------- sources


def _own_sentence(rng: random.Random) -> str:
    fill = {"firm": rng.choice(_FIRMS), "person": rng.choice(PEOPLE), "org": rng.choice(_ORGS),
            "outlet": rng.choice(OUTLETS), "place": rng.choice(CITIES), "n": rng.randint(2, 30),
            "year": rng.randint(1995, 2022), "goods": rng.choice(_GOODS), "pct": rng.randint(3, 40)}
    subject = rng.choice(_OWN_SUBJECTS).format(**fill)
    verb = rng.choice(_OWN_VERBS).format(**fill)
    claim = rng.choice(_OWN_CLAIMS).format(**fill)
    return f"{subject} {verb} that {claim}{rng.choice(_OWN_TAILS)}."


def _paraphrase(text: str, form: str, rng: random.Random) -> str:
    for pattern, choices in _SWAPS:
        text = re.sub(pattern, lambda m: rng.choice(choices), text)
    opener = rng.choice(_OPENERS)
    if opener and not form.startswith(("{", '"')):  # never lower-case a name
        text = opener + text[0].lower() + text[1:]
    return text


def _render(form: str, slots: dict[str, Value], wrong: dict[str, Value], rng: random.Random) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return rng.choice((wrong.get(name) or slots[name]).forms)

    text = re.sub(r"\{(\w+)\}", value, form)
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Told:
    """What a sentence of a generated article tells: a fact of the story (its index
    in the kit) and what it gets wrong, as (slot, the wrong value's first form)
    pairs, ("!", "contrary") when it states the contrary. Two sentences of one fact
    disagree exactly when these differ."""

    fact: int
    wrong: frozenset[tuple[str, str]] = frozenset()


def _told(index: int, form: str, slots: dict[str, Value], wrong: dict[str, Value], contrary: bool) -> Told:
    used = set(re.findall(r"\{(\w+)\}", form))
    return Told(index, frozenset({(name, wrong[name].forms[0]) for name in used & wrong.keys()
                                  if wrong[name] != slots[name]}  # a slip can leave a text as it was
                                 | ({("!", "contrary")} if contrary else set())))


def source_text(kit: Sequence[Sequence[str]], slots: dict[str, Value], sentences: int,
                rng: random.Random) -> tuple[str, dict[str, Told]]:
    """One source's article: a headline, then ``sentences - 1`` sentences in
    paragraphs, about a third of them its own. With it, what each sentence that is
    not its own tells (the headline tells fact 0): what an agreement should gather
    and a contradiction should find."""
    names = [v.forms[0] for v in slots.values() if v.kind == "person"] + PEOPLE
    places = [v.forms[0] for v in slots.values() if v.kind == "place"] + CITIES
    mistaken: dict[str, Value] = {}
    if rng.random() < 0.3:  # a careless source gets one fact wrong throughout
        name = rng.choice([k for k, v in slots.items() if v.kind != "text"])
        value = slots[name]
        mistaken[name] = _wrong(value, rng, names if value.kind == "person" else places)
    told = min(len(kit), round((sentences - 1) * rng.uniform(0.55, 0.75)))
    facts = [0] + sorted(rng.sample(range(1, len(kit)), told - 1), key=lambda _: rng.random())
    lines: list[str] = []
    told_by: dict[str, Told] = {}
    for index in facts:
        forms = [f for f in kit[index] if not f.startswith("!")]
        contrary = [f[1:] for f in kit[index] if f.startswith("!")]
        form = rng.choice(contrary) if contrary and rng.random() < 0.04 else rng.choice(forms)
        wrong = dict(mistaken)
        if rng.random() < 0.03:  # a slip in one sentence
            name = rng.choice(re.findall(r"\{(\w+)\}", form) or [""])
            if name:
                value = slots[name]
                wrong[name] = _wrong(value, rng, names if value.kind == "person" else places)
        lines.append(_paraphrase(_render(form, slots, wrong, rng), form, rng))
        told_by[lines[-1]] = _told(index, form, slots, wrong, form not in forms)
    while len(lines) < sentences - 1:
        lines.insert(rng.randint(1, len(lines)), _own_sentence(rng))
    headline = _render(kit[0][0], slots, mistaken, rng).split(",")[0].rstrip(".")
    told_by[headline] = _told(0, kit[0][0].split(",")[0], slots, mistaken, False)
    body, k = [], 0
    while k < len(lines):
        size = rng.randint(1, 4)
        body.append(" ".join(lines[k : k + size]))
        k += size
    return headline + "\n\n" + "\n\n".join(body) + "\n", told_by


def told_story(seed: int | str, sources: int, sentences: int = 40,
               kit: str | None = None) -> list[tuple[str, dict[str, Told]]]:
    """``sources`` articles about one generated event, each with the fact each of
    its sentences tells (see ``source_text``)."""
    rng = random.Random(f"story:{seed}")
    name = kit or rng.choice(sorted(KITS))
    slots = _slots(name, rng)
    return [source_text(KITS[name], slots, sentences, random.Random(f"source:{seed}:{s}"))
            for s in range(sources)]


def story(seed: int | str, sources: int, sentences: int = 40, kit: str | None = None) -> list[str]:
    """The texts of ``sources`` articles about one generated event."""
    return [text for text, _ in told_story(seed, sources, sentences, kit)]


def write_story(folder: Path, texts: Sequence[str], seed: int | str = 0) -> list[Path]:
    """The articles as files of one story folder, named by outlet."""
    folder.mkdir(parents=True, exist_ok=True)
    outlets = random.Random(f"outlets:{seed}")
    paths = []
    for i, text in enumerate(texts):
        slug = re.sub(r"\W+", "-", outlets.choice(OUTLETS).lower()).strip("-")
        path = folder / f"{i:03d}-{slug}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_stories(out: Path, stories: int, sources: int, sentences: int, seed: int = 0) -> list[Path]:
    """Folders ``story-0000``... under ``out``, one per story (``reconcile batch`` input)."""
    folders = []
    for k in range(stories):
        folder = out / f"story-{k:04d}"
        write_story(folder, story(f"{seed}:{k}", sources, sentences), f"{seed}:{k}")
        folders.append(folder)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the stories into")
    parser.add_argument("--stories", type=int, default=1)
    parser.add_argument("--sources", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=40, help="sentences per source")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    folders = write_stories(args.out, args.stories, args.sources, args.sentences, args.seed)
    print(f"wrote {len(folders)} stories of {args.sources} sources under {args.out}")


if __name__ == "__main__":
    main()
