"""GraphQL types and thin fields of one domain.

Notifications: made in the use case's transaction, texts, channels, preferences, the inbox.
"""
