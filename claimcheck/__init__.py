"""claimcheck: a linter for the numbers in published text."""

__version__ = "0.1.0"
