"""GraphQL types and thin fields of one domain.

The knowledge base (知识库): archiving finished requirements and reading them back.
"""
