"""What is left of the wachttijd, which spoor-2 packages still fit, and what a loonsanctie costs.

An estimate for employers, computed from the timeline; nothing is stored.

* Weeks left: whole weeks from today to the last day of the wachttijd (end of week 104, or the
  end of a vrijwillige verlenging).
* Spoor-2 packages (fact sheet §10): bureaus sell 3, 6 and 9 months and "until the end of the 2nd
  ziektejaar". A package fits when, started today, it ends by the end of the wachttijd (spoor 2
  may always start earlier than the practice norm).
  Prices are vendors' published list prices (fact sheet §5.6, §10), marked as such.
* Loonsanctie: up to 52 weeks more loondoorbetaling (art. 25 lid 9 WIA). The estimate is the
  statutory minimum of 70% of the gross wage (art. 7:629 lid 1 BW), capped at 70% of the
  maximum dagloon (2026: EUR 212.98 a day, fact sheet §4.1, P15; 5 days a week); a month is
  52/12 weeks. Left out: vakantiegeld, employer's social premiums and pension, CAO top-ups above
  70%, and the costs of re-integration and replacement.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from assistant.deadlines.dates import short_date
from assistant.deadlines.model import Timeline
from assistant.deadlines.validate import fail
from assistant.texts import text

LOONSANCTIE_MAX_WEEKS = 52
STATUTORY_SHARE = 0.70
MAX_DAGLOON_70_2026 = 212.98  # 70% of the maximum dagloon EUR 304.25 (2026, fact sheet P15)
MAX_MONTHLY_WAGE = 100_000
PACKAGE_MONTHS = (3, 6, 9)

# (label nl, label en, low, high, source): vendors' published prices, not advice.
PUBLISHED_PRICES = (
    ("3 maanden, één bureau", "3 months, one bureau", 1775, 1775,
     "riforce.nl/2e-spoor (fact sheet §5.6, C1)"),
    ("6 maanden, één bureau", "6 months, one bureau", 2750, 2750,
     "riforce.nl/2e-spoor (fact sheet §5.6, C1)"),
    ("volledig traject, één bureau", "complete traject, one bureau", 1475, 3995,
     "re-integratiebureaus' service pages (fact sheet §10)"),
    ("volledig traject, twee andere bureaus", "complete traject, two other bureaus", 2000, 5000,
     "re-integratiebureaus' service pages (fact sheet §10)"),
)


@dataclass(frozen=True)
class Package:
    """A spoor-2 package length and whether it still fits before the end of the wachttijd."""

    months: int | None  # None: until the end of the 2nd ziektejaar
    ends: date
    fits: bool


@dataclass(frozen=True)
class CostView:
    """The cost estimate; amounts in euros, rounded to whole euros."""

    today: date
    end_of_wachttijd: date
    weeks_left: int
    packages: tuple[Package, ...]
    monthly_wage: float | None
    weekly_cost: int | None
    loonsanctie_cost: int | None
    capped: bool

    def to_dict(self, language: str = "nl") -> dict:
        """JSON-ready, with the Markdown lines of `cost_lines` in `language` (API and CLI)."""
        return {
            "end_of_wachttijd": self.end_of_wachttijd.isoformat(), "weeks_left": self.weeks_left,
            "packages": [{"months": p.months, "ends": p.ends.isoformat(), "fits": p.fits}
                         for p in self.packages],
            "weekly_cost": self.weekly_cost, "loonsanctie_cost": self.loonsanctie_cost,
            "capped": self.capped, "estimate": True, "lines": cost_lines(self, language),
        }


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for dd in range(day.day, 27, -1):
        try:
            return date(year, month, dd)
        except ValueError:
            continue
    return date(year, month, min(day.day, 28))


def cost_view(timeline: Timeline, *, today: date, monthly_wage: float | None = None) -> CostView:
    """The cost view for this case on `today`.

    Raises:
        DeadlineInputError: a wage that is not a positive amount up to 100,000 a month.
    """
    if monthly_wage is not None and not 0 < monthly_wage <= MAX_MONTHLY_WAGE:
        raise fail("wage", max=(f"{MAX_MONTHLY_WAGE:,}".replace(",", "."),
                                f"{MAX_MONTHLY_WAGE:,}"))
    last = timeline.get("einde_loondoorbetaling") or timeline.get("einde_wachttijd")
    if last is None:  # the period ended before week 104: nothing left to plan
        raise fail("period_ended")
    end = last.date
    weeks_left = max(0, ((end - today).days + 1) // 7)
    packages = [Package(n, _add_months(today, n) - timedelta(days=1),
                        _add_months(today, n) - timedelta(days=1) <= end)
                for n in PACKAGE_MONTHS]
    packages.append(Package(None, end, today <= end))
    weekly = loonsanctie = None
    capped = False
    if monthly_wage is not None:
        week_wage = monthly_wage * 12 / 52 * STATUTORY_SHARE
        cap = MAX_DAGLOON_70_2026 * 5
        capped = week_wage > cap
        weekly = round(min(week_wage, cap))
        loonsanctie = round(min(week_wage, cap) * LOONSANCTIE_MAX_WEEKS)
    return CostView(today=today, end_of_wachttijd=end, weeks_left=weeks_left,
                    packages=tuple(packages), monthly_wage=monthly_wage, weekly_cost=weekly,
                    loonsanctie_cost=loonsanctie, capped=capped)


def _euro(amount: float) -> str:
    return "€ " + f"{amount:,.0f}".replace(",", ".")


def cost_lines(view: CostView, language: str = "nl") -> list[str]:
    """The cost view as short Markdown lines, werkgevers addressed with "u"."""
    def t(key: str, **values: object) -> str:
        return text(f"deadline.costs.{key}", language, **values)

    lines = [t("waiting_left", weeks=view.weeks_left, end=short_date(view.end_of_wachttijd))]
    fits, not_fits = [], []
    for p in view.packages:
        name = t("months", n=p.months) if p.months else t("until_end")
        (fits if p.fits else not_fits).append(f"{name} ({short_date(p.ends)})")
    lines.append(t("fits", packages=", ".join(fits) or t("none")))
    if not_fits:
        lines.append(t("too_long", packages=", ".join(not_fits)))
    lines.append(t("published"))
    for nl, en, low, high, source in PUBLISHED_PRICES:
        amount = _euro(low) if low == high else f"{_euro(low)} – {_euro(high)}"
        label = {"nl": nl, "en": en}[language]
        lines.append(f"- {label}: {amount} ({t('source')}: {source})")
    if view.loonsanctie_cost is None:
        lines.append(t("enter_wage"))
        return lines
    lines.append(t("loonsanctie", total=_euro(view.loonsanctie_cost), week=_euro(view.weekly_cost),
                   capped=t("capped") if view.capped else ""))
    lines.append(t("estimate"))
    return lines
