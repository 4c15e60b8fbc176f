"""Invalid input gives a DeadlineInputError with a Dutch and an English message."""
from __future__ import annotations

import pytest

from assistant.deadlines import DeadlineInputError, Episode, compute_timeline

from .helpers import d, eps


@pytest.mark.parametrize(
    ("episodes", "kwargs", "nl_part", "en_part"),
    [
        ([], {}, "eerste ziektedag", "first sick day"),
        (eps("10-03-2024..01-03-2024"), {}, "vóór het begin", "before it starts"),
        (eps("01-03-2024..31-05-2024", "20-05-2024.."), {}, "overlappen", "overlap"),
        (eps("20-06-2024..30-06-2024", "01-03-2024..31-05-2024"), {}, "volgorde", "order"),
        ([Episode(d("01-03-2024")), Episode(d("01-06-2024"))], {}, "open", "open"),
        (eps("01-03-2026.."), {}, "toekomst", "future"),
        (eps("31-12-2003.."), {}, "2004", "2004"),
        (eps("01-03-2024.."), {"loonsanctie_weeks": 53}, "52 weken", "52 weeks"),
        (eps("01-03-2024.."), {"loonsanctie_weeks": 0}, "52 weken", "52 weeks"),
        (eps("01-03-2024.."), {"verlenging_tot": d("26-02-2026")}, "verlenging", "extension"),
        (eps("01-03-2024.."), {"verlenging_tot": d("01-06-2026"), "loonsanctie_weeks": 10},
         "niet allebei", "not both"),
        (eps("01-03-2024.."), {"eje": d("01-02-2024")}, "eerstejaarsevaluatie", "first-year"),
        (eps("01-03-2024.."), {"probleemanalyse": d("01-02-2024")}, "probleemanalyse",
         "probleemanalyse"),
    ],
)
def test_invalid_input_is_rejected_in_both_languages(episodes, kwargs, nl_part, en_part):
    with pytest.raises(DeadlineInputError) as info:
        compute_timeline(episodes, today=d("01-01-2025"), **kwargs)
    assert nl_part in info.value.user_message("nl")
    assert en_part in info.value.user_message("en")
    assert str(info.value) == info.value.user_message("en")


def test_first_sick_day_up_to_a_year_ahead_is_accepted():
    t = compute_timeline(eps("01-12-2025.."), today=d("01-01-2025"))
    assert t.state == "not_started" and t.current_week is None
    assert all(m.status == "upcoming" for m in t.milestones)


def test_long_voluntary_extension_has_no_52_week_cap():
    t = compute_timeline(eps("01-03-2024.."), today=d("01-01-2025"),
                         verlenging_tot=d("26-02-2028"))
    assert t.get("einde_loondoorbetaling").date == d("26-02-2028")
