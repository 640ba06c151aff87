"""GraphQL types and thin fields of one domain.

Feedback (协作反馈表) and improvement suggestions (流程优化建议表), and their follow-up.
"""
