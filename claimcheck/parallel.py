"""Parse several claim files in parallel processes; results come back in file order."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from claimcheck.inputs import Limits
from claimcheck.loader import LoadedFile, load_file


def load_in_processes(files: list[str], limits: Limits, jobs: int) -> Iterator[LoadedFile]:
    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        yield from pool.map(load_file, files, [limits] * len(files))
