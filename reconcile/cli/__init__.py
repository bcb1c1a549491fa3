"""The command line: parse options, call the library, render, map errors to exit 2.

``app`` (the app and the options its commands share), ``run`` (configuration,
the library call, writing, the exit status) and ``commands`` (each command, and
``main``). ``reconcile --help`` and a usage error load typer and little else:
rich, the model and the pipeline are imported by the commands that use them."""

from reconcile.cli.commands import app, main

__all__ = ["app", "main"]
