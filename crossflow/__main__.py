"""``python -m crossflow`` is the ``crossflow`` command."""

from crossflow.cli import app

app()
