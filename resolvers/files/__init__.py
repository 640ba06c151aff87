"""Use cases of one domain.

Files: attachments with versions, content checks, short-lived download links.
"""
