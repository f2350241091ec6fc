"""Settings read once from flags and the environment, then passed down.

Nothing else in kg reads ``os.environ``: stages take a ``Settings`` (or the
single value they need) as an argument, which keeps them testable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_BASE = "http://localhost:8000/"


def default_store_dir() -> Path:
    """``KG_STORE``, else the per-user data directory (XDG on Linux)."""
    if os.environ.get("KG_STORE"):
        return Path(os.environ["KG_STORE"])
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "kg" / "store"


@dataclass(frozen=True)
class Settings:
    """Everything configurable.

    ``base`` is the IRI base entity, article and statement IRIs are minted
    under (``{base}id/Russia``); change it before the first ingest, since IRIs
    are part of the data. ``actor_files`` are extra actor-dictionary files
    (JSONL, same format as ``kg/data/actors.jsonl``) that extend or override
    the built-in one.
    """

    store_dir: Path = field(default_factory=default_store_dir)
    base: str = DEFAULT_BASE
    actor_files: tuple[Path, ...] = ()
    api_token: str | None = None
    cors_origins: tuple[str, ...] = ()
    frame_ancestors: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``KG_*`` variables; keyword overrides win (None is ignored)."""
        env = os.environ
        base = env.get("KG_BASE", DEFAULT_BASE)
        if not base.endswith(("/", "#")):
            base += "/"
        settings = cls(
            store_dir=default_store_dir(),
            base=base,
            actor_files=tuple(Path(p) for p in _split(env.get("KG_ACTORS", ""), os.pathsep)),
            api_token=env.get("KG_API_TOKEN") or None,
            cors_origins=tuple(_split(env.get("KG_CORS_ORIGINS", ""), ",")),
            frame_ancestors=tuple(_split(env.get("KG_FRAME_ANCESTORS", ""), ",")),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "store_dir" in given:
            given["store_dir"] = Path(str(given["store_dir"]))
        return replace(settings, **given)  # type: ignore[arg-type]


def _split(value: str, sep: str) -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]
