#!/usr/bin/env python3
"""Deterministic generator of realistic synthetic claimcheck claim files (SPEC §1).

    python bench/generate.py --claims 100000 --files 1 --out /tmp/cc-bench/100k

Writes ``claims-NNN.yaml`` files (block-style YAML with ``sources:`` and ``claims:``)
plus ``bench-manifest.json`` (counts, bytes, seed) into ``--out``.  The same arguments
always give the same bytes.  Standard library only; written with string formatting,
not ``yaml.dump``, so 100k claims take about a second.

What is in the files (roughly, by claim):
  * metric groups of 2-8 claims at different ``as_of`` dates / periods, in ~30 unit
    and currency spellings, some repeating the same figure at a later date
    (``redated-figure``), a few with a power-of-ten slip (``scale-slip``);
  * restated currencies: a CNY/INR/EUR/GBP/JPY figure plus a USD claim with
    ``restates:`` at a plausible yearly reference rate, ~8% at a wrong rate;
  * growth claims ``growth: {rate, from, to, start, end}`` referencing base and
    projected end claims (~12% inconsistent, some percent-vs-points);
  * share claims ``share: {part, whole}`` and totals ``total: {parts: [...]}``
    (~10% inconsistent);
  * qualifiers (canonical and English aliases), quotes, ``ignore:`` entries;
  * about 0.5% bad claims: missing metric, unknown field, ``¥`` value, bad date
    ``2025-13``, dangling reference.

Dates are 2015-2025 in all partial forms (2024, 2024-H1, 2024-Q3, 2024-09,
2024-09-30).  Partial dates are quoted or not at random (both parse as strings in
YAML 1.1 and 1.2).  Full dates (``2024-09-30``) are left unquoted in some claims and
in most sources' ``published``, as users write them: PyYAML (YAML 1.1) turns those
into ``datetime.date``; yaml-rs with ``parse_datetime=False`` keeps strings.  Pass
``--quote-dates`` to quote every date, so both parsers give identical objects.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

GENERATOR_VERSION = 1

# ---------------------------------------------------------------------------
# Vocabulary

# (metric code, display name, home currency)
REGIONS = [
    ("cn", "China", "CNY"), ("us", "the United States", "USD"), ("eu", "the EU", "EUR"),
    ("in", "India", "INR"), ("uk", "the UK", "GBP"), ("de", "Germany", "EUR"),
    ("fr", "France", "EUR"), ("jp", "Japan", "JPY"), ("kr", "South Korea", "USD"),
    ("br", "Brazil", "USD"), ("id", "Indonesia", "USD"), ("vn", "Vietnam", "USD"),
    ("mx", "Mexico", "USD"), ("za", "South Africa", "USD"), ("sa", "Saudi Arabia", "USD"),
    ("sg", "Singapore", "USD"), ("au", "Australia", "USD"), ("ca", "Canada", "USD"),
    ("cn_gd", "Guangdong", "CNY"), ("cn_js", "Jiangsu", "CNY"), ("cn_zj", "Zhejiang", "CNY"),
    ("cn_sh", "Shanghai", "CNY"), ("cn_bj", "Beijing", "CNY"), ("cn_sz", "Shenzhen", "CNY"),
    ("cn_sc", "Sichuan", "CNY"), ("cn_hb", "Hubei", "CNY"), ("cn_ah", "Anhui", "CNY"),
    ("in_mh", "Maharashtra", "INR"), ("in_ka", "Karnataka", "INR"), ("in_tn", "Tamil Nadu", "INR"),
    ("in_gj", "Gujarat", "INR"), ("it", "Italy", "EUR"), ("es", "Spain", "EUR"),
    ("nl", "the Netherlands", "EUR"), ("pl", "Poland", "EUR"), ("se", "Sweden", "EUR"),
    ("asean", "ASEAN", "USD"), ("global", "the world", "USD"), ("africa", "Africa", "USD"),
    ("latam", "Latin America", "USD"),
]

# (metric code, display name)
SECTORS = [
    ("ai.core_industry", "core artificial intelligence industry"), ("ai.compute", "AI computing power"),
    ("ev", "new energy vehicle industry"), ("semiconductors", "semiconductor industry"),
    ("solar", "solar power sector"), ("wind", "wind power sector"), ("battery", "battery industry"),
    ("data_centres", "data centre market"), ("cloud", "cloud computing market"),
    ("e_commerce", "cross-border e-commerce"), ("robotics", "industrial robot industry"),
    ("biotech", "biotechnology sector"), ("pharma", "pharmaceutical industry"),
    ("steel", "steel industry"), ("shipbuilding", "shipbuilding industry"),
    ("tourism", "inbound tourism"), ("fintech", "fintech sector"), ("telecom.5g", "5G network"),
    ("gaming", "video game market"), ("logistics", "express delivery sector"),
    ("agritech", "smart agriculture sector"), ("hydrogen", "hydrogen economy"),
    ("drones", "low-altitude economy"), ("quantum", "quantum technology sector"),
    ("space", "commercial space industry"), ("digital_economy", "digital economy"),
    ("software", "software industry"), ("cybersecurity", "cybersecurity market"),
    ("edtech", "online education market"), ("healthtech", "digital health market"),
    ("retail", "online retail market"), ("textiles", "textile industry"),
    ("chemicals", "chemical industry"), ("aviation", "civil aviation sector"),
    ("rail", "high-speed rail network"), ("ports", "port sector"), ("mining", "rare earth mining"),
    ("nuclear", "nuclear power sector"), ("grid", "power grid"), ("water", "water utilities sector"),
    ("insurance", "insurance market"), ("banking.green", "green lending"),
    ("venture", "venture capital market"), ("media", "streaming media market"),
    ("food", "food processing industry"), ("construction", "construction sector"),
    ("furniture", "furniture exports"), ("toys", "toy industry"), ("smartphones", "smartphone market"),
    ("wearables", "wearables market"),
]

SEGMENTS = ["private", "state_owned", "listed", "sme", "urban", "rural", "coastal",
            "domestic", "foreign", "export", "b2b", "b2c"]

# measure kinds: money (stock / flow), count, percent, physical
MEASURES = [
    ("scale", "money", "stock", "the scale of {r}'s {s}"),
    ("market_size", "money", "stock", "the market size of {r}'s {s}"),
    ("investment", "money", "flow", "investment in {r}'s {s}"),
    ("revenue", "money", "flow", "revenue of {r}'s {s}"),
    ("exports", "money", "flow", "exports of {r}'s {s}"),
    ("rd_spending", "money", "flow", "R&D spending in {r}'s {s}"),
    ("output_value", "money", "flow", "the output value of {r}'s {s}"),
    ("companies", "count", "stock", "the number of companies in {r}'s {s}"),
    ("patents", "count", "stock", "patents held in {r}'s {s}"),
    ("employment", "count", "stock", "employment in {r}'s {s}"),
    ("penetration_rate", "percent", "stock", "the penetration rate of {r}'s {s}"),
    ("localisation_rate", "percent", "stock", "the localisation rate of {r}'s {s}"),
    ("power_use", "physical", "flow", "electricity used by {r}'s {s}"),
    ("capacity", "physical", "stock", "installed capacity of {r}'s {s}"),
    ("network_length", "physical", "stock", "the length of {r}'s {s}"),
    ("output_volume", "physical", "flow", "output of {r}'s {s}"),
]

# Value spellings.  Each: (template, divisor).  The template gets the number
# formatted already; divisor converts the base amount into the stated number.
MONEY_SPELLINGS = {
    "CNY": [("{n} billion CNY", 1e9), ("{n}亿 CNY", 1e8), ("{n} billion yuan", 1e9),
            ("{n} trillion RMB", 1e12), ("RMB {n} billion", 1e9), ("{n}万亿 CNY", 1e12),
            ("{n} million renminbi", 1e6)],
    "USD": [("${n} billion", 1e9), ("USD {n} billion", 1e9), ("US${n} million", 1e6),
            ("{n} million US dollars", 1e6), ("${n} tn", 1e12), ("{n} billion dollars", 1e9)],
    "EUR": [("€{n} bn", 1e9), ("EUR {n} million", 1e6), ("{n} billion euros", 1e9)],
    "GBP": [("£{n} mn", 1e6), ("£{n} billion", 1e9), ("GBP {n} million", 1e6)],
    "INR": [("₹{n} lakh crore", 1e12), ("Rs {n} crore", 1e7), ("INR {n} billion", 1e9),
            ("{n} billion rupees", 1e9)],
    "JPY": [("{n} trillion JPY", 1e12), ("JPY {n} billion", 1e9)],
}
COUNT_SPELLINGS = {
    "companies": [("{n} companies", 1.0), ("{n} firms", 1.0)],
    "patents": [("{n} patents", 1.0), ("{n} million patents", 1e6)],
    "employment": [("{n} people", 1.0), ("{n} million people", 1e6), ("{n}万 people", 1e4)],
}
PHYSICAL_SPELLINGS = {
    "power_use": [("{n} TWh", 1.0)],
    "capacity": [("{n} GW", 1.0)],
    "network_length": [("{n} km", 1.0)],
    "output_volume": [("{n} million t", 1e6)],
}
# a spelling's family (same currency / noun), to switch spelling when the stated
# number would be implausible (18,000 million -> 18 billion)
SPELLING_FAMILY = {}
for _fam in (*MONEY_SPELLINGS.values(), *COUNT_SPELLINGS.values()):
    for _sp in _fam:
        SPELLING_FAMILY[_sp[0]] = _fam


def _plausible_range(tmpl: str) -> tuple[float, float]:
    if "亿" in tmpl and "万亿" not in tmpl or "万" in tmpl and "people" in tmpl:
        return 1, 100000
    if tmpl.startswith("Rs ") and "crore" in tmpl:
        return 1, 100000
    if any(w in tmpl for w in ("illion", " bn", " mn", " tn", "lakh", "万亿")):
        return 0.1, 2000
    return -math.inf, math.inf


_RANGES: dict[str, tuple[float, float]] = {}


def plausible(tmpl: str, n: float) -> bool:
    r = _RANGES.get(tmpl)
    if r is None:
        r = _RANGES[tmpl] = _plausible_range(tmpl)
    return r[0] <= n < r[1]


# base amount ranges (log-uniform), in the unit's base (currency units / count / unit)
MONEY_RANGE = {"CNY": (5e9, 3e13), "USD": (1e9, 5e12), "EUR": (5e8, 1e12), "GBP": (3e8, 5e11),
               "INR": (5e10, 5e13), "JPY": (1e11, 1e14)}
PHYS_RANGE = {"power_use": (1, 900), "capacity": (1, 700), "network_length": (200, 45000),
              "output_volume": (1e6, 1e9)}
COUNT_RANGE = {"companies": (200, 60000), "patents": (1000, 3e6), "employment": (5e3, 2e7)}

# approximate yearly mean reference rates, units of currency per USD
USD_RATES = {
    "CNY": {2015: 6.23, 2016: 6.64, 2017: 6.75, 2018: 6.61, 2019: 6.91, 2020: 6.90,
            2021: 6.45, 2022: 6.73, 2023: 7.08, 2024: 7.19, 2025: 7.20},
    "INR": {2015: 64.2, 2016: 67.2, 2017: 65.1, 2018: 68.4, 2019: 70.4, 2020: 74.1,
            2021: 73.9, 2022: 78.6, 2023: 82.6, 2024: 83.7, 2025: 86.0},
    "EUR": {2015: 0.90, 2016: 0.90, 2017: 0.89, 2018: 0.85, 2019: 0.89, 2020: 0.88,
            2021: 0.85, 2022: 0.95, 2023: 0.92, 2024: 0.92, 2025: 0.90},
    "GBP": {2015: 0.65, 2016: 0.74, 2017: 0.78, 2018: 0.75, 2019: 0.78, 2020: 0.78,
            2021: 0.73, 2022: 0.81, 2023: 0.80, 2024: 0.78, 2025: 0.76},
    "JPY": {2015: 121.0, 2016: 108.8, 2017: 112.2, 2018: 110.4, 2019: 109.0, 2020: 106.8,
            2021: 109.8, 2022: 131.5, 2023: 140.5, 2024: 151.4, 2025: 148.0},
}
CURRENCY_WORD = {"CNY": "yuan", "USD": "dollars", "EUR": "euros", "GBP": "pounds",
                 "INR": "rupees", "JPY": "yen"}

QUALIFIERS = ["about", "nearly", "over", "under", "at-least", "at-most", "exact",
              "more than", "close to", "approximately", "almost", "roughly", "up to"]
QUALIFIER_PHRASE = {"about": "about", "nearly": "nearly", "over": "over", "under": "under",
                    "at-least": "at least", "at-most": "at most", "exact": "",
                    "more than": "more than", "close to": "close to",
                    "approximately": "approximately", "almost": "almost", "roughly": "roughly",
                    "up to": "up to"}

PUBLISHERS = [
    ("cen", "China Economic Net", "www.ce.cn"), ("xinhua", "Xinhua", "english.news.cn"),
    ("reuters", "Reuters", "www.reuters.com"), ("bloomberg", "Bloomberg", "www.bloomberg.com"),
    ("ft", "Financial Times", "www.ft.com"), ("et", "The Economic Times", "economictimes.indiatimes.com"),
    ("nikkei", "Nikkei Asia", "asia.nikkei.com"), ("caixin", "Caixin Global", "www.caixinglobal.com"),
    ("scmp", "South China Morning Post", "www.scmp.com"), ("handelsblatt", "Handelsblatt", "www.handelsblatt.com"),
    ("mint", "Mint", "www.livemint.com"), ("bs", "Business Standard", "www.business-standard.com"),
    ("iea", "IEA", "www.iea.org"), ("mckinsey", "McKinsey Global Institute", "www.mckinsey.com"),
    ("miit", "Ministry of Industry and Information Technology", "www.miit.gov.cn"),
    ("nbs", "National Bureau of Statistics of China", "www.stats.gov.cn"),
    ("gt", "Global Times", "www.globaltimes.cn"), ("cd", "China Daily", "www.chinadaily.com.cn"),
    ("lesechos", "Les Echos", "www.lesechos.fr"), ("guardian", "The Guardian", "www.theguardian.com"),
    ("wsj", "The Wall Street Journal", "www.wsj.com"), ("economist", "The Economist", "www.economist.com"),
]
AUTHORS = ["Wu Siya", "Li Wei", "Zhang Min", "Chen Jing", "Anna Müller", "James O'Neill",
           "Priya Sharma", "Rahul Mehta", "Sarah Chen", "Tom Hancock", "Kenji Watanabe",
           "María García", "David Lee", "Emma Brown", "Liu Yang", "Sophie Martin"]
TITLE_TEMPLATES = [
    "{R}'s {s} bigger than it looks",
    "{R}'s {s} grows despite headwinds",
    "How {r}'s {s} became a global force",
    "{R}'s {s}: what the numbers say",
    "Inside {r}'s {s} boom",
    "{R} bets big on its {s}",
    "Is {r}'s {s} running out of steam?",
    "{R}'s {s} hits new record",
]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
IGNORE_REASONS = {
    "redated-figure": "the source repeats last year's figure on purpose",
    "conflicting-values": "two statistical definitions, both published",
    "currency-conversion": "source converts at its own budget rate",
    "scale-slip": "checked against the original report",
}


# ---------------------------------------------------------------------------
# Helpers

def fmt_num(x: float, sig: int, commas: bool = False) -> str:
    """x rounded to `sig` significant digits, in plain decimal notation."""
    if x == 0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    dec = max(0, sig - 1 - mag)
    s = f"{x:,.{dec}f}" if commas else f"{x:.{dec}f}"
    return s


def ystr(s: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Date:
    """A partial date: year, plus kind (Y, H, Q, M, D) and its index."""

    __slots__ = ("y", "kind", "i", "d")

    def __init__(self, y: int, kind: str = "Y", i: int = 0, d: int = 0):
        self.y, self.kind, self.i, self.d = y, kind, i, d

    def text(self) -> str:
        k = self.kind
        if k == "Y":
            return str(self.y)
        if k == "H":
            return f"{self.y}-H{self.i}"
        if k == "Q":
            return f"{self.y}-Q{self.i}"
        if k == "M":
            return f"{self.y}-{self.i:02d}"
        return f"{self.y}-{self.i:02d}-{self.d:02d}"

    def end_month(self) -> int:
        """Index of the last month covered, as y*12+m (m 0-based)."""
        k = self.kind
        m = {"Y": 11, "H": 6 * self.i - 1, "Q": 3 * self.i - 1}.get(k, self.i - 1 if k in "MD" else 11)
        return self.y * 12 + m

    def words(self) -> str:
        k = self.kind
        if k == "Y":
            return f"in {self.y}"
        if k == "H":
            return f"in the {'first' if self.i == 1 else 'second'} half of {self.y}"
        if k == "Q":
            return f"in the {['first', 'second', 'third', 'fourth'][self.i - 1]} quarter of {self.y}"
        if k == "M":
            return f"by the end of {MONTH_NAMES[self.i - 1]} {self.y}"
        return f"as of {MONTH_NAMES[self.i - 1]} {self.d}, {self.y}"


def date_from_month(mi: int, kind: str, rnd: random.Random) -> Date:
    y, m = divmod(mi, 12)
    if kind == "Y":
        return Date(y)
    if kind == "H":
        return Date(y, "H", m // 6 + 1)
    if kind == "Q":
        return Date(y, "Q", m // 3 + 1)
    if kind == "M":
        return Date(y, "M", m + 1)
    # day: month end mostly, else a random day
    d = MONTH_DAYS[m] if rnd.random() < 0.7 else rnd.randint(1, 28)
    return Date(y, "D", m + 1, d)


# ---------------------------------------------------------------------------
# Generator

class Claim:
    __slots__ = ("id", "fields", "file_hint")

    def __init__(self, cid: str):
        self.id = cid
        self.fields: list[tuple[str, str]] = []  # (key, already-rendered YAML text after "key:")


class Gen:
    def __init__(self, seed: int, quote_dates: bool, bad_rate: float):
        self.rnd = random.Random(seed)
        self.quote_dates = quote_dates
        self.bad_rate = bad_rate
        self.ids: set[str] = set()
        self.sources: dict[str, str] = {}      # id -> rendered text
        self.source_order: list[str] = []
        self.source_pub: dict[str, int] = {}   # id -> published month index
        self.cur_source: str | None = None
        self.cur_source_left = 0
        self.metric_counter = 0
        self.n_regions = len(REGIONS)
        self.n_sectors = len(SECTORS)
        self.n_measures = len(MEASURES)
        self.combos = self.n_regions * self.n_sectors * self.n_measures
        self.bad_counts: dict[str, int] = {}
        self.block_counts: dict[str, int] = {}

    # -- ids, metrics, dates ------------------------------------------------
    def uid(self, base: str) -> str:
        cid = base
        n = 2
        while cid in self.ids:
            cid = f"{base}-{n}"
            n += 1
        self.ids.add(cid)
        return cid

    def new_metric(self, kind_filter: str | None = None):
        """A fresh metric (region, sector, measure[, segment]) never used before."""
        rnd = self.rnd
        while True:
            i = self.metric_counter
            self.metric_counter += 1
            # scatter the enumeration so neighbours differ in every component
            j = (i * 7919) % self.combos
            variant = i // self.combos
            reg = REGIONS[j % self.n_regions]
            sec = SECTORS[(j // self.n_regions) % self.n_sectors]
            mea = MEASURES[j // (self.n_regions * self.n_sectors)]
            if kind_filter and mea[1] not in kind_filter:
                if rnd.random() < 0.9:   # skip, but don't loop forever
                    continue
                mea = next(m for m in MEASURES if m[1] in kind_filter)
                variant = variant * 3 + 100 + rnd.randrange(1000)  # avoid clashing names
            metric = f"{reg[0]}.{sec[0]}.{mea[0]}"
            if variant:
                seg = SEGMENTS[variant % len(SEGMENTS)]
                metric += f".{seg}" if variant < len(SEGMENTS) else f".{seg}{variant // len(SEGMENTS)}"
            return metric, reg, sec, mea

    def date_val(self, d: Date) -> str:
        t = d.text()
        if d.kind == "Y":
            return t if self.rnd.random() < 0.8 else ystr(t)
        if d.kind == "D":
            return ystr(t) if (self.quote_dates or self.rnd.random() < 0.6) else t
        return ystr(t) if self.rnd.random() < 0.55 else t

    # -- sources -------------------------------------------------------------
    def source_for(self, last_month: int, reg, sec) -> str:
        """Reuse the current source for a few blocks, else make a new one published
        after `last_month` (a y*12+m index)."""
        rnd = self.rnd
        if self.cur_source and self.cur_source_left > 0 \
                and last_month <= self.source_pub[self.cur_source] <= last_month + 60 and rnd.random() < 0.85:
            self.cur_source_left -= 1
            return self.cur_source
        pub_mi = min(last_month + rnd.randint(1, 9), 2025 * 12 + 11)
        y, m = divmod(pub_mi, 12)
        d = rnd.randint(1, MONTH_DAYS[m])
        code, name, domain = PUBLISHERS[rnd.randrange(len(PUBLISHERS))]
        sid = self.uid(f"{code}-{y}-{m + 1:02d}-{d:02d}")
        R = reg[1][0].upper() + reg[1][1:]
        title = TITLE_TEMPLATES[rnd.randrange(len(TITLE_TEMPLATES))].format(R=R, r=reg[1], s=sec[1])
        lines = [f"  {sid}:", f"    title: {ystr(title)}"]
        if rnd.random() < 0.8:
            lines.append(f"    publisher: {name}")
        if rnd.random() < 0.5:
            lines.append(f"    author: {AUTHORS[rnd.randrange(len(AUTHORS))]}")
        pub = f"{y}-{m + 1:02d}-{d:02d}"
        if rnd.random() < 0.95:
            lines.append(f"    published: {ystr(pub) if (self.quote_dates or rnd.random() < 0.3) else pub}")
        if rnd.random() < 0.7:
            slug = "-".join(title.lower().replace("'", "").replace(":", "").replace("?", "").split()[:6])
            lines.append(f"    url: https://{domain}/{y}/{m + 1:02d}/{slug}.html")
        self.sources[sid] = "\n".join(lines) + "\n"
        self.source_order.append(sid)
        self.source_pub[sid] = pub_mi
        self.cur_source = sid
        self.cur_source_left = rnd.randint(1, 10)
        return sid

    # -- values ---------------------------------------------------------------
    def spelling_for(self, reg, mea, restate_ccy: str | None = None):
        rnd = self.rnd
        kind = mea[1]
        if kind == "money":
            ccy = restate_ccy or reg[2]
            opts = MONEY_SPELLINGS[ccy]
            return opts[rnd.randrange(len(opts))], ccy
        if kind == "count":
            opts = COUNT_SPELLINGS[mea[0]]
            return opts[rnd.randrange(len(opts))], None
        if kind == "percent":
            return ("{n}%", 0.01), None
        opts = PHYSICAL_SPELLINGS[mea[0]]
        return opts[0], None

    def base_amount(self, reg, mea) -> float:
        kind = mea[1]
        if kind == "money":
            lo, hi = MONEY_RANGE[reg[2]]
        elif kind == "count":
            lo, hi = COUNT_RANGE[mea[0]]
        elif kind == "percent":
            lo, hi = 0.02, 0.8
        else:
            lo, hi = PHYS_RANGE[mea[0]]
        return math.exp(self.rnd.uniform(math.log(lo), math.log(hi)))

    def value_text(self, amount: float, spelling, sig: int | None = None) -> str:
        tmpl, div = spelling
        n = amount / div
        rnd = self.rnd
        if not plausible(tmpl, n) and tmpl in SPELLING_FAMILY:
            ok = [sp for sp in SPELLING_FAMILY[tmpl] if plausible(sp[0], amount / sp[1])]
            if ok:
                tmpl, div = ok[rnd.randrange(len(ok))]
                n = amount / div
        if sig is None:
            sig = rnd.choice((1, 2, 2, 3, 3, 3, 4))
        if "亿" in tmpl or "万" in tmpl:
            sig = max(sig, min(4, int(math.log10(max(n, 1))) + 1))
        commas = tmpl.endswith(("companies", "firms", "patents", "people")) and "million" not in tmpl \
            and "万" not in tmpl and n >= 1000 and rnd.random() < 0.8
        if tmpl.endswith(("companies", "firms", "patents", "people")) and "million" not in tmpl:
            n = round(n)
            sig = max(sig, 2)
        return tmpl.format(n=fmt_num(n, sig, commas))

    # -- claim building -------------------------------------------------------
    def claim(self, base_id: str, metric: str | None) -> Claim:
        c = Claim(self.uid(base_id))
        if metric is not None:
            c.fields.append(("metric", metric))
        return c

    def maybe_qualifier(self, c: Claim, p: float = 0.3) -> str:
        if self.rnd.random() < p:
            q = QUALIFIERS[self.rnd.randrange(len(QUALIFIERS))]
            if q != "exact" or self.rnd.random() < 0.3:
                c.fields.append(("qualifier", q))
                return QUALIFIER_PHRASE[q]
        return ""

    def quote(self, c: Claim, text: str, p: float):
        if self.rnd.random() < p:
            c.fields.append(("quote", ystr(text)))

    def plain_or_quoted(self, s: str) -> str:
        # values never need quoting, but humans quote some anyway
        return ystr(s) if self.rnd.random() < 0.08 else s

    # -- blocks ---------------------------------------------------------------
    def block_series(self, max_claims: int) -> list[Claim]:
        """A metric with 2-8 claims at different dates; maybe a currency restatement."""
        rnd = self.rnd
        metric, reg, sec, mea = self.new_metric()
        kind, flavour = mea[1], mea[2]
        n = min(max_claims, rnd.randint(2, 8))
        spelling, ccy = self.spelling_for(reg, mea)
        date_kind = rnd.choice("YYYHQMMMDD") if flavour == "stock" else rnd.choice("YYYYHQ")
        # distinct dates, 2015-2025, sorted
        step = {"Y": 12, "H": 6, "Q": 3, "M": 1, "D": 1}[date_kind]
        # distinct dates inside a window of a few years placed anywhere in 2015-2025
        slots = 12 * 11 // step
        n = min(n, slots)
        width = min(slots, rnd.randint(n, 2 * n + (4 if step >= 3 else 30)))
        first = rnd.randint(0, slots - width)
        months = [2015 * 12 + (first + j) * step for j in sorted(rnd.sample(range(width), n))]
        amount = self.base_amount(reg, mea)
        growth = rnd.uniform(-0.05, 0.35) if kind != "percent" else rnd.uniform(-0.1, 0.2)
        last_month = months[-1] + {"Y": 11, "H": 5, "Q": 2}.get(date_kind, 0)
        src = self.source_for(last_month, reg, sec)
        what = mea[3].format(r=reg[1], s=sec[1])
        claims: list[Claim] = []
        prev_value = None
        slug = metric.replace(".", "-").replace("_", "-")
        restate_at = rnd.randrange(n) if (kind == "money" and ccy != "USD" and rnd.random() < 0.35) else -1
        for k, mi in enumerate(months[:n]):
            d = date_from_month(mi, date_kind, rnd)
            years = (mi - months[0]) / 12
            a = amount * (1 + growth) ** years * rnd.uniform(0.97, 1.03)
            if kind == "percent":
                a = min(a, 0.99)
            if rnd.random() < 0.08 and len(spelling) and kind != "percent":
                spelling = self.spelling_for(reg, mea)[0]   # a writer switching spelling
            vt = self.value_text(a, spelling)
            if prev_value is not None and rnd.random() < 0.07:
                vt = prev_value                              # same figure, later date
            elif prev_value is not None and rnd.random() < 0.02 and kind != "percent":
                vt = self.value_text(a * 10, spelling)       # an extra zero
            prev_value = vt
            c = self.claim(f"{slug}-{d.text().lower()}", metric)
            c.fields.append(("value", self.plain_or_quoted(vt)))
            qp = self.maybe_qualifier(c)
            if flavour == "stock":
                c.fields.append(("as_of", self.date_val(d)))
            else:
                self.add_period(c, d)
            if k > 0 and rnd.random() < 0.15:
                src_k = self.source_for(last_month, reg, sec)
            else:
                src_k = src
            c.fields.append(("source", src_k))
            if k == restate_at or rnd.random() < 0.4:
                w = d.words()
                qtext = f"{w[0].upper()}{w[1:]}, {what} {'reached' if not qp else 'was ' + qp} {vt}"
            else:
                qtext = None
            if k == restate_at:
                rc = self.restatement(c, a, ccy, d, reg, mea, metric, slug, src_k, qp, qtext, vt)
                claims.append(c)
                claims.append(rc)
                continue
            if qtext:
                c.fields.append(("quote", ystr(qtext)))
            if rnd.random() < 0.01:
                rule = rnd.choice(list(IGNORE_REASONS))
                c.fields.append(("ignore", f"\n      - rule: {rule}\n        reason: {ystr(IGNORE_REASONS[rule])}"))
            claims.append(c)
        return claims

    def add_period(self, c: Claim, d: Date):
        rnd = self.rnd
        y = d.y
        if d.kind == "Y":
            f, t = (str(y), str(y)) if rnd.random() < 0.5 else (f"{y}-01", f"{y}-12")
        elif d.kind == "H":
            f, t = (f"{y}-01", f"{y}-06") if d.i == 1 else (f"{y}-07", f"{y}-12")
        elif d.kind == "Q":
            f, t = f"{y}-{3 * d.i - 2:02d}", f"{y}-{3 * d.i:02d}"
        else:
            f, t = f"{y}-{d.i:02d}", f"{y}-{d.i:02d}"
        if rnd.random() < 0.6:
            c.fields.append(("period", f"{{from: {f}, to: {t}}}"))
        else:
            qf = ystr(f) if "-" in f and rnd.random() < 0.5 else f
            qt = ystr(t) if "-" in t and rnd.random() < 0.5 else t
            c.fields.append(("period", f"\n      from: {qf}\n      to: {qt}"))

    def restatement(self, c: Claim, a: float, ccy: str, d: Date, reg, mea, metric, slug, src, qp, qtext, vt):
        """A USD claim restating c at the year's reference rate (sometimes wrong)."""
        rnd = self.rnd
        rate = USD_RATES[ccy][d.y] * rnd.uniform(0.997, 1.003)
        wrong = rnd.random() < 0.08
        if wrong:
            rate *= rnd.choice((0.9, 0.93, 1.07, 1.12))
        usd = a / rate
        spelling = MONEY_SPELLINGS["USD"][rnd.randrange(4)]
        uvt = self.value_text(usd, spelling, sig=rnd.choice((3, 4)))
        rc = self.claim(f"{slug}-{d.text().lower()}-usd", metric)
        rc.fields.append(("value", uvt))
        if qp and rnd.random() < 0.5:
            rc.fields.append(("qualifier", "nearly" if qp in ("nearly", "close to", "almost") else "about"))
        for k, v in c.fields:
            if k in ("as_of", "period"):
                rc.fields.append((k, v))
        rc.fields.append(("restates", c.id))
        rc.fields.append(("source", src))
        both = f"{qtext} ({uvt})"
        if rnd.random() < 0.6:
            c.fields.append(("quote", ystr(both)))
            rc.fields.append(("quote", ystr(both)))
        self.block_counts["restate"] = self.block_counts.get("restate", 0) + 1
        return rc

    def block_growth(self) -> list[Claim]:
        """Base figure, projected end figure, and a growth claim (CAGR or total)."""
        rnd = self.rnd
        metric, reg, sec, mea = self.new_metric(("money", "count", "physical"))
        y0 = rnd.randint(2015, 2024)
        y1 = min(y0 + rnd.randint(3, 10), 2035)
        n = y1 - y0
        rate = rnd.choice((0.05, 0.08, 0.1, 0.12, 0.15, 0.156, 0.2, 0.25, 0.3, 0.35))
        kind = "cagr" if rnd.random() < 0.85 else "total"
        a0 = self.base_amount(reg, mea)
        a1 = a0 * (1 + rate) ** n if kind == "cagr" else a0 * (1 + rate * rnd.uniform(3, 8))
        bad = rnd.random() < 0.12
        if bad:
            a1 *= rnd.choice((0.7, 0.8, 1.25, 1.5))
        if kind == "total":
            rate = a1 / a0 - 1
            if bad and rnd.random() < 0.5:
                rate = rate * 0.01 * 100  # keep; points confusion below for percents
        spelling, _ = self.spelling_for(reg, mea)
        src = self.source_for(y0 * 12 + 11, reg, sec)
        pub_y = self.source_pub[src] // 12
        slug = metric.replace(".", "-").replace("_", "-")
        what = mea[3].format(r=reg[1], s=sec[1])
        sig = rnd.choice((2, 3, 3))
        v0 = self.value_text(a0, spelling, sig)
        v1 = self.value_text(a1, spelling, sig)
        base = self.claim(f"{slug}-{y0}", metric)
        base.fields.append(("value", v0))
        base.fields.append(("as_of", self.date_val(Date(y0))))
        base.fields.append(("source", src))
        end = self.claim(f"{slug}-{y1}-target", metric)
        end.fields.append(("value", v1))
        self.maybe_qualifier(end, 0.4)
        end.fields.append(("as_of", self.date_val(Date(y1))))
        if y1 > pub_y or rnd.random() < 0.9:
            end.fields.append(("projection", "true"))
        end.fields.append(("source", src))
        g = self.claim(f"{slug}-{kind}-{y0}-{y1}", metric)
        rate_txt = fmt_num(rate * 100, rnd.choice((2, 3))) + "%"
        self.maybe_qualifier(g, 0.25)
        linked = rnd.random() < 0.8
        parts = [f"rate: {rate_txt}", f"from: {y0}", f"to: {y1}"]
        if kind == "total" or rnd.random() < 0.2:
            parts.append(f"kind: {kind}")
        if linked:
            parts += [f"start: {base.id}", f"end: {end.id}"]
        if rnd.random() < 0.6:
            g.fields.append(("growth", "{" + ", ".join(parts) + "}"))
        else:
            g.fields.append(("growth", "".join(f"\n      {p}" for p in parts)))
        g.fields.append(("projection", "true"))
        g.fields.append(("source", src))
        self.quote(g, f"{what} is expected to grow from {v0} in {y0} to {v1} by {y1}, "
                      f"a compound annual growth rate of {rate_txt}", 0.7)
        out = [base, end, g]
        # sometimes extra history for the same metric
        for _ in range(rnd.choice((0, 0, 0, 1, 2))):
            yy = rnd.randint(2015, 2025)
            if yy in (y0, y1):
                continue
            c = self.claim(f"{slug}-{yy}", metric)
            c.fields.append(("value", self.value_text(a0 * (1 + rate) ** (yy - y0), spelling)))
            c.fields.append(("as_of", self.date_val(Date(yy))))
            if yy > pub_y:
                c.fields.append(("projection", "true"))
            c.fields.append(("source", src))
            out.append(c)
        return out

    def block_share(self) -> list[Claim]:
        rnd = self.rnd
        metric, reg, sec, mea = self.new_metric(("money", "count", "physical"))
        seg = SEGMENTS[rnd.randrange(len(SEGMENTS))]
        mi = rnd.randrange(2015 * 12, 2025 * 12 + 12)
        d = date_from_month(mi, rnd.choice("YYQMD"), rnd)
        src = self.source_for(d.end_month(), reg, sec)
        whole_amt = self.base_amount(reg, mea)
        frac = rnd.uniform(0.03, 0.9)
        spelling, _ = self.spelling_for(reg, mea)
        slug = metric.replace(".", "-").replace("_", "-")
        date_yaml = self.date_val(d)
        whole = self.claim(f"{slug}-{d.text().lower()}", metric)
        whole.fields.append(("value", self.value_text(whole_amt, spelling, 3)))
        whole.fields.append(("as_of", date_yaml))
        whole.fields.append(("source", src))
        part = self.claim(f"{slug}-{seg}-{d.text().lower()}", f"{metric}.{seg}")
        part.fields.append(("value", self.value_text(whole_amt * frac, spelling, 3)))
        part.fields.append(("as_of", date_yaml))
        part.fields.append(("source", src))
        shown = frac * (rnd.choice((0.8, 1.25, 0.5)) if rnd.random() < 0.1 else 1.0)
        sh = self.claim(f"{slug}-{seg}-share-{d.text().lower()}", f"{metric}.{seg}.share")
        pct = fmt_num(shown * 100, rnd.choice((2, 3))) + "%"
        sh.fields.append(("value", pct))
        self.maybe_qualifier(sh, 0.3)
        sh.fields.append(("as_of", date_yaml))
        if rnd.random() < 0.7:
            sh.fields.append(("share", f"{{part: {part.id}, whole: {whole.id}}}"))
        else:
            sh.fields.append(("share", f"\n      part: {part.id}\n      whole: {whole.id}"))
        sh.fields.append(("source", src))
        self.quote(sh, f"{seg.replace('_', '-')} players accounted for {pct} of the total", 0.5)
        return [whole, part, sh]

    def block_total(self) -> list[Claim]:
        rnd = self.rnd
        metric, reg, sec, mea = self.new_metric(("money", "count", "physical"))
        k = rnd.randint(2, 5)
        segs = rnd.sample(SEGMENTS, k)
        y = rnd.randint(2015, 2025)
        d = Date(y) if rnd.random() < 0.6 else Date(y, "H", rnd.randint(1, 2))
        src = self.source_for(d.end_month(), reg, sec)
        spelling, _ = self.spelling_for(reg, mea)
        slug = metric.replace(".", "-").replace("_", "-")
        date_yaml = self.date_val(d)
        parts, total = [], 0.0
        for s in segs:
            a = self.base_amount(reg, mea) / k
            total += a
            c = self.claim(f"{slug}-{s}-{d.text().lower()}", f"{metric}.{s}")
            c.fields.append(("value", self.value_text(a, spelling, 3)))
            c.fields.append(("as_of", date_yaml))
            c.fields.append(("source", src))
            parts.append(c)
        if rnd.random() < 0.1:
            total *= rnd.choice((0.85, 1.2))
        t = self.claim(f"{slug}-{d.text().lower()}", metric)
        t.fields.append(("value", self.value_text(total, spelling, 3)))
        self.maybe_qualifier(t, 0.2)
        t.fields.append(("as_of", date_yaml))
        ids = [p.id for p in parts]
        if rnd.random() < 0.6:
            t.fields.append(("total", "{parts: [" + ", ".join(ids) + "]}"))
        else:
            t.fields.append(("total", "\n      parts:" + "".join(f"\n        - {i}" for i in ids)))
        t.fields.append(("source", src))
        return parts + [t]

    # -- bad claims -------------------------------------------------------------
    def corrupt(self, c: Claim):
        rnd = self.rnd
        kind = rnd.choice(("missing-metric", "unknown-field", "yen", "bad-date", "dangling"))
        f = c.fields
        if kind == "missing-metric":
            f[:] = [kv for kv in f if kv[0] != "metric"]
        elif kind == "unknown-field":
            if rnd.random() < 0.5:
                f[:] = [("qualifer", v) if k == "qualifier" else (k, v) for k, v in f]
                if not any(k == "qualifer" for k, _ in f):
                    f.insert(2, ("qualifer", "about"))
            else:
                f.insert(2, ("unit_note", "converted by the author"))
        elif kind == "yen":
            for i, (k, v) in enumerate(f):
                if k == "value":
                    f[i] = ("value", "¥600 billion")
                    break
            else:
                f.insert(1, ("value", "¥600 billion"))
        elif kind == "bad-date":
            for i, (k, v) in enumerate(f):
                if k == "as_of":
                    f[i] = ("as_of", "2025-13")
                    break
            else:
                f.append(("as_of", "2025-13"))
        else:
            if rnd.random() < 0.5:
                f[:] = [(k, v) for k, v in f if k != "source"] + [("source", "xinhua-2019-02-30-x")]
            else:
                f.append(("restates", f"{c.id}-missing"))
        self.bad_counts[kind] = self.bad_counts.get(kind, 0) + 1

    # -- driver -------------------------------------------------------------------
    def generate(self, n_claims: int) -> list[list[Claim]]:
        rnd = self.rnd
        blocks: list[list[Claim]] = []
        total = 0
        while total < n_claims:
            left = n_claims - total
            r = rnd.random()
            if left >= 6 and r < 0.12:
                b, name = self.block_growth(), "growth"
            elif left >= 3 and r < 0.20:
                b, name = self.block_share(), "share"
            elif left >= 6 and r < 0.28:
                b, name = self.block_total(), "total"
            else:
                b, name = self.block_series(left - 1 if left > 1 else 1), "series"
            if len(b) > left:   # a restatement overflowed the last block
                b = [c for c in b if not any(k == "restates" for k, _ in c.fields)][:left]
            self.block_counts[name] = self.block_counts.get(name, 0) + 1
            blocks.append(b)
            total += len(b)
        for b in blocks:
            for c in b:
                if rnd.random() < self.bad_rate:
                    self.corrupt(c)
        return blocks


def render_claim(c: Claim) -> str:
    out = [f"  - id: {c.id}\n"]
    for k, v in c.fields:
        if v.startswith("\n"):
            out.append(f"    {k}:{v}\n")
        else:
            out.append(f"    {k}: {v}\n")
    return "".join(out)


def generate(n_claims: int, n_files: int, out_dir: str, seed: int = 1, quote_dates: bool = False,
             bad_rate: float = 0.005, quiet: bool = False) -> dict:
    t0 = time.perf_counter()
    g = Gen(seed, quote_dates, bad_rate)
    blocks = g.generate(n_claims)
    # where each source is first used -> file; blocks are split contiguously
    n_files = max(1, min(n_files, len(blocks)))
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):   # stale files from an earlier run with other args
        if name.startswith("claims-") and name.endswith(".yaml"):
            os.remove(os.path.join(out_dir, name))
    width = max(3, len(str(n_files - 1)))
    files = []
    nb = len(blocks)
    emitted_sources: set[str] = set()
    total_bytes = 0
    header = (f"# synthetic claims: bench/generate.py --claims {n_claims} --files {n_files} "
              f"--seed {seed}{' --quote-dates' if quote_dates else ''}\n")
    for fi in range(n_files):
        lo, hi = fi * nb // n_files, (fi + 1) * nb // n_files
        claim_parts, src_ids = [], []
        count = 0
        for b in blocks[lo:hi]:
            for c in b:
                count += 1
                claim_parts.append(render_claim(c))
                for k, v in c.fields:
                    if k == "source" and v not in emitted_sources and v in g.sources:
                        emitted_sources.add(v)
                        src_ids.append(v)
        text = header + ("sources:\n" + "".join(g.sources[s] for s in src_ids) + "\n" if src_ids else "") \
            + "claims:\n" + "".join(claim_parts)
        data = text.encode("utf-8")
        path = os.path.join(out_dir, f"claims-{fi:0{width}d}.yaml")
        with open(path, "wb") as fh:
            fh.write(data)
        total_bytes += len(data)
        files.append({"path": os.path.basename(path), "claims": count, "bytes": len(data)})
    elapsed = time.perf_counter() - t0
    manifest = {
        "generator_version": GENERATOR_VERSION, "claims": n_claims, "files": n_files, "seed": seed,
        "quote_dates": quote_dates, "bad_rate": bad_rate, "bytes": total_bytes,
        "bytes_per_claim": round(total_bytes / max(n_claims, 1), 1), "sources": len(g.sources),
        "blocks": g.block_counts, "bad_claims": g.bad_counts, "generate_s": round(elapsed, 3),
        "file_list": files,
    }
    with open(os.path.join(out_dir, "bench-manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    if not quiet:
        print(f"{n_claims} claims in {n_files} file(s), {total_bytes:,} bytes "
              f"({manifest['bytes_per_claim']} B/claim), {len(g.sources)} sources, "
              f"{sum(g.bad_counts.values())} bad claims, {elapsed:.2f} s -> {out_dir}", file=sys.stderr)
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=1000, help="number of claims (default 1000)")
    ap.add_argument("--files", type=int, default=1, help="split over N files (default 1)")
    ap.add_argument("--out", required=True, help="output folder (created; old claims-*.yaml removed)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--quote-dates", action="store_true",
                    help="quote every date so YAML 1.1 and 1.2 parsers give identical objects")
    ap.add_argument("--bad-rate", type=float, default=0.005, help="fraction of bad claims (default 0.005)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.claims < 1 or a.files < 1:
        ap.error("--claims and --files must be at least 1")
    generate(a.claims, a.files, a.out, a.seed, a.quote_dates, a.bad_rate, a.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
