"""Score `kg extract` on the held-out articles, after checking the gold is sound.

The held-out set is a test set: it measures how well the extractor carries over
to conflicts it was not built on. Never write a rule, alias or pattern from it.

    .venv/bin/python bench/heldout/run.py            # check gold, then score
    .venv/bin/python bench/heldout/run.py --check    # check gold only
    .venv/bin/python bench/heldout/run.py --json     # also print the scorer's JSON
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from bench.goldset import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(HERE, __doc__.splitlines()[0]))
