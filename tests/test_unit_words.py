"""Values as energy, earnings and polling texts write them (red-team findings, round 2): each
read as it is meant where the meaning is certain, else refused with what to write; never read
as pint's molar, coulomb, gilbert, printer's point or 31.5-gallon barrel."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import reading, refusal

from claimcheck.errors import InputError
from claimcheck.quantity import _parse_in_full, parse_value, parse_value_text

F = Fraction
BN = 10**9
BARREL = F("0.158987294928")  # m³: the 42-gallon oil barrel
CUBIC_FOOT = F("0.028316846592")
TCE = 29_307_600_000  # J
ENERGY = "[length] ** 2 * [mass] / [time] ** 2"


_read = reading


_refused = refusal


# 1. A spaced M or MM before a unit is a million, never pint's molar.
@pytest.mark.parametrize(("text", "same_as"), [
    ("66.1 M barrels", "66.1 million barrels"), ("9.0 M tonnes", "9.0 million tonnes"),
    ("10,500 M liters", "10,500 million liters"), ("2 M ha", "2 million ha"),
    ("5 M TWh", "5 million TWh"), ("5 MM barrels", "5 million barrels"),
    ("5 MM Btu", "5 million Btu"), ("5 M USD", "5 million USD"), ("$5MM", "$5 million"),
    ("$5 MM", "$5 million"),
])
def test_a_spaced_m_before_a_unit_is_a_million(text: str, same_as: str) -> None:
    assert _read(text) == _read(same_as)


def test_the_aspo_barrels_and_litres_agree() -> None:
    barrels, litres = parse_value("66.1 M barrels"), parse_value("10,500 M liters")
    assert barrels.unit.dimension == litres.unit.dimension == "[length] ** 3"
    assert abs(barrels.magnitude / litres.magnitude - 1) < F(1, 100)


@pytest.mark.parametrize(("text", "message"), [
    ("5 M bbl", "'5 M bbl': M before bbl is a thousand in US oil and gas usage and a million "
                "elsewhere: write 5 thousand bbl or 5 million bbl"),
    ("5 M Btu", "write 5 thousand Btu or 5 million Btu"),
    ("2 M fans", "M after a space may be a unit (molar) or million: write 2M fans"),
    ("5 MM fans", "'5 MM fans': MM after a space is read as a unit (megamolar): write "
                  "5 million fans"),
    ("24.1 G barrels", "G after a space is read as a unit (gauss): write 24.1 billion barrels"),
])
def test_a_spaced_letter_of_two_meanings_is_refused(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize(("text", "dimension"), [
    ("5 MM", "[substance] / [length] ** 3"), ("5 MW", "[length] ** 2 * [mass] / [time] ** 3"),
    ("5 Mt", "[mass]"), ("5 mm", "[length]"),
])
def test_mm_alone_or_a_prefix_stays_a_unit(text: str, dimension: str) -> None:
    assert parse_value(text).unit.dimension == dimension


# 2. bbl is the oil barrel; MM is a million; M (a thousand in US usage) and Gb are refused.
@pytest.mark.parametrize(("text", "magnitude", "dimension"), [
    ("180 million bbl", 180 * 10**6 * BARREL, "[length] ** 3"),
    ("5 bbls", 5 * BARREL, "[length] ** 3"),
    ("5 MMbbl", 5 * 10**6 * BARREL, "[length] ** 3"),
    ("5 mb", 5 * 10**6 * BARREL, "[length] ** 3"),
    ("5 bbl/d", 5 * BARREL / 86400, "[length] ** 3 / [time]"),
    ("5 bpd", 5 * BARREL / 86400, "[length] ** 3 / [time]"),
    ("5 MMb/d", 5 * 10**6 * BARREL / 86400, "[length] ** 3 / [time]"),
    ("5 mb/d", 5 * 10**6 * BARREL / 86400, "[length] ** 3 / [time]"),
    ("5 kb/d", 5 * 10**3 * BARREL / 86400, "[length] ** 3 / [time]"),
    ("5 MMBtu", 5 * 10**6 * F("1055.056"), ENERGY),
])
def test_barrels_are_oil_barrels(text: str, magnitude: Fraction, dimension: str) -> None:
    read, kind, read_dimension = _read(text)
    assert (kind, read_dimension) == ("physical", dimension)
    assert abs(read / magnitude - 1) < F(1, 10**12)  # pint's factors: 15 digits


def test_bbl_and_barrels_are_one_figure() -> None:
    assert _read("12.9 million bbl/d") == _read("12.9 million barrels per day")
    assert _read("180 million bbl") == _read("180 million barrels")


@pytest.mark.parametrize(("text", "message"), [
    ("2,500 Mb/d", "unit 'Mb/d' is ambiguous: write thousand b/d or million b/d (M is a "
                   "thousand in US oil and gas usage, a million elsewhere)"),
    ("5 Mbd", "write thousand b/d or million b/d"), ("5 MBPD", "write thousand b/d"),
    ("5 Mbbl", "write thousand bbl or million bbl"), ("5 MBtu", "write thousand Btu"),
    ("24.1 Gb", "unit 'Gb' is ambiguous: write Gbit for gigabits, or billion barrels"),
    ("5 Mb", "write Mbit for megabits, or thousand barrels or million barrels"),
    ("5 tcm", "trillion m³ (IEA, BP) or thousand m³ (Russian gas prices)"),
])
def test_thousand_or_million_barrels_is_refused(text: str, message: str) -> None:
    assert message in _refused(text)


# 3. Symbols keep their case: `mb` is million barrels, `MB` a megabyte.
@pytest.mark.parametrize(("text", "kind", "dimension"), [
    ("1 MB", "physical", "[information]"), ("5 GB", "physical", "[information]"),
    ("5mb", "physical", "[length] ** 3"), ("5 MB/d", "physical", "[information] / [time]"),
    ("5 kt", "physical", "[mass]"),
    ("5 KT", "physical", "[mass]"), ("5 kT", "physical", "[mass] / [current] / [time] ** 2"),
])
def test_symbols_mean_what_they_mean_in_their_case(text: str, kind: str, dimension: str) -> None:
    unit = parse_value(text).unit
    assert (unit.kind, unit.dimension) == (kind, dimension)


def test_a_megabyte_is_not_a_million_barrels() -> None:
    assert parse_value("1 MB").magnitude == 8 * 10**6  # bits


# 4. Masses of carbon, apart from masses of CO2 and from coulombs.
@pytest.mark.parametrize(("text", "magnitude"), [
    ("9.9 Gt C", F(99, 10) * 10**12), ("1.1 GtC", F(11, 10) * 10**12),
    ("10.1 Pg C", F(101, 10) * 10**12), ("5 MtC", 5 * BN), ("5 Gt of carbon", 5 * 10**12),
    ("5 Gt carbon", 5 * 10**12), ("5 million tonnes of carbon", 5 * BN),
])
def test_a_mass_of_carbon(text: str, magnitude: Fraction) -> None:
    assert _read(text) == (magnitude, "physical", "[mass] of C")


@pytest.mark.parametrize(("text", "dimension"), [
    ("5 kC", "[current] * [time]"), ("5 mC", "[current] * [time]"),
    ("36.2 GtCO2", "[mass] of CO2"), ("5 Gt CO2", "[mass] of CO2"),
    ("420 ppm CO2", "concentration of CO2"),
])
def test_coulombs_and_co2_stay(text: str, dimension: str) -> None:
    assert parse_value(text).unit.dimension == dimension


def test_a_bare_c_is_still_refused() -> None:
    assert "is ambiguous: write °C for degrees Celsius" in _refused("1.5 C")


# 5. Prices per unit: the price alone, the unit in the metric.
@pytest.mark.parametrize(("raw", "price", "thing"), [
    ("$85 a barrel", "$85", "barrel"), ("$85/bbl", "$85", "bbl"),
    ("US$85 per barrel", "US$85", "barrel"), ("€30/MWh", "€30", "MWh"),
    ("$1.60/MMBtu", "$1.60", "MMBtu"), ({"amount": 85, "unit": "USD/barrel"}, "85 USD", "barrel"),
    ("4.4 US cents/kWh", "0.044 USD", "kWh"), ("85 dollars a barrel", "85 USD", "barrel"),
    ("$100/tCO2", "$100", "tCO2"),
])
def test_a_price_per_unit_is_refused_with_the_price_to_write(raw: object, price: str,
                                                             thing: str) -> None:
    message = _refused(raw)
    assert f"is a price per {thing}: write the price alone ({price}) and name the unit in the " \
           "metric (oil.brent.price_per_barrel" in message


@pytest.mark.parametrize(("text", "message"), [
    ("$10 per hour", "keep the currency and drop 'per hour' (write $10)"),
    ("$1.46 per share", "keep the currency and drop 'per share' (write $1.46)"),
    ("50 US cents", "cents are hundredths of a dollar: write 0.50 USD"),
])
def test_rates_per_time_or_share_keep_their_hints(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize("text", ["5 km per hour", "5 TWh a year", "3 m/s", "5 per cent"])
def test_physical_rates_are_still_read(text: str) -> None:
    parse_value(text)


# 6. Energy units as statistics print them.
@pytest.mark.parametrize(("text", "same_as"), [
    ("155 bcm", "155 billion m³"), ("103.8 Bcf/d", "103.8 billion ft³/d"),
    ("5 Tcf", "5 trillion ft³"), ("5 Mcf", "5 thousand ft³"), ("5 MMcf", "5 million ft³"),
    ("77 mtpa", "77 Mt/year"), ("77 MTPA", "77 Mt/year"),
    ("14,000 million tonnes of oil equivalent", "14,000 Mtoe"),
    ("5 tonnes of oil equivalent", "5 toe"), ("4.5 billion tce", "4.5 billion tonnes of coal "
                                                                "equivalent"),
    ("13,235 km2", "13,235 km²"), ("5 m2", "5 m²"), ("5 m3", "5 m³"), ("5 W/m2", "5 W/m²"),
    ("5 m3/d", "5 m³/d"), ("5 mm2", "5 mm²"), ("5 m3 a year", "5 m³ per year"),
])
def test_energy_units_read_as_meant(text: str, same_as: str) -> None:
    assert _read(text) == _read(same_as)


def test_a_tonne_of_coal_equivalent_is_29_3076_gigajoules() -> None:
    assert _read("1 tce") == (F(TCE), "physical", ENERGY)


@pytest.mark.parametrize(("text", "message"), [
    ("500 MWp", "unit 'MWp' is ambiguous: write MW and name the peak capacity in the metric "
                "(capacity_peak): MWp and MW are two measures"),
    ("1,865 GWdc", "write GW and name the DC capacity in the metric (capacity_dc)"),
    ("61,370 MWe", "write MW and name the electric capacity"),
    ("5 MWth", "write MW and name the thermal capacity"),
    ("211,000 mw", "MW or MWh for mega-, or mW or mWh for milli-"),
])
def test_capacity_kinds_are_not_power_without_saying(text: str, message: str) -> None:
    assert message in _refused(text)


# 7. Counted things in camel case or as plural acronyms, unless the singular is a unit.
@pytest.mark.parametrize(("text", "noun"), [
    ("33.8 million iPhones", "iPhones"), ("14.1 million iPads", "iPads"), ("40 million TVs", "TVs"),
    ("1 million SUVs", "SUVs"), ("5 million ADRs", "ADRs"), ("12 MPs", "MPs"),
    ("15 million PCs", "PCs"), ("5 GPUs", "GPUs"), ("5 Macs", "Macs"),
    ("7.4 million unemployed", "unemployed"), ("5 fully vaccinated", "fully vaccinated"),
    ("5 dead", "dead"), ("5 homeless", "homeless"),
])
def test_counted_things(text: str, noun: str) -> None:
    unit = parse_value(text).unit
    assert (unit.kind, unit.code, unit.dimension) == ("count", noun, "count")


@pytest.mark.parametrize(("text", "message"), [
    ("5,000 MWs", "'MWs' is the plural of the unit 'MW': write MW"),
    ("5 GBs", "'GBs' is the plural of the unit 'GB': write GB"),
    ("5 USDs", "'USDs' is the plural of the unit 'USD': write USD"),
    ("5 MTs", "unit 'MTs' is ambiguous: write Mt for megatonnes"),
])
def test_the_plural_of_a_unit_is_not_a_count(text: str, message: str) -> None:
    assert message in _refused(text)


# 8. Margins of error
@pytest.mark.parametrize(("text", "margin"), [
    ("±2.5%", "2.5 pp"), ("± 2.5 percentage points", "2.5 pp"), ("+/-3%", "3 pp"),
    ("plus or minus 3.5 percentage points", "3.5 pp"), ("±5 km", "5 km"),
])
def test_a_margin_of_error_is_refused_with_the_margin_to_write(text: str, margin: str) -> None:
    message = _refused(text)
    assert f"{text!r} is a margin of error: write the margin alone ({margin}" in message
    assert "name it in the metric (poll.margin_of_error)" in message


# 9. A percentage per year is a growth, never a frequency.
@pytest.mark.parametrize(("text", "rate"), [
    ("1.63 percent a year", "1.63%"), ("2% annually", "2%"), ("2.55% per annum", "2.55%"),
    ("2% yearly", "2%"), ("0.8 per cent per year", "0.8%"), ("1.5 per cent a year", "1.5%"),
    ("3 pct/yr", "3%"), ("4% p.a.", "4%"),
])
def test_a_percentage_per_year_is_refused_as_a_growth(text: str, rate: str) -> None:
    message = _refused(text)
    assert (f"makes a percentage a rate of change: a yearly rate of change is a growth "
            f"(`growth: {{rate: {rate}, from: ..., to: ...}}`), and a level is the percentage "
            f"alone ({rate})") in message
    assert "name the rate in the metric" not in message


def test_a_percentage_a_month_is_a_monthly_growth() -> None:
    assert "a monthly rate of change is a growth" in _refused("0.5% a month")


# 10. Points, and `mil`
@pytest.mark.parametrize("text", ["3 percent points", "3 per cent points", "1 percent point"])
def test_percent_points_are_percentage_points(text: str) -> None:
    unit = parse_value(text).unit
    assert (unit.dimension, unit.factor) == ("percentage points", F(1, 100))


@pytest.mark.parametrize("text", ["5 mil fans", "5 mil"])
def test_mil_is_refused(text: str) -> None:
    assert (f"{text!r}: 'mil' is a thousand in Spanish and Portuguese, a million in English "
            "slang, and an angle in pint: write 5 thousand or 5 million") in _refused(text)


# Readings that stay
@pytest.mark.parametrize(("text", "dimension"), [
    ("5 MW", "[length] ** 2 * [mass] / [time] ** 3"), ("3 Mt", "[mass]"), ("2 GB", "[information]"),
    ("5 mb/d", "[length] ** 3 / [time]"), ("5 barrels", "[length] ** 3"),
    ("5 Gt CO2", "[mass] of CO2"), ("5 ppm", "count"), ("5 km²", "[length] ** 2"),
    ("5 W/m²", "[mass] / [time] ** 3"), ("5 Mtoe", ENERGY), ("5 toe", ENERGY),
    ("5 kC", "[current] * [time]"), ("5 Mbit", "[information]"), ("5 m/s", "[length] / [time]"),
])
def test_todays_readings_stay(text: str, dimension: str) -> None:
    assert parse_value(text).unit.dimension == dimension


@pytest.mark.parametrize("text", ["66.1 M barrels", "$5MM", "5 MMbbl", "9.9 Gt C", "13,235 km2",
                                  "33.8 million iPhones", "7.4 million unemployed"])
def test_new_spellings_read_alike_by_both_paths(text: str) -> None:
    fast, full = parse_value_text(text), _parse_in_full(text)
    assert (fast.number, fast.scale, fast.unit) == (full.number, full.scale, full.unit)


# 9. After review: rates after a sign, words that start with digits, every qualifier, the sign
# of a dot-grouped figure, a spaced capital alone, emissions intensities.
RATE_PER_TIME = "for a rate per hour, month or year, write the number alone"
MONEY_RATE = "is a rate of money: keep the currency and drop"


@pytest.mark.parametrize("text", ["500 €/month", "500 € per month", "5 £/hr"])
def test_a_sign_then_a_rate_keeps_the_rate_hint(text: str) -> None:
    message = _refused(text)
    assert MONEY_RATE in message and "is a currency sign" not in message


@pytest.mark.parametrize(("text", "noun"), [("300 3D printers", "3D printers"),
                                            ("4 5G stations", "5G stations"),
                                            ("12 35D printers", "35D printers")])
def test_a_word_that_starts_with_digits_is_counted(text: str, noun: str) -> None:
    value = parse_value(text)
    assert (value.unit.kind, value.unit.code) == ("count", noun)


@pytest.mark.parametrize("words", ["as many as", "slightly more than", "some", "above",
                                   "a maximum of", "at-least", "no fewer than"])
def test_every_qualifier_written_into_the_value_is_named(words: str) -> None:
    assert f"write the figure alone, and {words!r} as its `qualifier`" in \
        _refused(f"{words} 5,000 people")


def test_a_word_that_starts_like_a_qualifier_is_not_one() -> None:
    assert "expected NUMBER [SCALE] [UNIT]" in _refused("overall 5")


@pytest.mark.parametrize("read", [parse_value, _parse_in_full])
def test_a_negative_dot_grouped_figure_keeps_its_sign(read: object) -> None:
    with pytest.raises(InputError) as caught:
        read("-5.000₫")  # type: ignore[operator]
    assert "write the number as -5,000 and the sign as VND, or VND -5.000" in str(caught.value)


@pytest.mark.parametrize(("text", "message"), [
    ("5 M", "'5 M': M after a space may be a unit (molar) or million: write 5M or 5 million for "
            "millions, or 5 mol/L for molar"),
    ("2 B", "'2 B': B after a space may be a unit (bytes) or billion: write 2B or 2 billion "
            "for billions"),
])
def test_a_spaced_capital_alone_is_refused_with_both_meanings(text: str, message: str) -> None:
    assert _refused(text) == message


def test_a_spaced_k_alone_stays_kelvin_as_si_writes_it() -> None:
    assert _read("1.5 K") == (F(3, 2), "physical", "[temperature]")


INTENSITY = f"[mass] of CO2 / ({ENERGY})"


@pytest.mark.parametrize(("text", "dimension"), [
    ("480 gCO2/kWh", INTENSITY), ("0.48 kgCO2/kWh", INTENSITY), ("480 g CO2 per kWh", INTENSITY),
    ("480 gCO2e/kWh", INTENSITY.replace("CO2", "CO2e")),
    ("95 g CO2/km", "[mass] of CO2 / [length]"),
])
def test_an_emissions_intensity_is_a_mass_of_the_gas_per_a_unit(text: str,
                                                                dimension: str) -> None:
    assert parse_value(text).unit.dimension == dimension


def test_grams_and_kilograms_per_kwh_are_one_figure() -> None:
    assert _read("480 gCO2/kWh") == _read("0.48 kgCO2/kWh")
    assert _read("480 gCO2/kWh")[0] == F(480, 1000 * 3_600_000)


@pytest.mark.parametrize(("text", "message"), [
    ("5 t CO2 per capita", "a rate per person or per dollar is the number alone"),
    ("5 CO2/kWh", "an emissions intensity is a unit of mass, the gas, `/` and a unit"),
    ("5 Gt CO2/yr", RATE_PER_TIME),
])
def test_other_masses_of_gas_per_something_are_refused_with_a_hint(text: str,
                                                                   message: str) -> None:
    assert message in _refused(text)


# 10. Trade, commodity and health texts (red-team findings, round 3).
TROY_OUNCE = F("0.0311034768")  # kg: gold and silver; pint's ounce is 0.028349523125 kg
MASS, AREA = "[mass]", "[length] ** 2"


@pytest.mark.parametrize(("text", "kilograms"), [
    ("5 troy ounces", 5 * TROY_OUNCE), ("1 troy ounce", TROY_OUNCE), ("5 troy oz", 5 * TROY_OUNCE),
    ("5 oz t", 5 * TROY_OUNCE), ("5 ozt", 5 * TROY_OUNCE), ("5 toz", 5 * TROY_OUNCE),
    ("113.6 million troy ounces", F("113.6") * 10**6 * TROY_OUNCE),
    ("1.1m troy ounces", F("1.1") * 10**6 * TROY_OUNCE),
    ("132 Moz", 132 * 10**6 * TROY_OUNCE), ("132 moz", 132 * 10**6 * TROY_OUNCE),
    ("750 koz", 750 * 10**3 * TROY_OUNCE),
])
def test_gold_is_weighed_in_troy_ounces(text: str, kilograms: Fraction) -> None:
    assert _read(text) == (kilograms, "physical", MASS)


def test_34_tonnes_of_gold_are_1_1_million_troy_ounces() -> None:
    tonnes, ounces = parse_value("34 tonnes"), parse_value("1.1m troy ounces")
    assert abs(ounces.magnitude / tonnes.magnitude - 1) < F(1, 100)


@pytest.mark.parametrize("text", ["1.1m ounces", "5 ounce", "5 oz", "5 OZ", "5 ounces per ton",
                                  "5 oz/t"])
def test_a_bare_ounce_is_refused_as_troy_avoirdupois_or_fluid(text: str) -> None:
    message = _refused(text)
    assert "is ambiguous: write troy oz (31.1 g: gold, silver; Moz for a million), " \
           "avoirdupois oz (28.35 g), or US fl oz or imperial fl oz (volumes)" in message


@pytest.mark.parametrize(("text", "litres"), [
    ("5 US fl oz", F("0.0295735295625") * 5), ("5 imperial fluid ounces", F("0.0284130625") * 5),
])
def test_fluid_ounces_say_which(text: str, litres: Fraction) -> None:
    assert _read(text) == (litres / 1000, "physical", "[length] ** 3")


@pytest.mark.parametrize("text", ["5 fl oz", "5 fluid ounces"])
def test_a_fluid_ounce_alone_is_refused(text: str) -> None:
    assert "is ambiguous: write US fl oz (29.57 mL) or imperial fl oz (28.41 mL)" in _refused(text)


@pytest.mark.parametrize(("text", "kilograms"), [
    ("790 MMT", 790 * 10**9), ("790 mmt", 790 * 10**9), ("450 LMT", 450 * 10**8),
    ("5 kgs", 5), ("5 Kgs", 5), ("262 lakh quintals", 262 * 10**5 * 100), ("1 quintal", 100),
    ("5 qtl", 500),
    # read as before
    ("5 t", 5000), ("5 kg", 5), ("5 Mt", 5 * 10**9), ("5 kt", 5 * 10**6), ("5 tonnes", 5000),
])
def test_farm_and_trade_masses(text: str, kilograms: int) -> None:
    assert _read(text) == (F(kilograms), "physical", MASS)


@pytest.mark.parametrize(("text", "tonnes_a_year"), [
    ("5 ktpa", 5 * 10**3), ("5 KTPA", 5 * 10**3), ("5 MMTPA", 5 * 10**6), ("5 mtpa", 5 * 10**6),
])
def test_tonnes_per_annum(text: str, tonnes_a_year: int) -> None:
    assert _read(text) == _read(f"{tonnes_a_year} t/year")


@pytest.mark.parametrize(("text", "square_metres"), [
    ("110.5 mha", F("110.5") * 10**10), ("110.5 Mha", F("110.5") * 10**10),
    ("5 ha", 5 * 10**4), ("5 km²", 5 * 10**6), ("5 km2", 5 * 10**6),
])
def test_million_hectares_and_areas_read_as_before(text: str, square_metres: Fraction) -> None:
    assert _read(text) == (square_metres, "physical", AREA)


@pytest.mark.parametrize(("text", "message"), [
    ("332.22 mt", "unit 'mt' is ambiguous: write t for metric tonnes, or Mt for million tonnes"),
    ("50,000 mt", "write t for metric tonnes, or Mt for million tonnes"),
    ("5 mt CO2", "write t for metric tonnes, or Mt for million tonnes"),
    ("5 MT", "write Mt for megatonnes, or t for metric tonnes"),
    ("300,000 dwt", "unit 'dwt' is ambiguous: write t and name the deadweight in the metric "
                    "(capacity_dwt), or pennyweight"),
    ("5 tons per day", "t or tonnes (1,000 kg), short tons (907 kg) or long tons (1,016 kg) in "
                       "place of 'tons'"),
    ("5 tons a year", "in place of 'tons'"), ("5 mt/yr", "in place of 'mt'"),
])
def test_trade_units_of_two_meanings_are_refused(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize(("text", "noun"), [
    ("115 million coffee bags", "coffee bags"), ("45 million 132-pound bags", "132-pound bags"),
    ("168.2 million bags", "bags"), ("1 bag", "bag"),  # counted, never pint's 94-lb cement bag
    ("5 million head", "head"), ("5 million head of cattle", "head of cattle"),
])
def test_bags_and_head_counted(text: str, noun: str) -> None:
    value = parse_value(text)
    assert (value.unit.kind, value.unit.code) == ("count", noun)


def test_an_unknown_three_letter_unit_is_no_currency_message() -> None:
    message = _refused("790 MMX")
    assert message.startswith("unknown unit 'MMX'") and "nor is it an ISO 4217" in message


@pytest.mark.parametrize("noun", ["case", "death", "patient", "person", "child", "dose",
                                  "trial", "company", "firm", "vehicle", "household", "woman",
                                  "severe case", "AI-related patent"])
def test_one_of_a_counted_thing_is_a_count(noun: str) -> None:
    value = parse_value(f"1 {noun}")
    assert (value.magnitude, value.unit.kind, value.unit.code) == (1, "count", noun)


@pytest.mark.parametrize("text", ["5 cases", "5 people", "9 cases", "7.4 million unemployed"])
def test_plural_counts_read_as_before(text: str) -> None:
    assert parse_value(text).unit.kind == "count"


def test_every_count_noun_has_its_singular() -> None:
    from claimcheck.units import COUNT_NOUNS, SINGULAR_NOUNS
    assert {"company", "case", "death", "person", "vehicle"} <= SINGULAR_NOUNS
    assert len([noun for noun in COUNT_NOUNS if noun.endswith("s")]) <= len(SINGULAR_NOUNS)


@pytest.mark.parametrize("text", ["1 casee", "1 patinet", "1 per case", "1 widget"])
def test_no_other_singular_is_counted(text: str) -> None:
    assert "unknown unit" in _refused(text)


@pytest.mark.parametrize("text", ["5 deaths per million people", "5 deaths per thousand people"])
def test_a_count_per_so_many_is_a_rate_not_a_count(text: str) -> None:
    assert "for a rate per so many people, per share or per day, write the number alone" \
        in _refused(text)


@pytest.mark.parametrize(("text", "rate", "money"), [
    ("$9,990 per person", "per person", "$9,990"), ("$9,990 per capita", "per capita", "$9,990"),
    ("$9,990 per head", "per head", "$9,990"), ("$9,990/capita", "/capita", "$9,990"),
    ("9,990 USD per capita", "per capita", "9,990 USD"), ("€30 per person", "per person", "€30"),
    ("$5 per 1,000 people", "per 1,000 people", "$5"),
])
def test_money_per_person_keeps_its_currency(text: str, rate: str, money: str) -> None:
    assert _refused(text) == (
        f"{text!r} is a rate of money: keep the currency and drop {rate!r} (write {money}), and "
        "name the rate in the metric (us.health_spending_per_capita, eps for money per share)")


@pytest.mark.parametrize("text", ["5.168 per 100,000 people", "9,990 per person",
                                  "5 cases per 100,000"])
def test_a_count_per_person_keeps_the_count_advice(text: str) -> None:
    assert "for a rate per so many people, per share or per day, write the number alone and " \
           "name the rate in the metric" in _refused(text)


@pytest.mark.parametrize("text", ["1.1m troy ounces", "790 MMT", "1 case", "5 kgs", "2 qtl"])
def test_round_three_spellings_read_alike_by_both_paths(text: str) -> None:
    fast, full = parse_value_text(text), _parse_in_full(text)
    assert (fast.number, fast.scale, fast.unit) == (full.number, full.scale, full.unit)
