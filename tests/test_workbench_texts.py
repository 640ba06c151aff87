"""Every error code and sign-in refusal the API can give has a workbench text in both languages.

The workbench shows the API's own bilingual message where it has one, and otherwise the text
of the error's ``extensions.code`` (``web/src/errors.ts``), or of the reason the sign-in
routes put in ``#sso_error=`` (``web/src/pages/LoginPage.tsx``). The codes are read from
where the API declares them: the table of ``docs/api.md`` "Errors" and every domain error's
``code`` in the sources (which must also be in that table); the sign-in reasons from the
calls that refuse a sign-in. A code added without its texts fails here, not in front of a
person.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
TEXTS = REPOSITORY / "web" / "src" / "texts" / "more.json"
WORDS = REPOSITORY / "web" / "src" / "i18n.tsx"
SOURCES = ("crossflow", "core", "resolvers", "schema", "admin_ui", "workers")

#: ``code = "FORBIDDEN"`` or ``code: ClassVar[str] = "BAD_REQUEST"`` in a DomainError class.
DOMAIN_CODE = re.compile(r'^\s+code(?::\s*ClassVar\[str\])?\s*=\s*"([A-Z_]+)"', re.M)
#: ``refused(purpose, "EXPIRED")`` and ``SignOnRefused("NO_DEPARTMENT", …)``.
SIGN_ON_REASON = re.compile(r'(?:\brefused\([^()"]*,\s*|SignOnRefused\(\s*)"([A-Z_]+)"')


def _python_sources() -> list[Path]:
    return [
        path
        for folder in SOURCES
        if (REPOSITORY / folder).is_dir()
        for path in (REPOSITORY / folder).rglob("*.py")
    ]


def documented_codes() -> set[str]:
    """The codes of the "Errors" table in docs/api.md."""
    text = (REPOSITORY / "docs" / "api.md").read_text()
    section = text.split("\n## Errors\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", section, re.M))


def domain_codes() -> set[str]:
    return {code for path in _python_sources() for code in DOMAIN_CODE.findall(path.read_text())}


def sign_on_reasons() -> set[str]:
    found = {r for path in _python_sources() for r in SIGN_ON_REASON.findall(path.read_text())}
    # The panel's own refusal of a non-administrator (admin_ui/auth.py redirects with it).
    return found | {"NOT_ADMIN"}


def _texts() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = json.loads(TEXTS.read_text())
    return texts


def _in_both_languages(key: str) -> bool:
    texts = _texts()
    if all(texts[language].get(key, "").strip() for language in ("zh", "en")):
        return True
    # Older texts live in i18n.tsx, once in the Chinese and once in the English table.
    return len(re.findall(rf'^\s+"{re.escape(key)}": "[^"]+",$', WORDS.read_text(), re.M)) == 2


def test_the_declared_codes_are_found_where_expected() -> None:
    # given the declarations read from the docs and the sources
    documented, domain, reasons = documented_codes(), domain_codes(), sign_on_reasons()
    # then each source gave what we know is there (an empty scan would pass vacuously)
    assert {"UNAUTHENTICATED", "BAD_USER_INPUT", "CSRF_REJECTED"} <= documented
    assert {"FORBIDDEN", "CONFLICT", "SIGN_ON_REFUSED"} <= domain
    assert {"ACCOUNT_CONFLICT", "NO_DEPARTMENT", "EXPIRED", "PROVIDER_REFUSED"} <= reasons


def test_every_domain_error_code_is_in_the_documented_table() -> None:
    assert domain_codes() - documented_codes() == set()


def test_every_error_code_has_a_workbench_text_in_chinese_and_english() -> None:
    missing = sorted(
        c for c in documented_codes() | domain_codes() if not _in_both_languages(f"code.{c}")
    )
    assert missing == []


def test_every_sign_in_refusal_has_a_workbench_text_in_chinese_and_english() -> None:
    missing = sorted(r for r in sign_on_reasons() if not _in_both_languages(f"sso.{r}"))
    assert missing == []


def test_the_chinese_and_english_tables_name_the_same_texts() -> None:
    texts = _texts()
    assert sorted(texts["zh"]) == sorted(texts["en"])
    assert not [key for key, text in texts["zh"].items() if not re.search(r"[\u4e00-\u9fff]", text)]
