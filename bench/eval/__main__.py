"""``python -m bench.eval``: see bench/eval/run.py."""

import sys

from bench.eval.run import main

sys.exit(main())
