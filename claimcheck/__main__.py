"""`python -m claimcheck`: the CLI, with collection off from the first import."""

import gc


def run() -> None:
    # cli.check turns collection off for the run and the library's imports; off before click
    # and the standard modules it imports, their objects set off no collections either
    # (9M instructions of every run's start-up).
    gc.disable()
    from claimcheck.cli import main

    main()


if __name__ == "__main__":
    run()
