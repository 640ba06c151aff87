"""Human codes are unique even when created at the same moment."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from resolvers import codes


async def test_forty_concurrent_requirement_codes_are_all_different(db: TortoiseContext) -> None:
    # given forty transactions that each allocate a code at once
    async def allocate() -> str:
        async with in_transaction() as conn:
            code = await codes.next_monthly_code(codes.REQUIREMENT, conn)
            await asyncio.sleep(0)  # let the others interleave inside their transactions
            return code

    allocated = await asyncio.gather(*(allocate() for _ in range(40)))
    # then every code is distinct and they count 001..040 within the month
    assert len(set(allocated)) == 40
    assert sorted(int(code[-3:]) for code in allocated) == list(range(1, 41))


async def test_codes_follow_the_month_in_beijing_time(db: TortoiseContext) -> None:
    async with in_transaction() as conn:
        # 2024-06-30 17:00 UTC is already July 1st in Beijing
        july = await codes.next_monthly_code(
            codes.REQUIREMENT, conn, datetime(2024, 6, 30, 17, tzinfo=UTC)
        )
        june = await codes.next_monthly_code(
            codes.REQUIREMENT, conn, datetime(2024, 6, 30, 15, tzinfo=UTC)
        )
    assert july == "XQ202407001"
    assert june == "XQ202406001"


async def test_task_codes_extend_their_requirement_code(db: TortoiseContext) -> None:
    async with in_transaction() as conn:
        first = await codes.next_task_code("XQ202407001", conn)
        second = await codes.next_task_code("XQ202407001", conn)
        other = await codes.next_task_code("XQ202407002", conn)
    assert first == ("RW202407001-01", 1)
    assert second == ("RW202407001-02", 2)
    assert other == ("RW202407002-01", 1)


async def test_a_rolled_back_transaction_does_not_burn_a_code(db: TortoiseContext) -> None:
    class Abort(Exception):
        pass

    try:
        async with in_transaction() as conn:
            await codes.next_monthly_code(codes.FEEDBACK, conn)
            raise Abort
    except Abort:
        pass
    async with in_transaction() as conn:
        code = await codes.next_monthly_code(codes.FEEDBACK, conn)
    assert code.endswith("001")
