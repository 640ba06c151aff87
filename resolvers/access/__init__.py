"""Use cases of one domain.

Access: who is asking (auth, tokens, sign-in), who may act (policy) and what they may read
(scope).
"""
