"""The days on which the graph changes: every first day of a fact's validity, and the day
after every last day (the first on which it no longer holds). The time slider stops on them."""

from datetime import date, timedelta

from app.store.base import GraphStore


def change_days(store: GraphStore) -> list[date]:
    days: set[date] = set()
    for row in store.run("data_dates", {}):
        if row["first_day"] is not None:
            days.add(row["first_day"])
        if row["last_day"] is not None and row["last_day"] < date.max:
            days.add(row["last_day"] + timedelta(days=1))
    return sorted(days)
