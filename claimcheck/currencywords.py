"""Currencies as published figures name them: ISO 4217 codes, the codes the press uses
instead (SDR, NIS), signs (`$`, `₱`, `CN¥`) and names (`yuan`, `hryvnias`, `Sri Lankan
rupees`), and the signs and names several currencies share (`¥`, `pesos`), which are refused
with the codes to choose from. units.py and quantity.py read them.
"""

from __future__ import annotations

# Every active ISO 4217 code, and the kuna (HRK, the euro's since 2023) for figures from
# before; not the metals (XAU, XAG, XPT, XPD), the bond-market units or the test codes.
ISO_4217 = frozenset("""
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS
    INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
    MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR
    PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS
    SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW
    UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU XUA YER ZAR ZMW ZWG ZWL""".split())
# The ISO 4217 codes that name no currency: metals, bond-market units, the test codes.
ISO_4217_OTHERS = frozenset("XAU XAG XPT XPD XBA XBB XBC XBD XTS XXX".split())
# Codes as the press writes them: the IMF's special drawing rights, Israel's new shekel.
# NTD: the New Taiwan dollar as TSMC and Taiwan's English-language press write it.
CODE_ALIASES = {"SDR": "XDR", "SDRs": "XDR", "NIS": "ILS", "NTD": "TWD"}

# Signs of one currency each, before the number (quantity.py) or after it (SIGNS_AFTER).
CURRENCY_SYMBOLS = {
    "US$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "S$": "SGD", "NZ$": "NZD",
    "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR",
    "₩": "KRW", "RMB": "CNY", "Rmb": "CNY", "NT$": "TWD", "Rp": "IDR", "RM": "MYR", "R": "ZAR",
    "₱": "PHP", "฿": "THB", "₫": "VND", "₺": "TRY", "₽": "RUB", "₴": "UAH", "₦": "NGN",
    "₪": "ILS", "₸": "KZT", "৳": "BDT", "₾": "GEL", "₼": "AZN", "₮": "MNT", "₲": "PYG",
    "₭": "LAK", "֏": "AMD", "Tk": "BDT", "CN¥": "CNY", "CNY¥": "CNY", "JP¥": "JPY",
    "AU$": "AUD", "CA$": "CAD", "SG$": "SGD", "Mex$": "MXN", "MX$": "MXN",
    # the cedi's sign (₵, not the colón's ₡), and GH¢ as Ghana's press types it; the sol's S/
    "₵": "GHS", "GH₵": "GHS", "GH¢": "GHS", "S/": "PEN", "S/.": "PEN",
    "U.S.$": "USD",  # "U.S. $132 million", "U.S.$132 million", as AP style writes it
}
# Signs in letters of one currency each, before the number or after it ("KSh 5 billion",
# "5 billion KSh", "Ksh.35.86 trillion"): the Kenyan, Tanzanian and Ugandan shillings, the
# Swiss franc.
LETTER_SIGNS = {
    **{f"{sign}{stop}": code
       for signs, code in (("KSh Ksh KShs Kshs", "KES"), ("TSh Tsh TShs Tshs", "TZS"),
                           ("USh Ush UShs Ushs", "UGX"))
       for sign in signs.split() for stop in ("", ".")},
    **dict.fromkeys(["SFr", "SFr.", "Sfr", "Sfr."], "CHF"),
    # the Scandinavian crowns with their country's letter, as the English-language financial
    # press writes them ("DKr290.4bn", "SKr 5bn"); the Philippine peso as Manila prints it
    **{f"{country}{crown}{stop}": code
       for country, code in (("D", "DKK"), ("S", "SEK"), ("N", "NOK"))
       for crown in ("Kr", "kr") for stop in ("", ".")},
    "PhP": "PHP", "Php": "PHP",
    # as national statistics offices and the Gulf and Turkish press write them ("5,502.192
    # billion TL", "QR800 billion", "KD 2 billion"); pint would read TL as teralitres
    "TL": "TRY", "QR": "QAR", "KD": "KWD", "BD": "BHD", "RO": "OMR", "Ks": "MMK", "zł": "PLN",
    "E£": "EGP", "LE": "EGP"}
# Chinese names before the number ("人民币6000亿元", "新台幣38090.5億元"), where the 元 after the
# number is the unit of the currency named (quantity.py), not the renminbi.
NAMES_BEFORE = {"人民币": "CNY", "人民幣": "CNY", "新台币": "TWD", "新台幣": "TWD", "新臺幣": "TWD",
                "港币": "HKD", "港幣": "HKD"}
UNIT_OF_THE_NAMED = frozenset({"元", "圆", "圓"})
CURRENCY_SYMBOLS |= LETTER_SIGNS | NAMES_BEFORE
# Signs read after the number too ("5.000₫", "100 ₽"); not `$`: "5 $" is Canadian dollars in
# Quebec. quantity.py refuses a `.` before three digits there, as such figures group thousands.
SIGNS_AFTER = {sign: code for sign, code in CURRENCY_SYMBOLS.items()
               if len(sign) == 1 and not sign.isalpha() and sign != "$"}


# Signs of two currencies: a figure in them is refused with the codes to choose from.
AMBIGUOUS_SYMBOLS = {
    "¥": ("CNY", "JPY"), "￥": ("CNY", "JPY"),
    # the Scandinavian crowns; East Africa's shillings (KSh is Kenya's); Fr. is the franc of
    # Switzerland (SFr) and of a score of other countries
    **dict.fromkeys(["kr", "kr.", "Kr", "Kr."], ("DKK", "SEK", "NOK", "ISK")),
    **dict.fromkeys(["Sh", "Sh."], ("KES", "UGX", "TZS", "SOS")),
    **dict.fromkeys(["Fr", "Fr."], ("CHF", "XOF", "XAF", "another franc's code")),
    # the CFA francs of West Africa (XOF) and of Central Africa (XAF), as their press and the
    # IMF write them
    **dict.fromkeys(["FCFA", "CFA", "CFAF"], ("XOF", "XAF")),
    # the dirhams of the Emirates and Morocco; Saudi riyals and Seychelles rupees; the birr of
    # Ethiopia and the Belarusian ruble; the Croatian kuna, or knots (pint: a knot)
    **dict.fromkeys(["Dh", "Dh.", "Dhs", "Dhs."], ("AED", "MAD")),
    **dict.fromkeys(["SR", "SR."], ("SAR", "SCR")),
    "Br": ("ETB", "BYN"),
    "kn": ("HRK", "knots for a speed"),
}

# Names of one currency each, the commonest first; names with their country are below.
CURRENCY_NAMES = {
    "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY", "yuan renminbi": "CNY",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "us dollar": "USD", "euros": "EUR", "euro": "EUR", "rupees": "INR", "rupee": "INR",
    "indian rupees": "INR", "yen": "JPY", "japanese yen": "JPY", "pounds sterling": "GBP",
    "sterling": "GBP", "swiss francs": "CHF", "won": "KRW",
    "元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR",
    "rupiah": "IDR", "ringgit": "MYR", "rand": "ZAR", "baht": "THB", "naira": "NGN",
    "lira": "TRY", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "shekels": "ILS", "shekel": "ILS", "zloty": "PLN", "forint": "HUF", "dong": "VND",
    "taka": "BDT", "kronor": "SEK", "swiss franc": "CHF", "hong kong dollars": "HKD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "new taiwan dollars": "TWD",
    **dict.fromkeys(["hk dollars", "hk dollar"], "HKD"),
    **dict.fromkeys(["nt dollars", "nt dollar"], "TWD"),
    **dict.fromkeys(["hryvnia", "hryvnias", "hryvnya"], "UAH"),
    **dict.fromkeys(["zlotys", "zlotych", "złoty", "złotys", "złotych"], "PLN"),
    "forints": "HUF", "rupiahs": "IDR", "nairas": "NGN", "liras": "TRY", "yuans": "CNY",
    "ringgits": "MYR", "bahts": "THB", "rands": "ZAR", "cedi": "GHS", "cedis": "GHS",
    "tenge": "KZT", "lari": "GEL", "laris": "GEL", "dram": "AMD", "drams": "AMD",
    "lev": "BGN", "leva": "BGN", "kuna": "HRK", "kunas": "HRK", "koruna": "CZK",
    "korunas": "CZK", "koruny": "CZK", "soles": "PEN", "nuevos soles": "PEN", "kyat": "MMK",
    "kyats": "MMK", "riel": "KHR", "riels": "KHR", "birr": "ETB", "kwanza": "AOA",
    "kwanzas": "AOA", "afghani": "AFN", "afghanis": "AFN", "somoni": "TJS", "denar": "MKD",
    "denars": "MKD", "denari": "MKD", "lek": "ALL", "leke": "ALL", "lekë": "ALL",
    "quetzal": "GTQ", "quetzales": "GTQ", "quetzals": "GTQ", "lempira": "HNL",
    "lempiras": "HNL", "guarani": "PYG", "guaranies": "PYG", "guaraníes": "PYG",
    "boliviano": "BOB", "bolivianos": "BOB", "pataca": "MOP", "patacas": "MOP",
    "ariary": "MGA", "special drawing rights": "XDR", "new shekels": "ILS",
    # after the number in Chinese, Japanese and Korean (亿 and 億 are scales in quantity.py)
    **dict.fromkeys(["元人民币", "人民币元", "人民幣"], "CNY"),
    **dict.fromkeys(["日元", "日圆", "日圓", "円"], "JPY"),
    **dict.fromkeys(["韩元", "韓元", "원"], "KRW"),
    # s12b: the won in Japanese (3498億ウォン), the US dollar in Japanese and Korean (2.3억 달러:
    # Korean papers write other dollars with their country, 호주 달러)
    "ウォン": "KRW", "米ドル": "USD", "달러": "USD",
    **dict.fromkeys(["港元", "港币", "港幣"], "HKD"),
    **dict.fromkeys(["新台币", "新台幣", "新臺幣"], "TWD"),
    **dict.fromkeys(["英镑", "英鎊"], "GBP"), **dict.fromkeys(["澳元", "澳幣"], "AUD"),
    "加元": "CAD", **dict.fromkeys(["卢布", "盧布"], "RUB"), "印度卢比": "INR", "歐元": "EUR",
}
# Letter signs before a number that claimcheck does not read: what each may be, and what to
# write instead ({} is the figure). One redenominated is refused too: a figure from before the
# new unit is in the old, 1,000 times smaller.
UNREAD_SIGNS = {
    "P": ("the Philippine peso (₱, write PHP) or Botswana's pula (BWP)", "PHP {} or BWP {}"),
    "K": ("the kina of Papua New Guinea (PGK), the kip (LAK), the kyat (MMK) or the kwacha of "
          "Zambia (ZMW) or Malawi (MWK)", "the code: PGK {}, LAK {}, MMK {}, ZMW {} or MWK {}"),
    "ZK": ("the Zambian kwacha: ZMW from 2013, before it the old kwacha (ZMK), 1,000 to a ZMW",
           "ZMW {}, with a figure of the old kwacha divided by 1,000"),
    "MK": ("the Malawian kwacha (MWK) or, as a country code, North Macedonia's denar (MKD)",
           "MWK {} or MKD {}"),
    "Le": ("the Sierra Leonean leone: SLE from 2022-07, SLL before it (1,000 SLL to a SLE)",
           "SLE {} or SLL {}"),
}


# Names several countries' currencies share: a figure in them says too little to convert.
AMBIGUOUS_NAMES = {
    "pesos": "MXN, PHP, ARS, CLP or COP", "peso": "MXN, PHP, ARS, CLP or COP",
    "dirhams": "AED or MAD", "dirham": "AED or MAD", "riyals": "SAR or QAR",
    "riyal": "SAR or QAR", "krona": "SEK or ISK", "kroner": "NOK or DKK",
    "krone": "NOK or DKK", "francs": "CHF or another franc", "franc": "CHF or another franc",
    "bucks": "USD, CAD, AUD or NZD", "buck": "USD, CAD, AUD or NZD",
    **dict.fromkeys(["rial", "rials"], "IRR, OMR or YER"),
    **dict.fromkeys(["dinar", "dinars"], "KWD, BHD, JOD, IQD, RSD, DZD, TND or LYD"),
    **dict.fromkeys(["shilling", "shillings"], "KES, UGX, TZS or SOS"),
    "kwacha": "ZMW or MWK", **dict.fromkeys(["manat", "manats"], "AZN or TMT"),
    **dict.fromkeys(["som", "soms"], "KGS or UZS"), **dict.fromkeys(["leu", "lei"], "RON or MDL"),
    **dict.fromkeys(["cfa franc", "cfa francs"], "XOF in West Africa or XAF in Central Africa"),
    **dict.fromkeys(["crown", "crowns"], "SEK, NOK, DKK, CZK or ISK"),
    **dict.fromkeys(["colon", "colón", "colones"], "CRC or SVC"),
}

# Currencies named with their country, as agencies write them ("Sri Lankan rupees"): the
# forms of a name, and the countries whose currency it is.
_BY_COUNTRY: list[tuple[str, dict[str, str]]] = [
    ("rupee rupees", {"indian": "INR", "pakistani": "PKR", "sri lankan": "LKR",
                      "nepalese": "NPR", "nepali": "NPR", "mauritian": "MUR",
                      "seychellois": "SCR"}),
    ("dinar dinars", {"kuwaiti": "KWD", "bahraini": "BHD", "jordanian": "JOD", "iraqi": "IQD",
                      "serbian": "RSD", "algerian": "DZD", "tunisian": "TND", "libyan": "LYD"}),
    ("rial rials riyal riyals", {"saudi": "SAR", "qatari": "QAR", "iranian": "IRR",
                                 "omani": "OMR", "yemeni": "YER"}),
    ("shilling shillings", {"kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS",
                            "somali": "SOS"}),
    ("kwacha", {"zambian": "ZMW", "malawian": "MWK"}),
    ("manat manats", {"azerbaijani": "AZN", "turkmen": "TMT"}),
    ("som soms", {"kyrgyz": "KGS", "uzbek": "UZS"}),
    ("leu lei", {"romanian": "RON", "moldovan": "MDL"}),
    ("franc francs", {"swiss": "CHF", "rwandan": "RWF", "congolese": "CDF", "guinean": "GNF",
                      "burundian": "BIF", "djiboutian": "DJF", "comorian": "KMF", "cfp": "XPF",
                      "west african cfa": "XOF", "central african cfa": "XAF"}),
    ("pound pounds", {"british": "GBP", "egyptian": "EGP", "lebanese": "LBP", "syrian": "SYP",
                      "sudanese": "SDG", "south sudanese": "SSP"}),
    ("dollar dollars", {
        "u.s.": "USD", "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD",
        "new zealand": "NZD", "hong kong": "HKD", "australian": "AUD", "canadian": "CAD",
        "east caribbean": "XCD", "jamaican": "JMD", "namibian": "NAD", "bahamian": "BSD",
        "barbadian": "BBD", "belize": "BZD", "bermudian": "BMD", "brunei": "BND",
        "cayman islands": "KYD", "guyanese": "GYD", "liberian": "LRD",
        "solomon islands": "SBD", "surinamese": "SRD", "trinidad and tobago": "TTD"}),
    ("peso pesos", {"mexican": "MXN", "philippine": "PHP", "argentine": "ARS",
                    "argentinian": "ARS", "chilean": "CLP", "colombian": "COP",
                    "dominican": "DOP", "uruguayan": "UYU", "cuban": "CUP"}),
    ("crown crowns", {"swedish": "SEK", "norwegian": "NOK", "danish": "DKK", "czech": "CZK",
                      "icelandic": "ISK"}),
    ("krona kronor", {"swedish": "SEK"}), ("krona kronur", {"icelandic": "ISK"}),
    ("krone kroner", {"norwegian": "NOK", "danish": "DKK"}),
    ("koruna korunas koruny", {"czech": "CZK"}),
    ("dirham dirhams", {"uae": "AED", "emirati": "AED", "moroccan": "MAD"}),
    ("won", {"south korean": "KRW", "korean": "KRW", "north korean": "KPW"}),
    ("yuan", {"chinese": "CNY"}), ("lira liras", {"turkish": "TRY"}),
    ("rupiah rupiahs", {"indonesian": "IDR"}), ("ringgit ringgits", {"malaysian": "MYR"}),
    ("baht", {"thai": "THB"}), ("naira nairas", {"nigerian": "NGN"}),
    ("cedi cedis", {"ghanaian": "GHS"}), ("rand", {"south african": "ZAR"}),
    ("hryvnia hryvnias", {"ukrainian": "UAH"}), ("zloty zlotys", {"polish": "PLN"}),
    ("forint forints", {"hungarian": "HUF"}),
    ("shekel shekels", {"israeli": "ILS", "new israeli": "ILS"}),
    ("dong", {"vietnamese": "VND"}), ("taka", {"bangladeshi": "BDT"}),
    ("sol soles", {"peruvian": "PEN"}), ("real reais", {"brazilian": "BRL"}),
    ("ruble rubles rouble roubles", {"russian": "RUB"}), ("lev leva", {"bulgarian": "BGN"}),
    ("lari", {"georgian": "GEL"}), ("dram drams", {"armenian": "AMD"}),
    ("tenge", {"kazakh": "KZT", "kazakhstani": "KZT"}), ("kuna kunas", {"croatian": "HRK"}),
]
COUNTRY_CURRENCIES = {
    f"{country} {noun}": code
    for nouns, countries in _BY_COUNTRY for country, code in countries.items()
    for noun in nouns.split()
} | {"reais": "BRL", "real": "BRL"}
# The last word of a currency's name: "Ruritanian dollars", "Venezuelan bolívares" are
# currencies claimcheck does not know by that name (or whose redenominations make the name
# say too little), not counts of dollars or bolívares.
CURRENCY_WORDS = frozenset(
    {noun for nouns, _ in _BY_COUNTRY for noun in nouns.split()}
    | {"yen", "euro", "euros", "escudo", "escudos", "florin", "florins", "guilder", "guilders",
       "bolivar", "bolivars", "bolívar", "bolívares", "bolivares", "leone", "leones",
       "ouguiya", "ouguiyas", "dobra", "dobras", "colon", "colón", "colones"})
# Currencies whose sign is `$`, which may follow their code ("USD$291 million", "ARS$5").
DOLLAR_CODES = frozenset(
    {code for sign, code in CURRENCY_SYMBOLS.items() if "$" in sign}
    | {code for name, code in COUNTRY_CURRENCIES.items()
       if name.endswith(("dollar", "dollars", "peso", "pesos"))})
