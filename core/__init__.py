"""The kernel every layer may use and that imports none of them.

Settings, clock, db, security, outbox, broker, channels, realtime, files, tabular, charts:
what the layers above (models, resolvers, schema, workers, admin_ui, crossflow) share.
"""
