"""GraphQL's variable errors without the Python reprs graphql-core puts in them.

graphql-core quotes the client's value with Python's ``repr`` (``found: {'nope': 1}``,
``non-integer value: [1, 2]``, scalar errors quoting ``"{'a': 1}"``), which reads as a
server internal to a JavaScript client and leaks Python's spelling of types. The value is
the client's own, so the message keeps what was wrong and where (the variable, the path
inside it, the expected type) and drops the echo of the value.
"""

from __future__ import annotations

import re

#: Where graphql-core starts echoing the value: after "found:" (object and enum errors)
#: or after the colon of "<Type> cannot represent …: <value>" (scalar errors).
_VALUE_ECHO = re.compile(r"[,;]? found: .*$|(?<=cannot represent)([^:]*): .*$", re.DOTALL)
#: A Python class repr, e.g. ``<class 'dict'>``.
_CLASS_REPR = re.compile(r"<class '(?:[\w.]+\.)?(\w+)'>")


def plain_variable_message(message: str) -> str:
    """``message`` without Python reprs when it is an error about a variable's value."""
    if not message.startswith("Variable '$"):
        return message
    head, separator, reason = message.partition(" has invalid value")
    if separator:
        where, colon, detail = reason.partition(": ")
        reason = where + colon + _without_echo(detail) if colon else reason
        message = head + separator + reason
    return _CLASS_REPR.sub(r"\1", message)


def _without_echo(detail: str) -> str:
    plain = _VALUE_ECHO.sub(lambda match: match.group(1) or "", detail).rstrip(" .")
    return plain + "."
