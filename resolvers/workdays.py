"""The working-day calendar (工作日历): Chinese statutory holidays, make-up working weekends
(调休), and the admin's overrides.

An override row always wins. Otherwise ``chinesecalendar`` decides, for the years it knows
(2004–2026 in 1.11). For a year that neither knows, the calendar follows the configured
fallback (``CROSSFLOW_CALENDAR_FALLBACK``: ``weekdays`` — Monday to Friday work — or
``all_days``) and records the year in ``unknown_years`` so the caller can tell the admin:
the result is then a stated rule, never a silent guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

import chinese_calendar

from core import clock
from models import CalendarOverride

#: Working hours used for "start of the next working period" (quiet hours, digests).
WORKDAY_START = time(9, 0)
WORKDAY_END = time(18, 0)


class Fallback(StrEnum):
    WEEKDAYS = "weekdays"
    ALL_DAYS = "all_days"


class WorkCalendar:
    """Answers "is this a working day" for Beijing dates; load it with :meth:`load`."""

    def __init__(self, overrides: dict[date, bool], fallback: Fallback = Fallback.WEEKDAYS) -> None:
        self._overrides = overrides
        self._fallback = fallback
        self.unknown_years: set[int] = set()

    @classmethod
    async def load(cls, fallback: Fallback = Fallback.WEEKDAYS) -> WorkCalendar:
        """The calendar with every override (a few rows per year)."""
        return cls.of_rows(await CalendarOverride.all().values_list("day", "is_workday"), fallback)

    @classmethod
    def of_rows(
        cls, rows: Iterable[Sequence[Any]], fallback: Fallback = Fallback.WEEKDAYS
    ) -> WorkCalendar:
        """The calendar with the overrides' (day, is_workday) rows, read by the caller."""
        return cls({day: bool(flag) for day, flag in rows}, fallback)

    def is_workday(self, day: date) -> bool:
        if day in self._overrides:
            return self._overrides[day]
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            self.unknown_years.add(day.year)
            if self._fallback is Fallback.ALL_DAYS:
                return True
            return day.weekday() < 5

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The instant ``days`` working days after ``start``, at the same Beijing clock time.

        Counting skips holidays and weekends and includes make-up working weekends: a review
        submitted on Friday 10:00 before the National Day week is due the third working day
        after, at 10:00.
        """
        local = start.astimezone(clock.BUSINESS_TZ)
        day = local.date()
        counted = 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return datetime.combine(day, local.timetz())

    def is_working_time(self, moment: datetime) -> bool:
        """Inside working hours of a working day (Beijing time)."""
        local = moment.astimezone(clock.BUSINESS_TZ)
        return self.is_workday(local.date()) and WORKDAY_START <= local.time() < WORKDAY_END

    def next_working_start(self, moment: datetime) -> datetime:
        """The start of the next working period at or after ``moment``."""
        local = moment.astimezone(clock.BUSINESS_TZ)
        day = local.date()
        if self.is_workday(day) and local.time() < WORKDAY_START:
            return datetime.combine(day, WORKDAY_START, clock.BUSINESS_TZ)
        if self.is_working_time(moment):
            return local
        day += timedelta(days=1)
        while not self.is_workday(day):
            day += timedelta(days=1)
        return datetime.combine(day, WORKDAY_START, clock.BUSINESS_TZ)
