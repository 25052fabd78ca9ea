"""Child process for bench/run.py: parse claim files with one YAML parser, report timings.

    python bench/parse_child.py yaml-rs|csafe [--gc-off] FILE...

Prints one JSON line: {"parser", "import_s", "read_s", "parse_s", "claims", "sources"}.
The parent times the whole process and reads its peak RSS; this reports the in-process parts.
"""

import gc
import json
import sys
import time


def main(argv: list[str]) -> int:
    parser, *rest = argv
    gc_off = "--gc-off" in rest
    files = [a for a in rest if a != "--gc-off"]
    t0 = time.perf_counter()
    if parser == "yaml-rs":
        import yaml_rs

        def load(text):
            return yaml_rs.loads(text, parse_datetime=False)
    elif parser == "csafe":
        import yaml

        def load(text):
            return yaml.load(text, Loader=yaml.CSafeLoader)
    else:
        print(f"unknown parser {parser!r}", file=sys.stderr)
        return 2
    t1 = time.perf_counter()
    texts = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            texts.append(fh.read())
    t2 = time.perf_counter()
    if gc_off:
        gc.disable()
    claims = sources = 0
    for text in texts:
        doc = load(text) or {}
        claims += len(doc.get("claims") or ())
        sources += len(doc.get("sources") or ())
    t3 = time.perf_counter()
    print(json.dumps({"parser": parser, "import_s": t1 - t0, "read_s": t2 - t1, "parse_s": t3 - t2,
                      "claims": claims, "sources": sources}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
