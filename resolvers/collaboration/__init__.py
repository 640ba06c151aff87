"""Use cases of one domain.

Collaboration between departments: comments with mentions, requests, meetings.
"""
