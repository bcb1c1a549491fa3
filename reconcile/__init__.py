"""Reconcile the claims of several articles about one event.

    >>> import reconcile
    >>> report = reconcile.compare(["a.txt", "b.txt"])
    >>> report.counts

Names are imported on first use, so ``reconcile --help`` does not pay for
numpy and rapidfuzz.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Analysis": "reconcile.model",
    "Text": "reconcile.api",
    "analyse": "reconcile.facts.claims",
    "check": "reconcile.api",
    "compare": "reconcile.api",
    "extract": "reconcile.api",
    "reconcile_documents": "reconcile.api",
    "InputError": "reconcile.errors",
    "ReconcileError": "reconcile.errors",
    "Finding": "reconcile.model",
    "Kind": "reconcile.model",
    "Report": "reconcile.model",
    "Settings": "reconcile.settings",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
