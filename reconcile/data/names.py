"""Word lists for proper names: person titles, organisation markers, a small
gazetteer, aliases, capital-for-country metonymy and demonyms.

Everything is lower case, with dots removed ("U.S." -> "us") and the curly
apostrophe folded to "'", which is how `reconcile.facts.entities.canonical`
writes keys. Multi-word entries are separated by single spaces.
"""

from __future__ import annotations

from reconcile.data.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


def _lines(block: str) -> tuple[str, ...]:
    """One entry per line or per comma, so multi-word names stay whole."""
    return tuple(e.strip() for line in block.splitlines() for e in line.split(",") if e.strip())


PERSON_TITLES: frozenset[str] = _words(
    """
    mr mrs ms miss mx dr prof sir dame lord attorney gov gen supt insp
    minister premier president chancellor secretary secretary-general undersecretary
    spokesperson spokesman spokeswoman ceo cfo coo cto chairman chairwoman chair chairperson
    chief director executive officer founder co-founder governor senator sen rep representative
    congressman congresswoman lawmaker mayor ambassador envoy commissioner
    king queen prince princess pope emperor sheikh
    admiral colonel col captain capt lieutenant lt sergeant sgt
    judge counterpart leader head boss analyst economist strategist professor
    publisher editor correspondent lawyer manager coach actor actress singer writer author
    trooper sheriff detective inspector cardinal bishop archbishop rabbi imam
    co-chairman co-chair co-chief
    vice-president vice-premier
    """
)
"""Words that put a person's name right after them: "Minister Wang", "president Beijing"
(a place wins over the title), "counterpart Xi Jinping"."""

TITLE_QUALIFIERS: frozenset[str] = _words(
    """
    prime vice deputy acting former police crown interim senior assistant associate
    attorney managing executive general state foreign home interior commerce trade
    finance treasury defense defence economy economic health justice education energy
    labor labour agriculture environment industry information security transport
    press first lead financial operating marketing medical legal technical
    """
)
"""Words that belong to a title ("Commerce Minister", "Attorney General"), not to the name."""

ORG_WORDS: frozenset[str] = _words(
    """
    inc corp corporation co ltd limited llc plc ag sa gmbh nv holdings group
    technology technologies electronics systems semiconductor semiconductors
    ministry department administration agency commission council bank university
    party institute academy association federation organization organisation union
    bureau office authority board committee court parliament congress senate
    foundation fund company companies exchange reserve
    center centre hospital clinic school college church museum
    """
)
"""A token of these in a capitalised sequence makes it an organisation
("Micron Technology Inc.", "Ministry of Commerce", "Cyberspace Administration")."""

ORG_GENERIC: frozenset[str] = _words(
    """
    inc corp corporation co company ltd limited llc llp lp plc ag sa gmbh nv holdings group
    technology technologies electronics international
    """
)
"""Trailing words a company name can drop and stay itself: "Micron Technology Inc." = "Micron"."""

OF_HEADS: frozenset[str] = _words(
    """
    ministry department administration agency commission council bank university
    institute academy association federation organization organisation union bureau
    office board committee court group republic kingdom states emirates state
    gulf bay sea strait isle islands cape city port province house chamber
    """
)
"""A capitalised word that takes "of" + name into the same name ("Bank of China",
"Group of Seven"), unlike "Micron Technology of China's commitment"."""

NAME_CONNECTORS: frozenset[str] = _words("de van von der den bin ibn da di del la le du dos das &")
"""Lower-case words allowed between two capitalised words of one name ("Charles de Gaulle")."""

ATTRIBUTIVE_NOUNS: frozenset[str] = _words(
    """
    meeting meetings summit talks relations ties deal war trade tensions rivalry agreement
    call dialogue alliance pact partnership conflict dispute border match
    """
)
"""After these, "Biden-Xi" is two names ("the Biden-Xi meeting"), not a double-barrelled one."""

HYPHEN_SUFFIXES: frozenset[str] = _words(
    """
    based led backed owned made born run funded linked related style era bound listed
    controlled headquartered affiliated friendly focused registered
    """
)
"""Lower-case tails that leave only the name: "Idaho-based" -> "Idaho"."""

NOT_NAMES: frozenset[str] = _words(
    """
    the a an this that these those in on at for from to by with of as after before during
    since until while when where why how what which who whom whose if but and or so yet
    however although though because meanwhile moreover furthermore additionally also still
    then thus there here it its he she they we i you his her their our my your some many
    most all both each every any no not one two three four five six seven eight nine ten
    according despite amid among under over about against between like unlike once now
    today yesterday tomorrow last next earlier later recently even only just instead indeed
    such other another more less few several nor neither either let please do does did is
    are was were be has have had will would can could should may might must
    without within through across toward towards upon via whether unless except beyond
    behind below above near around throughout inside outside along regarding including
    following given asked speaking already almost nearly perhaps maybe often sometimes soon
    again together never always rather quite very too much well otherwise therefore hence
    besides its them him me thank come yes oh
    northern southern eastern western central
    eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
    thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
    advertisement internet web online update breaking exclusive read more related photo
    shares officials analysts investors experts sources leaders authorities critics
    observers prices stocks markets companies firms residents people workers researchers
    scientists consumers users customers regulators lawmakers diplomats
    consequently finally similarly currently previously overall nevertheless nonetheless
    gdp ai it tv pm am ok vs eg ie etc
    """
)
NOT_NAMES |= frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS) | frozenset(WEEKDAYS)
"""Capitalised words that are not names: sentence openers, months, weekdays, common
plurals that start news sentences, generic acronyms."""

PREPOSITIONS: frozenset[str] = _words("of from in for with on at about to over under among")
"""An unknown capitalised word opening a sentence right before one of these is taken for
a common noun ("Money from Iraqi oil sales", "Accusations of improper activity")."""

GIVEN_NAMES: frozenset[str] = _words(
    """
    joe john james robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew kenneth kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory frank alexander patrick jack dennis jerry tim
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela janet emma olivia
    hillary kamala janet gina antony jake rishi boris emmanuel olaf angela vladimir
    volodymyr narendra sanjay rahul amit raj fumio shinzo yoon kim jens ursula
    """
)
"""First names that make a 2-3 word capitalised sequence a person ("Joe Biden")."""

CHINESE_SURNAMES: frozenset[str] = _words(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin gao luo zheng
    liang xie tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du cheng
    wei lu ding shen yao xi qin fu fang cui kang mao qiu qian shi
    """
)
"""Family names that come first: "Wang Wentao", "Li Qiang", "Xi Jinping" are people."""


KNOWN_ORGS: frozenset[str] = _words(
    """
    g7 g20 un nato wto imf eu asean apec opec who wef oecd cac sec fbi cia nsa ftc fcc
    doj dhs nasa bbc cnn ap afp reuters bloomberg xinhua nyse nasdaq fed ecb pboc ndrc
    mofcom cpc ccp
    """
)
"""Acronyms and names that are organisations without a telling suffix."""

ALIASES: dict[str, str] = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "prc": "china",
    "people's republic of china": "china",
    "mainland china": "china",
    "roc": "taiwan",
    "republic of korea": "south korea",
    "rok": "south korea",
    "dprk": "north korea",
    "uae": "united arab emirates",
    "dc": "washington dc",
    "russian federation": "russia",
    "group of seven": "g7",
    "group of 7": "g7",
    "group of twenty": "g20",
    "group of 20": "g20",
    "european union": "eu",
    "united nations": "un",
    "world trade organization": "wto",
    "international monetary fund": "imf",
    "asia-pacific economic cooperation": "apec",
    "association of southeast asian nations": "asean",
    "north atlantic treaty organization": "nato",
    "federal reserve": "fed",
    "european central bank": "ecb",
    "people's bank of china": "pboc",
    "cyberspace administration of china": "cac",
    "ministry of commerce": "mofcom",
    "chinese communist party": "cpc",
    "communist party of china": "cpc",
    "securities and exchange commission": "sec",
}
"""Variant -> canonical key: "U.S." = "US" = "United States" = "the United States"."""

COUNTRIES: tuple[str, ...] = _lines(
    """
    afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
    azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin,
    bhutan, bolivia, bosnia and herzegovina, botswana, brazil, brunei, bulgaria, burkina faso,
    burundi, cambodia, cameroon, canada, chad, chile, china, colombia, congo, costa rica,
    croatia, cuba, cyprus, czech republic, czechia, denmark, djibouti, dominican republic,
    ecuador, egypt, el salvador, eritrea, estonia, eswatini, ethiopia, fiji, finland, france,
    gabon, gambia, germany, ghana, greece, guatemala, guinea, guyana, haiti, honduras,
    hong kong, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy,
    ivory coast, jamaica, japan, jordan, kazakhstan, kenya, kosovo, kuwait, kyrgyzstan, laos,
    latvia, lebanon, liberia, libya, liechtenstein, lithuania, luxembourg, macau, madagascar,
    malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico, moldova, monaco,
    mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands,
    new zealand, nicaragua, niger, nigeria, north korea, north macedonia, norway, oman,
    pakistan, palestine, panama, papua new guinea, paraguay, peru, philippines, poland,
    portugal, qatar, romania, russia, rwanda, saudi arabia, senegal, serbia, sierra leone,
    singapore, slovakia, slovenia, somalia, south africa, south korea, south sudan, spain,
    sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania,
    thailand, togo, tunisia, turkey, turkmenistan, uganda, ukraine, united arab emirates,
    united kingdom, united states, uruguay, uzbekistan, venezuela, vietnam, yemen, zambia,
    zimbabwe, gaza, west bank, crimea, england, scotland, wales, northern ireland
    """
)

REGIONS: tuple[str, ...] = _lines(
    """
    asia, europe, africa, north america, south america, latin america, oceania, antarctica,
    middle east, asia-pacific, indo-pacific, southeast asia, east asia, central asia,
    south asia, eastern europe, western europe, global south, balkans, caribbean,
    scandinavia, arctic, pacific, atlantic, south china sea, taiwan strait, persian gulf,
    silicon valley, wall street
    """
)

US_STATES: tuple[str, ...] = _lines(
    """
    alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida,
    georgia, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine,
    maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana, nebraska,
    nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota,
    ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota,
    tennessee, texas, utah, vermont, virginia, washington, west virginia, wisconsin, wyoming,
    district of columbia, washington dc
    """
)

CITIES: dict[str, str] = {
    city: country
    for country, block in {
        "united states": "new york city, los angeles, chicago, houston, san francisco, boston, "
        "seattle, boise, miami, atlanta, dallas, denver, detroit, philadelphia, phoenix, "
        "san diego, san jose, las vegas, austin, pittsburgh, baltimore, new orleans",
        "china": "beijing, shanghai, shenzhen, guangzhou, chengdu, wuhan, xi'an, tianjin, "
        "chongqing, hangzhou, nanjing, suzhou, xiamen, dalian, qingdao, harbin, kunming",
        "united kingdom": "london, manchester, birmingham, edinburgh, glasgow, liverpool, "
        "cardiff, belfast, oxford, cambridge",
        "japan": "tokyo, osaka, kyoto, yokohama, nagoya, hiroshima, sapporo, fukuoka",
        "russia": "moscow, st petersburg, vladivostok",
        "ukraine": "kyiv, kiev, kharkiv, odesa, lviv, mariupol",
        "belgium": "brussels, antwerp",
        "france": "paris, marseille, lyon",
        "germany": "berlin, munich, frankfurt, hamburg, cologne",
        "italy": "rome, milan, naples",
        "spain": "madrid, barcelona",
        "netherlands": "amsterdam, hague, rotterdam",
        "switzerland": "geneva, zurich, bern, davos",
        "india": "new delhi, delhi, mumbai, bangalore, bengaluru, chennai, kolkata, hyderabad",
        "south korea": "seoul, busan",
        "north korea": "pyongyang",
        "taiwan": "taipei, hsinchu, kaohsiung",
        "canada": "ottawa, toronto, montreal, vancouver",
        "australia": "canberra, sydney, melbourne",
        "brazil": "brasilia, sao paulo, rio de janeiro",
        "mexico": "mexico city",
        "egypt": "cairo",
        "israel": "jerusalem, tel aviv",
        "iran": "tehran",
        "iraq": "baghdad",
        "syria": "damascus",
        "turkey": "ankara, istanbul",
        "saudi arabia": "riyadh",
        "united arab emirates": "abu dhabi, dubai",
        "qatar": "doha",
        "pakistan": "islamabad, karachi",
        "vietnam": "hanoi, ho chi minh city",
        "thailand": "bangkok",
        "indonesia": "jakarta",
        "philippines": "manila",
        "malaysia": "kuala lumpur",
        "poland": "warsaw",
        "austria": "vienna",
        "sweden": "stockholm",
        "norway": "oslo",
        "denmark": "copenhagen",
        "finland": "helsinki",
        "ireland": "dublin",
        "portugal": "lisbon",
        "greece": "athens",
        "hungary": "budapest",
        "czech republic": "prague",
        "kenya": "nairobi",
        "nigeria": "lagos, abuja",
        "south africa": "pretoria, johannesburg, cape town",
        "argentina": "buenos aires",
        "belarus": "minsk",
        "afghanistan": "kabul",
    }.items()
    for city in _lines(block)
}
"""City -> its country key. Capitals are here too; `METONYMY` says which stand for a government."""

SEATS_OF_POWER: dict[str, str] = {
    "white house": "united states",
    "capitol hill": "united states",
    "pentagon": "united states",
    "kremlin": "russia",
    "downing street": "united kingdom",
    "whitehall": "united kingdom",
    "zhongnanhai": "china",
    "elysee": "france",
}
"""Buildings that stand for their government in news prose."""

METONYMY: dict[str, str] = {
    "beijing": "china",
    "washington": "united states",
    "washington dc": "united states",
    "moscow": "russia",
    "london": "united kingdom",
    "tokyo": "japan",
    "brussels": "eu",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "paris": "france",
    "berlin": "germany",
    "seoul": "south korea",
    "pyongyang": "north korea",
    "taipei": "taiwan",
    "new delhi": "india",
    "delhi": "india",
    "ottawa": "canada",
    "canberra": "australia",
    "tehran": "iran",
    "jerusalem": "israel",
    "ankara": "turkey",
    "riyadh": "saudi arabia",
    "rome": "italy",
    "madrid": "spain",
    "warsaw": "poland",
    "minsk": "belarus",
    "hanoi": "vietnam",
    "manila": "philippines",
    "islamabad": "pakistan",
    "cairo": "egypt",
    **SEATS_OF_POWER,
}
"""A capital (or seat of power) used for its government: "Beijing said" = "China said"."""

DEMONYMS: dict[str, str] = {
    "chinese": "china", "sino": "china", "american": "united states", "british": "united kingdom",
    "english": "england", "scottish": "scotland", "welsh": "wales", "irish": "ireland",
    "japanese": "japan", "russian": "russia", "ukrainian": "ukraine", "korean": "south korea",
    "south korean": "south korea", "north korean": "north korea", "indian": "india",
    "german": "germany", "french": "france", "italian": "italy", "spanish": "spain",
    "canadian": "canada", "mexican": "mexico", "brazilian": "brazil", "australian": "australia",
    "european": "eu", "taiwanese": "taiwan", "israeli": "israel", "iranian": "iran",
    "iraqi": "iraq", "saudi": "saudi arabia", "turkish": "turkey", "dutch": "netherlands",
    "swiss": "switzerland", "swedish": "sweden", "polish": "poland", "vietnamese": "vietnam",
    "thai": "thailand", "indonesian": "indonesia", "malaysian": "malaysia",
    "singaporean": "singapore", "filipino": "philippines", "pakistani": "pakistan",
    "egyptian": "egypt", "syrian": "syria", "afghan": "afghanistan", "nigerian": "nigeria",
    "south african": "south africa", "argentine": "argentina", "argentinian": "argentina",
    "chilean": "chile", "colombian": "colombia", "venezuelan": "venezuela", "cuban": "cuba",
    "greek": "greece", "belgian": "belgium", "austrian": "austria", "norwegian": "norway",
    "danish": "denmark", "finnish": "finland", "hungarian": "hungary", "czech": "czech republic",
    "romanian": "romania", "qatari": "qatar", "emirati": "united arab emirates",
    "kenyan": "kenya", "ethiopian": "ethiopia", "palestinian": "palestine",
    "asian": "asia", "african": "africa",
}
"""Adjective -> place key. Not entities themselves ("Chinese market"), but the judge may
weigh "Chinese operators" against "American operators"."""


PLACE_PARENTS: dict[str, str] = {
    **{k: "" for k in (*COUNTRIES, *REGIONS)},
    **{k: "united states" for k in US_STATES},
    **CITIES,
    **SEATS_OF_POWER,
}
"""Place key -> the key of the place it lies in ("" for countries and regions)."""

SPELLINGS: dict[str, str] = {
    "advisors": "advisers", "advisor": "adviser", "centre": "center", "theatre": "theater",
    "defence": "defense", "labour": "labor", "organisation": "organization",
    "organisations": "organizations", "programme": "program", "harbour": "harbor",
}
"""Spellings of one word in names ("Gordon Advisors" = "Gordon Advisers"): each word of a
key is written the way on the right."""

SPELLING_ENDINGS: tuple[tuple[str, str], ...] = (
    ("isation", "ization"), ("isations", "izations"), ("ised", "ized"), ("ising", "izing"),
)
"""British and American endings of one word: "Internationally Recognised Transit
Corridor" = "... Recognized ..." (words of seven letters or more: "raised" stays)."""

NICKNAMES: dict[str, str] = {
    "bill": "william", "billy": "william", "will": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas",
    "tommy": "thomas", "joe": "joseph", "dick": "richard", "rick": "richard", "dave": "david",
    "dan": "daniel", "danny": "daniel", "chris": "christopher", "tony": "anthony",
    "steve": "steven", "ed": "edward", "ted": "edward", "sam": "samuel", "ben": "benjamin",
    "matt": "matthew", "nick": "nicholas", "pat": "patrick", "andy": "andrew", "greg": "gregory",
    "jeff": "jeffrey", "larry": "lawrence", "kate": "katherine", "katie": "katherine",
    "liz": "elizabeth", "beth": "elizabeth", "sue": "susan", "jenny": "jennifer",
    "alex": "alexander", "fred": "frederick", "charlie": "charles", "chuck": "charles",
}
"""Short forms of given names: "Bill Hakim" = "William Hakim". Only for comparing two
mentions of a person; the key keeps what was written."""

ROLE_STOPS: frozenset[str] = _words(
    """
    the a an its his her their our this that these those of in on at by for with to from
    into about over under after before and or but as than
    """
)
"""Words a descriptor before a name does not reach past: "the cybersecurity firm
Blackthorn Forensics" is described by "cybersecurity firm", "in Queens" by nothing."""

AGENT_ENDINGS: tuple[str, ...] = ("er", "or", "ist", "man", "woman", "person")
"""Endings of nouns for a person in a part: "investigator", "specialist", "spokeswoman"."""

ARTICLES: frozenset[str] = _words("a an the")
"""After ", " they open an apposition: "Quillmark Cyber, an incident-response company"."""

HONORIFICS: frozenset[str] = _words("mr mrs ms miss mx dr prof sir dame lord")
"""Courtesy titles: no part of a role ("led by Dr. Tobias Lindgren-Faye" is led by)."""

AUXILIARY_VERBS: frozenset[str] = _words(
    "has have had will would could should may might can did does do not never also"
)
"""Stepped over between a name and its verb: "Hiller has been charged"."""

BE_FORMS: frozenset[str] = _words("is are was were been being be")
"""Before a participle they make a name the verb's object: "X was fired"."""

PAST_FORMS: dict[str, str] = {
    "led": "lead", "built": "build", "held": "hold", "run": "run", "ran": "run", "won": "win",
    "lost": "lose", "beat": "beat", "beaten": "beat", "shot": "shoot", "struck": "strike",
    "hit": "hit", "made": "make", "chosen": "choose", "chose": "choose", "written": "write",
    "wrote": "write", "taken": "take", "took": "take", "given": "give", "gave": "give",
    "caught": "catch", "brought": "bring", "sent": "send", "sold": "sell", "bought": "buy",
    "left": "leave", "found": "find", "met": "meet", "went": "go", "came": "come", "saw": "see",
    "seen": "see", "got": "get", "paid": "pay", "put": "put", "set": "set", "kept": "keep",
    "began": "begin", "begun": "begin", "spoke": "speak", "spoken": "speak", "knew": "know",
    "known": "know", "fought": "fight", "sought": "seek", "stood": "stand", "sat": "sit",
    "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly", "threw": "throw",
    "broke": "break", "broken": "break", "spent": "spend", "felt": "feel", "told": "tell",
    "said": "say", "became": "become", "fell": "fall", "rose": "rise", "swore": "swear",
    "sworn": "swear", "stole": "steal", "stolen": "steal", "fled": "flee", "bore": "bear",
}
"""Irregular past forms, with their base: "led by X" and "X leads" are one role, and a
word of these after a name is its verb ("Wang Wentao met")."""
