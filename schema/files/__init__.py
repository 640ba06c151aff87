"""GraphQL types and thin fields of one domain.

Files: attachments with versions, content checks, short-lived download links.
"""
