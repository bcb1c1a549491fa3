"""Errors the library raises for the command line to turn into exit code 2."""

from __future__ import annotations


class ReconcileError(Exception):
    """Base of every error a user can cause and fix."""


class InputError(ReconcileError):
    """A source cannot be read as text; the message names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(ReconcileError):
    """A configuration file or option that cannot be used; the message names the
    file and the key so the user knows what to fix."""

    def __init__(self, path: str, key: str | None, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")
        self.path = path
        self.key = key
        self.problem = problem
