"""The electronic sign-off's fingerprint of a requirement's content (电子签批).

A reviewer signs the SHA-256 of the form as they saw it; comparing it with the current
content's hash later shows "content changed since approval".
"""

from __future__ import annotations

import hashlib
import json

from models import Requirement
from resolvers.requirements.form import SIGNED as SIGNED_FIELDS


def content_hash(requirement: Requirement, involved_department_ids: list[int]) -> str:
    """SHA-256 over the signed fields and the involved departments, in a canonical form."""
    content = {name: str(getattr(requirement, name) or "") for name in SIGNED_FIELDS}
    content["involved_department_ids"] = ",".join(str(i) for i in sorted(involved_department_ids))
    if requirement.custom_fields:  # only when there are any: older hashes stay valid
        content["custom_fields"] = json.dumps(
            requirement.custom_fields, ensure_ascii=False, sort_keys=True
        )
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
