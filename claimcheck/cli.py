"""click commands: arguments -> settings -> api -> exit code. Nothing else lives here."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from claimcheck.atomic import write_atomically
from claimcheck.errors import ClaimcheckError
from claimcheck.findings import Report, Severity
from claimcheck.formats import FORMATS, QUOTING_FORMATS, formatter

FAIL_ON = ("error", "warning", "info", "never")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimcheck")
def cli() -> None:
    """claimcheck: a linter for the numbers in published text."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules", type=click.Path(), help="A rule-set file or folder.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report there.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True)
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in it.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record the current findings there.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              help="Processes: from 5,000 claims the work splits over two "
                   "(default: the core count; 1: one process).")
@click.option("--max-file-bytes", type=click.IntRange(min=1), help="Refuse larger claim files.")
@click.option("--max-claims", type=click.IntRange(min=1), help="Refuse files with more claims.")
def check(paths: tuple[str, ...], rules: str | None, output_format: str, output: str | None,
          fail_on: str, baseline: str | None, write_baseline: str | None, jobs: int,
          max_file_bytes: int | None, max_claims: int | None) -> None:
    """Check claim files and folders (default: claims/)."""
    gc.disable()  # a run builds millions of long-lived objects: collecting them is waste
    # The library is imported here, with collection already off: its imports build tens of
    # thousands of objects (pydantic's schemas) that would set off collections for nothing.
    from claimcheck.api import Settings, check_paths

    overrides = {k: v for k, v in (("max_file_bytes", max_file_bytes),
                                   ("max_claims", max_claims)) if v is not None}
    settings = Settings(paths=paths or ("claims",), rules=rules, jobs=jobs,
                        baseline=None if write_baseline else baseline, overrides=overrides,
                        keep_claims=output_format in QUOTING_FORMATS)
    report = check_paths(settings)
    if write_baseline:
        from claimcheck import baseline as baselines  # here: most runs write none

        baselines.write(write_baseline, report.findings)
    colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = formatter(output_format)(report, colour)
    if output:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)
    sys.exit(exit_code(report, fail_on))


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(f.severity is not None and f.severity.rank >= threshold
                   for f in report.findings))


@cli.command(name="rules")
@click.option("--rules", "rules", type=click.Path(), help="A rule-set file or folder.")
def list_rules(rules: str | None) -> None:
    """List the rules: name, severity in the rule set, what each flags; custom rules last."""
    from claimcheck.rules import RULES
    from claimcheck.ruleset import load_ruleset

    ruleset = load_ruleset(rules)
    custom = [(str(c.body.get("name", "?")), str(c.body.get("severity", "warning")),
               f"(custom, {c.file}:{c.line}) {c.body.get('description', c.body.get('expect', ''))}")
              for c in ruleset.custom]
    rows = [(name, ruleset.severity(name).value if ruleset.enabled(name) else "off",
             rule.summary) for name, rule in RULES.items()] + custom
    width = max(len(name) for name, _, _ in rows)
    for name, severity, summary in rows:
        click.echo(f"{name:<{width}}  {severity:<7}  {summary}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """What RULE checks, its options and an example."""
    from claimcheck.rules import RULES

    if rule not in RULES:
        raise click.UsageError(f"unknown rule {rule!r}; `claimcheck rules` lists them")
    chosen = RULES[rule]
    click.echo(f"{chosen.name} (default severity: {chosen.severity.value})\n")
    click.echo(chosen.doc)
    options = chosen.options().model_dump(exclude={"enabled", "severity"})
    if options:
        click.echo("\nOptions (rules/*.yaml, under rules: " + chosen.name + "):")
        for key, value in options.items():
            click.echo(f"  {key}: {_option_text(value)}")


def _option_text(value: Any) -> str:
    from fractions import Fraction

    if isinstance(value, Fraction):
        return f"{float(value) * 100:g}%"
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of claim files (for yaml-language-server and other editors)."""
    from claimcheck.schema import claim_file_schema

    click.echo(json.dumps(claim_file_schema(), indent=2, ensure_ascii=False))


def main() -> None:
    try:
        guarded(cli)
    except SystemExit as done:
        if done.code in (None, 0, 1) and "coverage" not in sys.modules:
            # A large run leaves millions of objects that interpreter shutdown would free one
            # by one (0.2 s at 100k claims); the report is written, so leave at once. (Not
            # under coverage.py, which writes its data at shutdown.)
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except OSError:
                    pass  # a reader that stopped early (`| head`) wants no more
            os._exit(done.code or 0)
        raise


def guarded(command: Callable[..., Any]) -> None:
    """Run the CLI; any failure ends in one line and exit 2, never a traceback."""
    try:
        command(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        click.echo("claimcheck: aborted", err=True)
        sys.exit(2)
    except click.ClickException as error:
        click.echo(f"claimcheck: {error.format_message()}", err=True)
        sys.exit(2)
    except ClaimcheckError as error:
        click.echo(f"claimcheck: {error}", err=True)
        sys.exit(2)
    except (OSError, RecursionError, MemoryError) as error:
        click.echo(f"claimcheck: {error}", err=True)
        sys.exit(2)
    except Exception as error:  # a bug, but a user still gets one line, not a traceback
        click.echo(f"claimcheck: internal error ({type(error).__name__}: {error}); "
                   "please report it with the input that caused it", err=True)
        sys.exit(2)
