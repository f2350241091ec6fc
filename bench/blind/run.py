"""Score `kg extract` on the blind articles, after checking that the gold is sound.

The blind set is the team's one honest number: it is only ever run for a final
measurement, never read while writing rules.

    .venv/bin/python bench/blind/run.py            # check gold, then score
    .venv/bin/python bench/blind/run.py --check    # check gold only
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from bench.goldset import main, norm  # noqa: E402

# Capitals that the articles use both as places and as metonyms for a state.
SHARED_ALIASES = frozenset(norm(name) for name in ("Abu Dhabi", "Kyiv", "Kiev", "Niamey"))

if __name__ == "__main__":
    sys.exit(main(HERE, __doc__.splitlines()[0], SHARED_ALIASES))
