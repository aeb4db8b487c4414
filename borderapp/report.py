"""The quarterly indicator report of the strategy, from the records themselves. One code for the central
console (all stations, from the central store) and for a station's supervisor (offline, from the station's
store): each store gives the same two inputs, this module computes the rest.

Inputs:
- crossing counts, already grouped by the store: (bcp, direction, unaccompanied, flagged, count) for the
  quarter's active crossings (`CROSSING_COUNTS_SQL` works on SQLite and PostgreSQL alike);
- the quarter's interviews: their BCP and the times crossing -> opened -> both present -> signed -> referred.

Per BCP and for all BCPs together: children by direction, unaccompanied, flagged, interviews held (signed),
the share with the female anti-trafficking officer and the social worker both present, referrals by
destination, and average and median processing times (crossing to interview, crossing to referral).
The anonymised export drops nothing it does not have (the report never holds names, document numbers or free
text) and suppresses every count below the threshold (default 11) as "<11".
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

ALL = "ALL"
DESTINATIONS = ("responsible_authority", "child_protection_unit", "shelter", "family")
SUPPRESS_BELOW = 11

# (bcp, direction, unaccompanied, flagged, count) for active crossings in [start, end).
CROSSING_COUNTS_SQL = (
    "SELECT bcp, direction, CASE WHEN accompaniment = 'alone' THEN 1 ELSE 0 END AS alone, "
    "CASE WHEN flag_count > 0 THEN 1 ELSE 0 END AS flagged, count(*) FROM crossings "
    "WHERE status = 'active' AND crossed_at >= :start AND crossed_at < :end "
    "GROUP BY bcp, direction, CASE WHEN accompaniment = 'alone' THEN 1 ELSE 0 END, "
    "CASE WHEN flag_count > 0 THEN 1 ELSE 0 END"
)
# The quarter's interviews (by the crossing's time) with the crossing's BCP.
INTERVIEWS_SQL = (
    "SELECT c.bcp, i.status, i.crossing_at, i.opened_at, i.both_present_at, i.signed_at, i.referred_at, "
    "i.referral FROM interviews i JOIN crossings c ON c.record_id = i.crossing_id "
    "WHERE i.crossing_at >= :start AND i.crossing_at < :end"
)


def quarter_bounds(year: int, quarter: int) -> tuple[str, str]:
    """[start, end) of the quarter as stored times (UTC, ISO 8601)."""
    if not 1 <= quarter <= 4:
        raise ValueError("the quarter is 1, 2, 3 or 4")
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return f"{start.isoformat()}T00:00:00Z", f"{end.isoformat()}T00:00:00Z"


@dataclass
class Row:
    bcp: str
    entries: int = 0
    exits: int = 0
    unaccompanied: int = 0
    flagged: int = 0
    interviews: int = 0  # signed
    both_present: int = 0
    referrals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DESTINATIONS, 0))
    to_interview_h: list[float] = field(default_factory=list)
    to_referral_h: list[float] = field(default_factory=list)

    @property
    def children(self) -> int:
        return self.entries + self.exits

    @property
    def both_present_pct(self) -> float | None:
        return round(100 * self.both_present / self.interviews, 1) if self.interviews else None

    @staticmethod
    def _avg(values: list[float]) -> float | None:
        return round(statistics.fmean(values), 1) if values else None

    @staticmethod
    def _median(values: list[float]) -> float | None:
        return round(statistics.median(values), 1) if values else None

    def figures(self) -> dict[str, Any]:
        return {
            "bcp": self.bcp,
            "children": self.children,
            "entries": self.entries,
            "exits": self.exits,
            "unaccompanied": self.unaccompanied,
            "flagged": self.flagged,
            "interviews": self.interviews,
            "both_present_pct": self.both_present_pct,
            **{f"referred_{d}": n for d, n in self.referrals.items()},
            "hours_to_interview_avg": self._avg(self.to_interview_h),
            "hours_to_interview_median": self._median(self.to_interview_h),
            "hours_to_referral_avg": self._avg(self.to_referral_h),
            "hours_to_referral_median": self._median(self.to_referral_h),
        }


COLUMNS = tuple(Row(ALL).figures())
COUNT_COLUMNS = (
    "children", "entries", "exits", "unaccompanied", "flagged", "interviews", *(f"referred_{d}" for d in DESTINATIONS)
)  # fmt: skip


@dataclass
class Report:
    year: int
    quarter: int
    rows: list[Row]  # one per BCP, then ALL

    def table(self) -> list[dict[str, Any]]:
        return [row.figures() for row in self.rows]

    def csv(self, anonymised: bool = False, threshold: int = SUPPRESS_BELOW) -> str:
        return to_csv(self.year, self.quarter, self.table(), anonymised, threshold)


def to_csv(
    year: int, quarter: int, table: list[dict[str, Any]], anonymised: bool = False, threshold: int = SUPPRESS_BELOW
) -> str:
    """The report's table as CSV; anonymised: small counts suppressed (see `suppressed`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "quarter", *COLUMNS])
    for figures in table:
        if anonymised:
            figures = suppressed(figures, threshold)
        writer.writerow([year, quarter, *("" if figures.get(c) is None else figures[c] for c in COLUMNS)])
    return out.getvalue()


def suppressed(figures: dict[str, Any], threshold: int = SUPPRESS_BELOW) -> dict[str, Any]:
    """Counts from 1 to threshold-1 become "<threshold"; a share or a time over fewer interviews than the
    threshold is dropped (it would tell about the few children behind it)."""
    out = dict(figures)
    for key in COUNT_COLUMNS:
        if 0 < int(out[key]) < threshold:
            out[key] = f"<{threshold}"
    if int(figures["interviews"]) < threshold:
        for key in ("both_present_pct", "hours_to_interview_avg", "hours_to_interview_median",
                    "hours_to_referral_avg", "hours_to_referral_median"):  # fmt: skip
            out[key] = None
    return out


def _hours(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    a = datetime.fromisoformat(start.replace("Z", "+00:00"))
    b = datetime.fromisoformat(end.replace("Z", "+00:00"))
    return max(0.0, (b - a).total_seconds() / 3600)


def build(
    year: int,
    quarter: int,
    crossing_counts: Iterable[tuple[str, str, int, int, int]],
    interviews: Iterable[tuple[Any, ...]],
) -> Report:
    """The report from the two inputs above (rows as the SQL gives them)."""
    rows: dict[str, Row] = {}
    total = Row(ALL)

    def row(bcp: str) -> Row:
        return rows.setdefault(bcp, Row(bcp))

    for bcp, direction, alone, flagged, count in crossing_counts:
        for target in (row(bcp), total):
            if direction == "entry":
                target.entries += int(count)
            else:
                target.exits += int(count)
            target.unaccompanied += int(count) if alone else 0
            target.flagged += int(count) if flagged else 0
    for bcp, status, crossing_at, opened_at, both_at, _signed_at, referred_at, referral in interviews:
        for target in (row(bcp), total):
            to_interview = _hours(crossing_at, opened_at)
            if to_interview is not None:
                target.to_interview_h.append(to_interview)
            if status != "signed":
                continue
            target.interviews += 1
            target.both_present += 1 if both_at else 0
            for destination in json.loads(referral or "[]"):
                if destination in target.referrals:
                    target.referrals[destination] += 1
            to_referral = _hours(crossing_at, referred_at)
            if to_referral is not None:
                target.to_referral_h.append(to_referral)
    return Report(year, quarter, [rows[b] for b in sorted(rows)] + [total])
