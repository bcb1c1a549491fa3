"""Our unit table (reconcile/data/numbers.py UNITS) against pint, the measurement behind
the "Quantities" section of docs/accuracy.md. Needs pint, which reconcile does not
depend on:

    python -m venv /tmp/pint && /tmp/pint/bin/pip install pint
    PYTHONPATH=. /tmp/pint/bin/python bench/units.py

Prints pint's import and registry time, then every unit word both know whose factor to
the base unit differs by more than 0.1 %, and the words pint cannot read.
"""

from __future__ import annotations

import time

t0 = time.perf_counter()
import pint  # noqa: E402

t1 = time.perf_counter()
registry = pint.UnitRegistry()
t2 = time.perf_counter()

from reconcile.data.numbers import UNITS  # noqa: E402

BASE = {"length:m": "m", "mass:kg": "kg", "duration:s": "s", "area:m2": "m**2", "volume:m3": "m**3",
        "speed:m/s": "m/s", "power:W": "W", "energy:Wh": "W*h", "currency:USD": None, "currency:GBP": None,
        "temperature:C": "degC", "age:year": None}

print(f"pint {pint.__version__}: import {1000 * (t1 - t0):.0f} ms, UnitRegistry() {1000 * (t2 - t1):.0f} ms")
unread, differ = [], []
for word, (dimension, factor, shift) in sorted(UNITS.items()):
    base = BASE[dimension]
    if base is None:
        continue
    try:
        if dimension.startswith("temperature"):
            theirs = registry.Quantity(100.0, registry.parse_units(word)).to(base).magnitude
            ours = 100.0 * factor + shift
        else:
            theirs, ours = registry.Quantity(1.0, registry.parse_units(word)).to(base).magnitude, factor
    except Exception as error:  # noqa: BLE001 - any failure is a word pint cannot read
        unread.append(f"{word} ({type(error).__name__})")
        continue
    if abs(theirs - ours) > 1e-3 * abs(ours):
        differ.append(f"{word}: ours {ours:g}, pint {theirs:g} {base}")
print(f"{len(differ)} words differ by more than 0.1 %:", *differ, sep="\n  ")
print(f"{len(unread)} words pint cannot read:", ", ".join(unread))
