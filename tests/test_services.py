"""The service fixtures hand out real, private, isolated servers (tests/support/services.py)."""

from __future__ import annotations

import asyncio
from urllib.parse import urlparse

import asyncpg
import pytest
import redis.asyncio as aioredis
from tortoise.backends.base.config_generator import expand_db_url

from tests.support.services import PostgresServer, RedisServer

SYSTEM_POSTGRES_PORT = 5432
SYSTEM_REDIS_PORT = 6379


@pytest.mark.postgres
async def test_postgres_url_is_a_real_private_server(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    assert postgres_server.port != SYSTEM_POSTGRES_PORT
    dbname = urlparse(postgres_url).path.lstrip("/")
    conn = await asyncpg.connect(postgres_url)
    try:
        version = await conn.fetchval("select version()")
        assert version.startswith("PostgreSQL ")
        assert await conn.fetchval("select current_database()") == dbname
    finally:
        await conn.close()


@pytest.mark.postgres
@pytest.mark.parametrize("round_", [1, 2])
async def test_each_test_gets_an_empty_database(postgres_url: str, round_: int) -> None:
    """Run twice: whichever runs second would see the first one's table if DBs were shared."""
    conn = await asyncpg.connect(postgres_url)
    try:
        tables = await conn.fetch(
            "select table_name from information_schema.tables where table_schema = 'public'"
        )
        assert tables == []
        await conn.execute("create table item (id serial primary key, name text not null)")
        await conn.executemany(
            "insert into item (name) values ($1)", [(f"round {round_}",), ("第二",)]
        )
        rows = await conn.fetch("select name from item order by id")
        assert [r["name"] for r in rows] == [f"round {round_}", "第二"]
    finally:
        await conn.close()


@pytest.mark.postgres
def test_postgres_url_is_tortoise_style(postgres_server: PostgresServer, postgres_url: str) -> None:
    config = expand_db_url(postgres_url)
    assert config["engine"] == "tortoise.backends.asyncpg"
    creds = config["credentials"]
    assert (creds["host"], creds["port"], creds["user"]) == (
        postgres_server.host,
        postgres_server.port,
        postgres_server.user,
    )
    assert creds["database"].startswith("cf_test_postgres_url_is_tortoise_style_")


@pytest.mark.redis
@pytest.mark.parametrize("round_", [1, 2])
async def test_redis_url_is_a_real_private_empty_server(
    redis_server: RedisServer, redis_url: str, round_: int
) -> None:
    assert redis_server.port != SYSTEM_REDIS_PORT
    client = aioredis.Redis.from_url(redis_url, decode_responses=True)
    try:
        assert await client.dbsize() == 0, "redis_url must start empty (flushed after each test)"
        await client.set("greeting", f"你好 {round_}")
        assert await client.get("greeting") == f"你好 {round_}"
    finally:
        await client.aclose()


@pytest.mark.redis
async def test_redis_pubsub_round_trip(redis_url: str) -> None:
    client = aioredis.Redis.from_url(redis_url, decode_responses=True)
    pubsub = client.pubsub()
    try:
        await pubsub.subscribe("crossflow-test")
        async with asyncio.timeout(10):
            # Wait for the subscription to be confirmed before publishing.
            while (await pubsub.get_message(timeout=1.0) or {}).get("type") != "subscribe":
                pass
            assert await client.publish("crossflow-test", "ping") == 1
            message = None
            while message is None:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
        assert message["channel"] == "crossflow-test"
        assert message["data"] == "ping"
    finally:
        await pubsub.aclose()
        await client.aclose()
