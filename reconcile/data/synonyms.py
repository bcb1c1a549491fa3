"""News paraphrases mapped to one token, so that two wordings of a claim meet.

General news vocabulary only: reporting verbs, the verbs of trade, policy and
markets, superlatives, country names with their demonyms, capitals used for
governments ("Beijing said") and common abbreviations. Each group maps every
listed form to its canonical token; forms are lower case and are looked up
before stemming, so list the inflections that matter. Multi-word phrases are
matched on whole words before stop words are removed.
"""

from __future__ import annotations

from reconcile.data.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from reconcile.data.speech import REPORTING_NOUNS, REPORTING_VERBS

GROUPS: dict[str, tuple[str, ...]] = {
    # Reporting: who said it matters, the verb does not.
    "say": tuple(sorted(REPORTING_VERBS | REPORTING_NOUNS)),
    "view": (
        "see", "seen", "sees", "saw", "view", "viewed", "views", "perceive", "perceived",
        "regard", "regarded", "consider", "considered", "deem", "deemed",
    ),
    "warn": ("warn", "warned", "warns", "warning", "caution", "cautioned"),
    "urge": (
        "urge", "urged", "urges", "urging", "press", "pressed", "pressing", "pressure",
        "pressured", "pressuring", "push", "pushed", "pushing", "call", "called", "calls",
    ),
    "ban": (
        "ban", "bans", "banned", "banning", "prohibit", "prohibits", "prohibited",
        "prohibiting", "prohibition", "bar", "bars", "barred", "barring", "forbid", "forbids",
        "forbidden", "forbade", "outlaw", "outlawed", "blacklist", "blacklisted",
    ),
    "stop": ("stop", "stops", "stopped", "stopping", "halt", "halts", "halted", "cease", "ceased"),
    "buy": (
        "buy", "buys", "bought", "buying", "buyer", "buyers", "purchase", "purchases",
        "purchased", "purchasing", "acquire", "acquires", "acquired", "acquiring",
        "acquisition", "acquisitions",
    ),
    "sell": ("sell", "sells", "sold", "selling", "sale", "sales", "seller", "sellers"),
    "restrict": (
        "restrict", "restricts", "restricted", "restricting", "restriction", "restrictions",
        "limit", "limits", "limited", "limiting", "limitation", "limitations", "curb", "curbs",
        "curbed", "curbing", "constrain", "constrained", "constraint", "constraints",
        "cap", "caps", "capped", "capping", "control", "controls", "controlled",
    ),
    "expand": (
        "expand", "expands", "expanded", "expanding", "expansion", "broaden", "broadens",
        "broadened", "broadening", "deepen", "deepens", "deepened", "deepening", "widen",
        "widens", "widened", "widening", "extend", "extends", "extended", "extending",
        "extension", "enlarge", "enlarged",
    ),
    "improve": (
        "improve", "improves", "improved", "improving", "improvement", "enhance", "enhances",
        "enhanced", "enhancing", "enhancement", "optimize", "optimise", "optimizes",
        "optimises", "optimized", "optimised", "optimizing", "optimising", "strengthen",
        "strengthens", "strengthened", "strengthening", "bolster", "bolstered", "bolstering",
    ),
    "rise": (
        "rise", "rises", "rose", "risen", "rising", "climb", "climbs", "climbed", "climbing",
        "gain", "gains", "gained", "gaining", "jump", "jumps", "jumped", "jumping", "increase",
        "increases", "increased", "increasing", "advance", "advances", "advanced", "surge",
        "surges", "surged", "surging", "soar", "soars", "soared", "soaring", "rally",
        "rallied", "rallies", "grow", "grows", "grew", "grown",
    ),
    "fall": (
        "fall", "falls", "fell", "fallen", "falling", "drop", "drops", "dropped", "dropping",
        "decline", "declines", "declined", "declining", "slip", "slips", "slipped", "slide",
        "slides", "slid", "decrease", "decreases", "decreased", "plunge", "plunged", "plunges",
        "tumble", "tumbled", "sink", "sank", "sunk", "slump", "slumped", "lose", "loses",
        "lost", "loss", "losses", "shed",
    ),
    "reduce": ("reduce", "reduces", "reduced", "reducing", "reduction", "cut", "cuts", "cutting", "lower", "lowered", "lowering", "trim", "trimmed", "slash", "slashed"),
    "largest": (
        "largest", "biggest", "top", "leading", "greatest", "foremost",
    ),
    "key": ("key", "crucial", "critical", "vital", "essential", "important", "pivotal"),
    "meet": (
        "meet", "meets", "met", "meeting", "meetings", "talks", "summit", "summits",
    ),
    "presence": ("presence", "footprint", "foothold"),
    "company": (
        "company", "companies", "firm", "firms", "enterprise", "enterprises", "business",
        "businesses", "corporation", "corporations", "corp", "inc", "co", "ltd", "plc",
    ),
    "maker": (
        "maker", "makers", "manufacturer", "manufacturers", "producer", "producers",
    ),
    "chip": ("chip", "chips", "semiconductor", "semiconductors", "microchip", "microchips"),
    "country": ("country", "countries", "nation", "nations", "nationwide"),
    "official": ("official", "officials", "authorities", "authority"),
    "relation": ("relation", "relations", "relationship", "relationships", "ties"),
    "help": ("help", "helps", "helped", "helping", "support", "supports", "supported", "supporting", "aid", "assist", "assisted"),
    "begin": ("begin", "begins", "began", "begun", "beginning", "start", "starts", "started", "starting", "launch", "launched", "launches"),
    "end": ("end", "ends", "ended", "ending", "finish", "finished", "conclude", "concluded"),
    "try": ("try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "seek", "seeks", "sought", "seeking"),
    "plan": ("plan", "plans", "planned", "planning", "intend", "intends", "intended", "aim", "aims", "aimed"),
    "arrest": ("arrest", "arrested", "arrests", "detain", "detained", "detention", "custody"),
    "kill": ("kill", "kills", "killed", "killing", "die", "died", "dies", "dead", "death", "deaths"),
    "accuse": ("accuse", "accused", "accuses", "charge", "charged", "charges", "allege", "alleged", "allegation", "allegations"),
    "law": ("law", "laws", "legislation", "rule", "rules", "regulation", "regulations", "bill"),
    "profit": ("profit", "profits", "earnings", "income"),
    "revenue": ("revenue", "revenues", "turnover"),
    "shares": ("share", "shares", "stock", "stocks"),
    "quarter": ("quarter", "quarterly", "quarters"),
    "percent": ("percent", "pct", "%", "percentage"),
    "usa": (
        "usa", "united states", "united states of america", "america", "american",
        "americans", "washington", "white house",
    ),
    "china": ("china", "chinese", "beijing", "prc", "people's republic of china"),
    "russia": ("russia", "russian", "russians", "moscow", "kremlin"),
    "uk": ("uk", "britain", "british", "great britain", "united kingdom", "london"),
    "japan": ("japan", "japanese", "tokyo"),
    "india": ("india", "indian", "new delhi"),
    "germany": ("germany", "german", "berlin"),
    "france": ("france", "french", "paris"),
    "eu": ("eu", "european union", "brussels"),
    "un": ("un", "united nations"),
    "g7": ("g7", "g-7", "group of seven", "group of 7"),
    "g20": ("g20", "g-20", "group of twenty", "group of 20"),
    "taiwan": ("taiwan", "taiwanese", "taipei"),
    "korea": ("south korea", "korea", "korean", "seoul"),
    "ukraine": ("ukraine", "ukrainian", "kyiv", "kiev"),
    "iran": ("iran", "iranian", "tehran"),
    "israel": ("israel", "israeli", "jerusalem"),
    # Number words become digits, abbreviated months their full name.
    **{str(i): (w,) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split())},
    "thousand": ("thousand", "thousands"), "million": ("million", "millions", "mln", "mn"),
    "billion": ("billion", "billions", "bln", "bn"), "trillion": ("trillion", "trillions"),
    **{month: (month, *(a for a, n in MONTH_ABBREVIATIONS.items() if n == number))
       for month, number in MONTHS.items() if month != "may"},
    **{day: (day, day[:3]) for day in WEEKDAYS},
}
"""canonical token -> the forms that stand for it."""

CASED: dict[str, str] = {
    "US": "usa", "U.S.": "usa", "U.S": "usa", "USA": "usa", "U.S.A.": "usa",
    "UK": "uk", "U.K.": "uk", "EU": "eu", "E.U.": "eu", "UN": "un", "U.N.": "un",
}
"""Abbreviations that only mean a country in capitals ("US" but not "us")."""

COMPOUNDS: dict[str, str] = {
    "chipmaker": "chip maker", "chipmakers": "chip maker", "chipmaking": "chip maker",
    "automaker": "car maker", "automakers": "car maker", "carmaker": "car maker",
    "carmakers": "car maker", "drugmaker": "drug maker", "drugmakers": "drug maker",
    "lawmaker": "legislator", "lawmakers": "legislator", "policymakers": "policy maker",
    "policymaker": "policy maker", "de-risk": "reduce risk", "derisk": "reduce risk",
}
"""Closed compounds split into the words their open spelling would give."""
