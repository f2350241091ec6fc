"""Run the real ``kg`` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KG = [sys.executable, "-c", "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"]


def env(home: Path) -> dict[str, str]:
    """The caller's environment without KG_* settings, with a private data directory."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    clean["XDG_DATA_HOME"] = str(home / "xdg")
    clean["OMP_NUM_THREADS"] = "1"
    return clean


def kg(*args: str | Path, home: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *map(str, args)], capture_output=True, text=True, env=env(home), timeout=timeout
    )


def kg_bytes(
    *args: str | Path, home: Path, timeout: float = 240
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*KG, *map(str, args)], capture_output=True, env=env(home), timeout=timeout
    )


def popen(*args: str | Path, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*KG, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(home),
    )
