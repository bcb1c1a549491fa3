"""Configuration files: ``[tool.reconcile]`` in ``pyproject.toml``, or ``reconcile.toml``.

Found like ruff finds its own: from the working directory upward, the first folder
with a ``reconcile.toml``, or a ``pyproject.toml`` that has a ``[tool.reconcile]``
table, wins (``reconcile.toml`` first when a folder has both). A ``pyproject.toml``
without the table does not stop the search, so a project that keeps reconcile's
settings higher up is not cut off by an unrelated Python package below it. Only
that one file is read: settings are not merged across folders.

Any other file (``reconcile.toml``, ``--config ci/strict.toml``) holds the settings
at its top level or in a ``[tool.reconcile]`` table, as a copy of a pyproject.toml
would; not both, so that no setting is silently ignored.

Every value is checked here, so a typo is a ``ConfigError`` naming the file and
the key before any article is read. Command-line flags override these values.
"""

from __future__ import annotations

import difflib
import math
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reconcile.errors import ConfigError
from reconcile.settings import Settings

FILE_NAMES = ("reconcile.toml", "pyproject.toml")  # in a folder holding both, the first wins

FAIL_ON: dict[str, tuple[str, ...]] = {
    "none": (),
    "contradiction": ("contradiction",),
    "unsupported": ("contradiction", "unsupported"),
}
"""--fail-on level -> the finding kinds (``Kind`` values) that make the exit status 1.
Named by value so that ``reconcile --help``, which lists the levels, loads no model."""

_SETTING_ALIASES = {"date": "reference_date"}
_NUMERIC = {f.name: type(f.default) for f in fields(Settings) if type(f.default) in (int, float)}
"""Every numeric Settings field is a key of its own: scores and fractions are floats
in [0, 1], counts are integers >= 0 (see reconcile/settings.py for each)."""
_OTHER_KEYS = ("boilerplate", "date", "fail_on", "select", "ignore")
KEYS = tuple(sorted(_NUMERIC)) + _OTHER_KEYS


@dataclass(frozen=True)
class Config:
    """What a configuration file asks for, checked; ``None`` means "not set here"."""

    path: Path | None = None  # the file read, None when there is none
    settings: Settings = Settings()
    fail_on: str | None = None  # a key of FAIL_ON
    select: tuple[str, ...] | None = None  # rule ids; None: every rule
    ignore: tuple[str, ...] = ()  # rule ids


def find(start: Path) -> Path | None:
    """The configuration file that applies to ``start`` (a folder), if any."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in ``path``, or the one found upward from ``start`` (the
    working directory by default); an empty Config when there is none."""
    if path is None:
        path = find(Path.cwd() if start is None else start)
        if path is None:
            return Config()
    table = _table(path)
    if table is None:
        raise ConfigError(str(path), None, "has no [tool.reconcile] table")
    return parse(table, str(path))


def parse(table: Mapping[str, Any], where: str) -> Config:
    """A Config from the keys of a ``[tool.reconcile]`` table; ``where`` names the
    file in errors."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in KEYS:
            raise ConfigError(where, key, f"unknown key{_suggestion(name)}")
        if name in values:
            raise ConfigError(where, key, "given twice (with '-' and with '_')")
        values[name] = _value(name, value, key, where)
    changes = {_SETTING_ALIASES.get(k, k): v for k, v in values.items() if k not in ("fail_on", "select", "ignore")}
    return Config(
        path=Path(where),
        settings=Settings().replace(**changes),
        fail_on=values.get("fail_on"),
        select=values.get("select"),
        ignore=values.get("ignore", ()),
    )


def rule_ids(tokens: list[str] | tuple[str, ...], where: str, key: str | None) -> tuple[str, ...]:
    """Rule ids for tokens given as ids, names or id prefixes; an unknown one is a
    ConfigError naming ``key`` (shared by the file and the --select/--ignore flags)."""
    from reconcile import rules  # with the model it loads: not needed for --help

    ids: dict[str, None] = {}
    for token in tokens:
        found = rules.matching(token)
        if not found:
            raise ConfigError(where, key, f"unknown rule {token!r} (see 'reconcile rules')")
        ids.update(dict.fromkeys(rule.id for rule in found))
    return tuple(ids)


def _value(name: str, value: Any, key: str, where: str) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(where, key, f"expected {expected}, got {value!r}")

    if name in _NUMERIC:
        if _NUMERIC[name] is int:
            if type(value) is not int or value < 0:
                raise bad("a whole number >= 0")
            return value
        if type(value) not in (int, float) or not math.isfinite(value) or not 0 <= value <= 1:
            raise bad("a number from 0 to 1")
        return float(value)
    if name == "fail_on":
        if value not in FAIL_ON:
            raise bad("one of " + ", ".join(FAIL_ON))
        return value
    if name in ("select", "ignore", "boilerplate"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of strings")
        if name == "boilerplate":
            for pattern in value:
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise ConfigError(where, key, f"invalid regular expression {pattern!r}: {error}") from None
            return tuple(value)
        return rule_ids(value, where, key)
    # date: TOML's own date, or a string of the same form
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise bad("a date YYYY-MM-DD")


def _suggestion(name: str) -> str:
    close = difflib.get_close_matches(name, KEYS, n=1)
    return f" (did you mean {close[0].replace('_', '-')!r}?)" if close else ""


def _read(path: Path) -> dict[str, Any]:
    # imported here, when a file is found: the TOML parser's patterns cost 2 ms to compile
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(str(path), None, "no such file") from None
    except OSError as error:
        raise ConfigError(str(path), None, error.strerror or str(error)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), None, f"not valid TOML: {error}") from None


def _table(path: Path) -> Mapping[str, Any] | None:
    """The reconcile table of a file: ``[tool.reconcile]`` of a pyproject.toml; of
    any other file, that table if it has one, else the whole file. None for a
    pyproject.toml without the table."""
    data = _read(path)
    tool = data.get("tool")
    table = tool.get("reconcile") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(str(path), "tool.reconcile", "expected a table")
    if path.name == "pyproject.toml":
        return table
    settings = [key for key in data if key.replace("-", "_") in KEYS]
    if table is None:
        if not settings and any(isinstance(value, dict) for value in data.values()):  # no setting is a table
            raise ConfigError(str(path), None, "no reconcile settings: neither a [tool.reconcile] table "
                                               "nor settings at the top level")
        return data
    if settings:
        raise ConfigError(str(path), None, f"settings both at the top level ({settings[0]}) and in "
                                           "[tool.reconcile]: keep one of the two")
    return table


def _has_table(path: Path) -> bool:
    """Whether a pyproject.toml found on the way up configures reconcile. An
    unreadable one counts, so its error is reported rather than skipped."""
    try:
        return _table(path) is not None
    except ConfigError:
        return True
