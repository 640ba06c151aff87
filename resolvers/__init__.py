"""Queries and mutations as use cases: state machines, permissions, dataloaders."""
