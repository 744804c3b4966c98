"""Lists the operations of the spec that never answered 2xx in the schemathesis run; with --strict,
fails when there is one.

    python3 scripts/reached_2xx.py [--strict] <openapi.json> <reached log>

The log is written by the `after_call` hook of scripts/schemathesis_hooks.py, one `METHOD /path` per
operation the first time it succeeds. A run that only ever got 404s or 422s from an operation has
not tested what it does, however many cases it sent."""

import json
import sys

METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def main(spec_path: str, log_path: str, strict: bool) -> int:
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    operations = {f"{m.upper()} {path}" for path, item in spec["paths"].items() for m in item if m in METHODS}
    try:
        with open(log_path, encoding="utf-8") as f:
            reached = {line.strip() for line in f if line.strip()}
    except FileNotFoundError:
        reached = set()
    missing = sorted(operations - reached)
    print(f"schemathesis reached {len(operations) - len(missing)} of {len(operations)} operations with a 2xx answer")
    for label in missing:
        print(f"  never 2xx: {label}")
    return 1 if missing and strict else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--strict"]
    sys.exit(main(args[0], args[1], "--strict" in sys.argv[1:]))
