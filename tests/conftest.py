"""Shared fixtures: the database per backend, the app, signed-in clients."""

pytest_plugins = ["tests.support.services"]
