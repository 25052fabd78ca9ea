"""Count words: what a figure counts, where pint would read a unit or nothing at all.

pint reads `bags` as 94 lb of cement, `degrees` as angles, `pcs` as parsecs, `MAU` as a
mega-absorbance unit, `hh` as a hectohour and `SOL` as a sol, and knows no `EVs`, `Rohingya`
or `working days`. A published figure counts these: companies, people, pharmacy's vials,
days of work, crypto tokens. Two counts are dimensions of their own, not plain counts:
international units (IU) and wafers by their size's area. units.py reads them with these.
"""

from __future__ import annotations

import re
from fractions import Fraction

# Plural nouns counted as they are, before pint can read one as a unit of its own.
COUNT_NOUNS = frozenset(
    {"companies", "firms", "enterprises", "patents", "people", "persons", "houses", "homes",
     "users", "jobs", "workers", "employees", "households", "units", "cases",
     "students", "applications", "startups", "vehicles", "cars", "deaths", "visitors",
     # counted, not weighed: pint's bag is 94 lb of cement, coffee's 60 kg, cocoa's 62.5 kg
     "bags",
     # counted, never pint's angles (a degree is pi/180, a turn 2 pi): degrees conferred,
     # grades, turns, cycles and revolutions of a count
     "degrees", "grades", "turns", "cycles", "revolutions", "graduates", "phds", "alumni",
     # s12b: people as Chinese, Japanese and Korean count them after a numeral (9,700万人,
     # 5,000名, 4,800만 명)
     "人", "名", "명"}
)
# Plurals without an s ("300 aircraft", aviation's "40.6m pax"); none is a unit pint knows.
SINGULAR_COUNT_NOUNS = frozenset({"people", "staff", "personnel", "livestock", "children",
                                  "women", "men", "police", "aircraft", "spacecraft", "sheep",
                                  "fish", "deer", "cattle", "offspring", "pax",
                                  # adjectives that count people ("7.4 million unemployed")
                                  "unemployed", "employed", "displaced", "injured", "dead",
                                  "wounded", "homeless", "insured", "uninsured", "vaccinated"})
# One of a counted thing as pharmacy writes it ("1 vial", "1 pack"); the plurals are read.
COUNTED_SINGULARS = frozenset({"vial", "pack", "tablet", "capsule", "pill", "injection", "pen",
                               "syringe", "prescription", "bottle", "vaccine", "shot",
                               "treatment"})
# One of a counted thing ("1 case", "1 death", "1 person"): the singulars of the nouns above
# and of those health and trial texts count; no other singular word, which may be a typo.
SINGULAR_NOUNS = frozenset(
    {noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
     for noun in COUNT_NOUNS if noun.endswith("s")}
    | {"person", "child", "woman", "man", "patient", "dose", "trial", "participant", "subject",
       "volunteer", "infection", "hospitalisation", "hospitalization", "admission", "birth",
       "event", "country", "site", "study",
       # aviation and transport texts count one of these as they count the plurals
       # ("1 plane", "1 bus": pint's bus is a bushel)
       "plane", "aeroplane", "airplane", "jet", "airliner", "helicopter", "flight",
       "passenger", "seat", "route", "airport", "airline", "truck", "bus", "ship", "vessel",
       "order", "delivery",
       # s12c: crime and justice texts count one of these ("rape (one.)": 1 murder)
       "murder", "homicide", "killing", "shooting", "fatality", "offence", "offense", "crime",
       "incident", "victim", "suspect", "arrest", "conviction", "prisoner", "inmate",
       "detainee", "officer",
       "head"}  # "5 million head" of cattle
    | COUNTED_SINGULARS)
# Words that make the words after a number a rate ("deaths per million people"), not a count.
_RATE_WORDS = frozenset({"per", "a", "an", "each", "every"})
# Words before the noun may qualify it ("AI-related patents", "\"little giant\" firms"); the
# noun may be a people's name ("Americans"), a product's in camel case ("iPhones") or a plural
# acronym ("TVs", "SUVs", "MPs").
_COUNT_WORDS = re.compile(r"^([\w'\"“”‘’.\-]+ )*[A-Za-z][a-z'\-]*$")
# A string, compiled by re on first use: only a unit no table knows gets this far (1.7M
# instructions to compile, in every run).
CAPITALISED_PLURAL = r"^(?:[\w'\"“”‘’.\-]+ )*([a-z]+[A-Z][A-Za-z]*|[A-Z]{2,})s$"


def counted(text: str, nouns: frozenset[str] | None = None) -> bool:
    """Whether `text` is a counted noun, of `nouns` if given, qualified by words before it
    ("severe cases", "AI-related patents"), but no rate ("deaths per million people")."""
    words = text.split()
    return (bool(_COUNT_WORDS.match(text)) and (nouns is None or words[-1].lower() in nouns)
            and not _RATE_WORDS & {word.lower() for word in words[:-1]})


# Counted things written as acronyms, which pint would read as units (`MAU` is its
# mega-absorbance unit, `pcs` parsecs, `PCs` too) or not at all (`EVs`, `GPUs`).
ACRONYM_COUNTS = frozenset({
    "MAU", "MAUs", "DAU", "DAUs", "WAU", "WAUs", "EVs", "GPUs", "CPUs", "SKUs",
    "ADSs", "IPOs", "SMEs", "MSMEs", "NGOs", "ATMs", "PCs", "pcs", "NEVs", "BEVs", "PHEVs",
    # one of each, as "1.2 million EV" writes it; pint reads EV, TV and RV as exa-, tera- and
    # ronnavolts, and PC as percent
    "EV", "GPU", "CPU", "SKU", "IPO", "SME", "MSME", "NGO", "ATM", "PC", "NEV", "BEV", "PHEV",
    "HEV", "HEVs", "FCEV", "FCEVs", "SUV", "TV", "RV",
    # counted, though their singulars are refused as ambiguous (MP, PV)
    "MPs", "PVs",
    # s12: surveys' households (pint: a hectohour, 100 hours) and full-time equivalents
    "hh", "HH", "FTE",
    # s12b: Meta's daily and monthly active people, counted as its DAUs are
    "DAP", "DAPs", "MAP", "MAPs"})

# Counts of days and hours of work ("2.47 million working days lost", "person-hours", "days
# lost" to strikes) are counts of a person's day or hour at work, not times: a working day is
# neither 24 hours nor comparable with a duration, and 2 people striking a day is 2 days lost.
# So every work-day and work-hour word is a count (as `man-hours` and `working days` were
# already read), and plain `days` and `hours` stay times; unit-mismatch tells a writer who
# put `days` beside `working days` to write working days.
_WORK_TIME = re.compile(r"(?:working|work|man|person|people|labou?r|staff|strike)[- ]?"
                        r"(day|hour|week|month|year)s?(?:\s+(?:lost|worked))?"
                        r"|(day|hour)s?\s+(?:lost|worked)", re.IGNORECASE)


def work_time(text: str) -> str | None:
    """`day` or `hour` where `text` counts days or hours of work (`working days`,
    `man-hours`, `days lost`); None for anything else, plain `days` among them."""
    match = _WORK_TIME.fullmatch(text)
    return (match.group(1) or match.group(2)).lower() if match else None


# Counts of people named by a word without a plural s (`1 million Rohingya`, `1.5 million
# Sudanese`, `11 million undocumented`), as `unemployed` and `displaced` are read; every
# capitalised `-ese` word is a people's name (Chinese, Sudanese, Vietnamese).
UNINFLECTED_PEOPLE = frozenset({
    "rohingya", "roma", "inuit", "hmong", "sami", "maori", "māori", "bedouin",
    "undocumented", "self-employed", "foreign-born", "native-born", "jobless", "retired",
    "disabled", "elderly", "stateless", "missing", "infected", "underemployed", "unvaccinated",
    "malnourished", "undernourished", "evacuated", "detained", "hospitalised", "hospitalized",
    "affected", "stranded"})
_ESE = r"[A-Z][a-z]+ese"  # compiled by re on first use: only refusals ask


def uninflected_people(word: str) -> bool:
    return word.lower() in UNINFLECTED_PEOPLE or bool(re.fullmatch(_ESE, word))


# Crypto tokens: counts of tokens, never currencies (no exchange rate converts them, and
# `SOL` is no sol), as `21 million bitcoins` is a count. Tickers in their own case only.
CRYPTO_TICKERS = frozenset({"BTC", "XBT", "ETH", "USDT", "USDC", "SOL", "XRP", "BNB", "DOGE"})
CRYPTO_WORDS = frozenset({"bitcoin", "bitcoins", "ether", "tether", "tethers"})

# International units (IU) measure a substance's biological effect, each substance its own:
# a dimension of its own, never a count of doses or a mass.
INTERNATIONAL_UNITS = {"IU": 1, "IUs": 1, "I.U.": 1, "kIU": 10**3, "MIU": 10**6}

# "16 million 12-inch equivalent wafers", "300mm wafers": counts of wafers are counts of their
# area, the industry's 8-inch (200 mm) and 12-inch (300 mm) equivalents apart by (12/8)^2 =
# 2.25 (16 million 12-inch equivalents are 36 million 8-inch). Read in 8-inch equivalents,
# a dimension of its own: a basis is part of the unit, never compared as plain wafers. Sizes in
# inches are nominal, 25 mm to the inch (a 12-inch wafer is 300 mm, not 304.8).
WAFER_AREA = "wafer area in 8-inch equivalents"
_WAFERS = re.compile(r"([1-9]\d*(?:\.\d+)?)\s*[- ]?\s*(inch|in\.?|\"|″|mm)"
                     r"(?:[- ](?:equivalent|equiv\.?|eq\.?))?"
                     r"\s+(?:wafers?|wafer equivalents|equivalents|wafer starts)", re.IGNORECASE)


def wafer_area(text: str) -> Fraction | None:
    """One wafer of `text` (`12-inch equivalent wafers`) in 8-inch equivalents: 9/4."""
    match = _WAFERS.fullmatch(text)
    if match is None:
        return None
    size = Fraction(match.group(1))
    millimetres = size if match.group(2).lower() == "mm" else size * 25
    return (millimetres / 200) ** 2


# s12b: container capacity in twenty-foot equivalent units. A forty-foot box (FEU) is two TEU,
# so 20.56 million FEU is 41.12 million TEU: a dimension of its own, never a count of boxes
# (`containers`, `boxes` are 1 or 2 TEU each, which no fixed factor turns into TEU).
CONTAINER_CAPACITY = "container capacity in TEU"
_CONTAINER_SYMBOLS = {**dict.fromkeys(["TEU", "TEUs", "teu", "teus"], 1),  # Seatrade: `teu`
                      **dict.fromkeys(["FEU", "FEUs", "feu", "feus"], 2)}
_FOOT_EQUIVALENT = re.compile(r"(twenty|forty|20|40)[- ](?:foot|ft)[- ]equivalents?"
                              r"(?: units?)?", re.IGNORECASE)


def container_teu(text: str) -> int | None:
    """TEU in one unit of `text` (`TEU`, `FEUs`, `forty-foot equivalent units`)."""
    if text in _CONTAINER_SYMBOLS:
        return _CONTAINER_SYMBOLS[text]
    match = _FOOT_EQUIVALENT.fullmatch(text)
    return None if match is None else 1 if match.group(1).lower() in ("twenty", "20") else 2
