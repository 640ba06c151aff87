"""What a bearer or API token stands for, kept in memory between requests.

Reading the signed-in viewer cost a SQL statement per request; this cache holds each
user's sign-in state (active, token epoch, role, department, username) and each API
token's record, so a request with a known token sends none. It is trusted only while this
process listens to the invalidation channel (``core.realtime.Hub``: Redis pub/sub shared
by every replica, worker and console command):

- every change that ends or alters someone's access announces itself there after its
  commit (``Hub.viewer_changed`` / ``Hub.api_token_changed``), and every process drops the
  entry on hearing it;
- the cache is empty and bypassed (every request reads the database, as before) until
  the subscription is confirmed, and again from the moment it is lost, so a notice missed
  while Redis was away can never leave a stale grant behind;
- a read that started before a drop is not kept (the *generation* check), so a row read
  just before a change commits cannot be stored after the change was announced.

docs/decisions.md, "The signed-in viewer without a database round trip", has the why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

#: Beyond this many entries the cache starts afresh (a crude bound, never reached by the
#: people of one company; it keeps a flood of distinct tokens from growing memory).
MAX_ENTRIES = 50_000


@dataclass(frozen=True, slots=True)
class KnownUser:
    """A user's sign-in state, as the viewer of a token needs it."""

    user_id: int
    is_active: bool
    token_epoch: int
    role: str
    department_id: int | None
    username: str


@dataclass(frozen=True, slots=True)
class KnownApiToken:
    """An API token's record (revoked ones too: revocation is final)."""

    token_id: int
    role: str
    user_id: int | None
    expires_at: datetime | None
    revoked: bool
    prefix: str


class AccessCache:
    """Users by id and API tokens by their stored hash, valid while ``armed``."""

    def __init__(self) -> None:
        self._users: dict[int, KnownUser] = {}
        self._tokens: dict[str, KnownApiToken] = {}
        self._generation = 0
        self._armed = False

    @property
    def armed(self) -> bool:
        return self._armed

    @property
    def generation(self) -> int:
        """Take this before reading the database; pass it to ``keep_*`` with the result."""
        return self._generation

    def arm(self) -> None:
        """The invalidation channel is listened to from now on: start empty, then trust."""
        self._reset()
        self._armed = True

    def disarm(self) -> None:
        """The channel is lost: forget everything and read the database until re-armed."""
        self._armed = False
        self._reset()

    def user(self, user_id: int) -> KnownUser | None:
        return self._users.get(user_id) if self._armed else None

    def api_token(self, token_hash: str) -> KnownApiToken | None:
        return self._tokens.get(token_hash) if self._armed else None

    def keep_user(self, known: KnownUser, generation: int) -> None:
        if self._keeps(generation):
            self._users[known.user_id] = known

    def keep_api_token(self, token_hash: str, known: KnownApiToken, generation: int) -> None:
        if self._keeps(generation):
            self._tokens[token_hash] = known

    def forget_user(self, user_id: int) -> None:
        self._generation += 1
        self._users.pop(user_id, None)

    def forget_api_token(self, token_id: int) -> None:
        self._generation += 1
        for token_hash in [h for h, t in self._tokens.items() if t.token_id == token_id]:
            del self._tokens[token_hash]

    def _keeps(self, generation: int) -> bool:
        if not self._armed or generation != self._generation:
            return False
        if len(self._users) + len(self._tokens) >= MAX_ENTRIES:
            self._users.clear()
            self._tokens.clear()
        return True

    def _reset(self) -> None:
        self._generation += 1
        self._users.clear()
        self._tokens.clear()
