"""The compiled path: task lists answered by one SQL statement that builds their JSON.

See ``run.py`` for why and ``docs/decisions.md`` for the trade-offs; ``plan.py`` decides
which documents qualify, ``fields.py`` lists the fields it may read, ``sql.py`` writes the
statement.
"""
