"""The access cache trusts nothing while disarmed and keeps no read a change overtook."""

from __future__ import annotations

from core.access_cache import AccessCache, KnownApiToken, KnownUser


def _user(user_id: int = 7, epoch: int = 0) -> KnownUser:
    return KnownUser(
        user_id=user_id,
        is_active=True,
        token_epoch=epoch,
        role="EMPLOYEE",
        department_id=3,
        username="someone",
    )


def _token(token_id: int = 5) -> KnownApiToken:
    return KnownApiToken(
        token_id=token_id, role="BI", user_id=None, expires_at=None, revoked=False, prefix="cft_x"
    )


def test_an_armed_cache_keeps_and_returns_what_was_read() -> None:
    cache = AccessCache()
    cache.arm()
    cache.keep_user(_user(), cache.generation)
    cache.keep_api_token("h", _token(), cache.generation)
    assert cache.user(7) == _user()
    assert cache.api_token("h") == _token()


def test_a_disarmed_cache_neither_keeps_nor_answers() -> None:
    # given a cache that never heard the channel confirm its subscription
    cache = AccessCache()
    # when a read is offered to it, then it is not kept
    cache.keep_user(_user(), cache.generation)
    cache.arm()
    assert cache.user(7) is None
    # and what an armed cache kept is gone once the channel is lost
    cache.keep_user(_user(), cache.generation)
    cache.disarm()
    assert cache.user(7) is None
    cache.arm()
    assert cache.user(7) is None


def test_a_read_that_began_before_a_change_is_not_kept() -> None:
    # given a read of user 7 under way
    cache = AccessCache()
    cache.arm()
    began = cache.generation
    # when a change of any user is announced meanwhile
    cache.forget_user(99)
    # then the read's result (possibly from before the change) is not kept
    cache.keep_user(_user(epoch=0), began)
    assert cache.user(7) is None
    # while a read begun after the notice is
    cache.keep_user(_user(epoch=1), cache.generation)
    assert cache.user(7) == _user(epoch=1)


def test_forgetting_drops_only_what_changed() -> None:
    cache = AccessCache()
    cache.arm()
    cache.keep_user(_user(7), cache.generation)
    cache.keep_user(_user(8), cache.generation)
    cache.keep_api_token("a", _token(5), cache.generation)
    cache.keep_api_token("b", _token(6), cache.generation)
    cache.forget_user(7)
    cache.forget_api_token(5)
    assert cache.user(7) is None and cache.user(8) == _user(8)
    assert cache.api_token("a") is None and cache.api_token("b") == _token(6)
