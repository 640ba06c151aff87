"""GraphQL types and thin fields of one domain.

Admin-defined form fields (自定义表单字段): definitions, values, reading them back.
"""
