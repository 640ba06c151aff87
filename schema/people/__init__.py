"""GraphQL types and thin fields of one domain.

People and departments from the outside: import files, directory sync, collaboration suites.
"""
