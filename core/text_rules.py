"""What no text a person types may hold, for the API's edge and the admin panel alike.

The API refuses it for every operation at once (``schema/hygiene.py``); the panel's forms
check it before a use case runs, so both refuse the same characters.
"""

from __future__ import annotations

import re

#: C0 controls but tab (09), line feed (0A) and carriage return (0D); DEL and the C1 block
#: (7F–9F); UTF-16 surrogates, which only a broken client sends alone and no UTF-8 can store.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
