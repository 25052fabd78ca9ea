"""overlap_in_floats, the screen growth-arithmetic, share-of-total and sum-of-parts share: its
finiteness test by comparisons (no math.isfinite call) must decide as the call did, and what it
decides must be what the exact ends say."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.rules.figures import HAIR, overlap_in_floats

_ANY = st.floats(allow_nan=True, allow_infinity=True)
_FINITE = st.floats(min_value=-1e30, max_value=1e30)


def _with_isfinite(low: float, high: float, lo: float, hi: float, size: float) -> bool | None:
    """overlap_in_floats as it was, with math.isfinite."""
    hair = HAIR * size
    if not (math.isfinite(hair) and hair > 1e-280):
        return None
    if low + hair < hi and lo + hair < high:
        return True
    if low > hi + hair or lo > high + hair:
        return False
    return None


@given(_ANY, _ANY, _ANY, _ANY, st.one_of(_ANY, st.sampled_from([0.0, 1e-271, math.inf])))
def test_comparisons_decide_as_isfinite(low: float, high: float, lo: float, hi: float,
                                        size: float) -> None:
    assert overlap_in_floats(low, high, lo, hi, size) == _with_isfinite(low, high, lo, hi, size)


@given(_FINITE, _FINITE, _FINITE, _FINITE)
def test_decides_as_the_exact_ends(a: float, b: float, c: float, d: float) -> None:
    low, high = min(a, b), max(a, b)
    lo, hi = min(c, d), max(c, d)
    size = max(abs(low), abs(high), abs(lo), abs(hi))
    settled = overlap_in_floats(low, high, lo, hi, size)
    if settled is not None:
        exact = (Fraction(low) <= Fraction(hi)) and (Fraction(lo) <= Fraction(high))
        assert settled == exact
