"""One command for the whole evaluation: ``.venv/bin/python -m bench.eval``.

Reads ../shared/eval-data (or ``--data``), runs kg's extractor once per
dataset in batches, prints the table and rewrites bench/eval/RESULTS.md.
Without the data folder (a fresh clone) it says so and exits 0: the data is
licensed for internal evaluation only and never enters the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import shlex
import sys
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "eval-data"
# --only name -> module; each has evaluate(data_dir, engine, limit) and the
# folder(s) it reads.
DATASETS = ("acled", "re3d", "plover", "conflibert", "ucdp", "fakes", "infobox")
NO_LIMIT = 10**9


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.eval", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="eval-data folder (default: %(default)s)"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="texts per dataset (default: each dataset's own; 0 = all)",
    )
    parser.add_argument(
        "--only", action="append", choices=DATASETS, help="run only this dataset (repeatable)"
    )
    parser.add_argument(
        "--save-baseline", metavar="NAME", help="store the numbers as baselines/NAME.json"
    )
    parser.add_argument(
        "--compare", metavar="NAME", help="add the F1 of baselines/NAME.json and the change"
    )
    parser.add_argument("--note", default="", help="what a saved baseline measures (kept in it)")
    parser.add_argument(
        "--out", type=Path, default=None, help="results file (default: RESULTS.md here)"
    )
    parser.add_argument(
        "--explain",
        type=int,
        default=0,
        metavar="N",
        help="also print, per row, the N commonest entities kg put where a missed gold end was",
    )
    parser.add_argument(
        "--half",
        choices=("held-out", "other"),
        default="held-out",
        help="rows to score: the held-out half (default) or the other half, which nobody read "
        "while writing rules (with 'other' the default --out is RESULTS-other-half.md)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.out is None:
        args.out = HERE / ("RESULTS-other-half.md" if args.half == "other" else "RESULTS.md")
    if not args.data.is_dir():
        print(f"skipping the evaluation: no eval data at {args.data}")
        return 0
    if args.limit is not None and args.limit < 0:
        print(f"--limit must be 0 (all) or more, not {args.limit}", file=sys.stderr)
        return 2
    for name in (args.save_baseline, args.compare):
        if name and not name.replace("-", "").replace("_", "").isalnum():
            print(f"baseline name {name!r}: use letters, digits, - and _ only", file=sys.stderr)
            return 2
    baseline, about = None, ""
    if args.compare:
        from bench.eval.report import load_baseline

        try:
            baseline, about = load_baseline(_baseline_path(args.compare))
        except (FileNotFoundError, ValueError) as exc:
            print(exc, file=sys.stderr)
            return 2
    try:
        from bench.eval.pipeline import Engine

        engine = Engine(progress=not args.quiet)
    except ImportError as exc:
        print(f"kg's pipeline is not importable yet ({exc}); nothing was run", file=sys.stderr)
        return 2

    from bench.eval.report import bar_lines, explanations, results_markdown, save_baseline, table
    from bench.eval.split import read_other_half

    read_other_half(args.half == "other")
    limit = NO_LIMIT if args.limit == 0 else args.limit
    rows, timings, failed = [], {}, []
    for name in args.only or DATASETS:
        module = _module(name)
        start = time.monotonic()
        _log(args, f"{name}: reading and extracting")
        try:
            rows += module.evaluate(args.data, engine, limit)
        except FileNotFoundError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)
            continue
        except Exception as exc:  # kg itself failed: report it, keep the other datasets
            print(f"{name} failed inside kg: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed.append(name)
            continue
        timings[name] = time.monotonic() - start
        _log(args, f"{name}: done in {timings[name]:.0f}s")

    command = " ".join(
        [
            ".venv/bin/python -m bench.eval",
            *map(shlex.quote, argv if argv is not None else sys.argv[1:]),
        ]
    )
    date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(table(rows, baseline, args.compare or ""))
    print("\n".join(bar_lines(rows)))
    if args.explain:
        print(explanations(rows, args.explain))
    print(f"\n{engine.texts} texts extracted in {engine.seconds:.0f}s")
    if failed:
        print(
            f"failed: {', '.join(failed)}; {args.out.name} and baselines left as they were",
            file=sys.stderr,
        )
        return 1
    markdown = results_markdown(rows, command, date, timings, baseline, args.compare or "", about)
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(markdown, encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out}")
    if args.save_baseline:
        path = _baseline_path(args.save_baseline)
        save_baseline(path, rows, command, date, args.note)
        print(f"saved baseline {path}")
    return 0


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"bench.eval.{name}")


def _baseline_path(name: str) -> Path:
    return HERE / "baselines" / f"{name}.json"


def _log(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
