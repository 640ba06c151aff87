"""Working days follow the Chinese statutory calendar, its make-up days, and the admin."""

from __future__ import annotations

from datetime import date, datetime

from core.clock import BUSINESS_TZ
from resolvers.workdays import Fallback, WorkCalendar


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=BUSINESS_TZ)


def test_the_national_day_week_is_skipped_and_its_make_up_saturday_counts() -> None:
    calendar = WorkCalendar({})
    # 2026-10-01..07 are holidays, Saturday 10-10 is a make-up working day
    assert not any(calendar.is_workday(date(2026, 10, day)) for day in range(1, 8))
    assert calendar.is_workday(date(2026, 10, 10))
    # a review submitted on Wednesday 30 September at 10:00 has 3 working days:
    # 10-08 (Thu), 10-09 (Fri), 10-10 (make-up Saturday)
    assert calendar.add_working_days(at(2026, 9, 30, 10), 3) == at(2026, 10, 10, 10)


def test_the_spring_festival_is_skipped() -> None:
    calendar = WorkCalendar({})
    # Spring Festival 2026: 02-15..02-23 off, Saturday 02-14 and 02-28 are make-up days
    assert calendar.is_workday(date(2026, 2, 14))
    assert not calendar.is_workday(date(2026, 2, 16))
    assert calendar.add_working_days(at(2026, 2, 13, 15), 2) == at(2026, 2, 24, 15)


def test_an_override_beats_the_package_and_an_unknown_year_follows_the_stated_fallback() -> None:
    calendar = WorkCalendar({date(2026, 10, 8): False, date(2027, 1, 1): False})
    assert not calendar.is_workday(date(2026, 10, 8))  # the admin closed the office
    assert not calendar.is_workday(date(2027, 1, 1))  # the admin entered 2027's New Year
    assert calendar.unknown_years == set()
    assert calendar.is_workday(date(2027, 1, 4))  # a Monday: weekdays fallback
    assert not calendar.is_workday(date(2027, 1, 9))  # a Saturday
    assert calendar.unknown_years == {2027}
    assert WorkCalendar({}, Fallback.ALL_DAYS).is_workday(date(2027, 1, 9))


def test_the_next_working_period_after_a_holiday_evening() -> None:
    calendar = WorkCalendar({})
    assert calendar.next_working_start(at(2026, 9, 30, 20)) == at(2026, 10, 8, 9)
    assert calendar.next_working_start(at(2026, 10, 8, 7)) == at(2026, 10, 8, 9)
    assert calendar.next_working_start(at(2026, 10, 8, 11)) == at(2026, 10, 8, 11)
