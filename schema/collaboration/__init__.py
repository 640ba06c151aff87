"""GraphQL types and thin fields of one domain.

Collaboration between departments: comments with mentions, requests, meetings.
"""
