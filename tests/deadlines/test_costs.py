"""The cost view: weeks left, spoor-2 packages that fit, a loonsanctie estimate."""
from __future__ import annotations

import pytest

from assistant.deadlines.costs import cost_lines, cost_view
from assistant.errors import DeadlineInputError

from .helpers import d, timeline


def test_weeks_left_and_packages_that_fit_in_the_second_year():
    t = timeline("01-03-2024..", today="01-08-2025")
    view = cost_view(t, today=d("01-08-2025"))
    assert view.end_of_wachttijd == d("26-02-2026")
    assert view.weeks_left == 30  # 210 days to and including 26-02-2026
    fits = {p.months: p.fits for p in view.packages}
    assert fits == {3: True, 6: True, 9: False, None: True}
    assert view.loonsanctie_cost is None


def test_loonsanctie_is_70_percent_of_the_wage_for_52_weeks():
    t = timeline("01-03-2024..", today="01-08-2025")
    view = cost_view(t, today=d("01-08-2025"), monthly_wage=3000)
    assert view.weekly_cost == round(3000 * 12 / 52 * 0.7)
    assert view.loonsanctie_cost == round(3000 * 12 / 52 * 0.7 * 52) == 25200
    assert not view.capped
    text = "\n".join(cost_lines(view, "nl"))
    assert "€ 25.200" in text and "vakantiegeld" in text and "Schatting" in text
    assert "lijstprijzen" in text and "riforce.nl" in text


def test_high_wage_is_capped_at_the_maximum_dagloon():
    t = timeline("01-03-2024..", today="01-08-2025")
    view = cost_view(t, today=d("01-08-2025"), monthly_wage=20000)
    assert view.capped and view.weekly_cost == round(212.98 * 5)
    assert "maximum dagloon" in "\n".join(cost_lines(view, "en"))


@pytest.mark.parametrize("wage", [0, -5, 1_000_000])
def test_impossible_wage_is_refused(wage):
    t = timeline("01-03-2024..", today="01-08-2025")
    with pytest.raises(DeadlineInputError) as err:
        cost_view(t, today=d("01-08-2025"), monthly_wage=wage)
    assert "maandloon" in err.value.user_message("nl")
