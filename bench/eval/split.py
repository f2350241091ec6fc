"""Which rows are held out for evaluation, and which anyone may train on.

The issue invites learned components trained on this same data (a relation
classifier on ACLED notes, re3d, PLOVER...). To keep the scores honest the
harness reads only the held-out half of each dataset, chosen by a hash of
the row's own id, so the split is the same on every machine and for every
subset. A training script imports ``held_out`` and skips those rows.
ConfliBERT ships its own train/test split; the harness reads ``test``.

``--half other`` (``read_other_half``) makes the harness score the other
half instead: while the extractor's rules were written the team sampled
missed relations of the held-out half to find categories of failure, so the
other half, which nobody read, checks that those rules were not fitted to
the rows they came from.
"""

from __future__ import annotations

import hashlib


def held_out(dataset: str, row_id: str) -> bool:
    """True for the half of ``dataset``'s rows reserved for evaluation."""
    digest = hashlib.sha256(f"{dataset}\x00{row_id}".encode()).digest()
    return digest[0] % 2 == 0


_other_half = False


def read_other_half(other: bool = True) -> None:
    """Make ``scored`` pick the other half (for ``--half other``)."""
    global _other_half
    _other_half = other


def scored(dataset: str, row_id: str) -> bool:
    """True for the rows this run of the harness scores (the held-out half by default)."""
    return held_out(dataset, row_id) != _other_half
