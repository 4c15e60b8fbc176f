"""Fixed texts of the Poortwachter check: each step's legal basis, law vs practice, what to do now.

Every basis and term follows the fact sheet (shared/domain/poortwachter-facts.md §1, §2 rows 2-12,
§5.2, §8, §11) and `catalogue.SPECS`. Werkgevers are addressed with "u".
"""
from __future__ import annotations

from dataclasses import dataclass

from assistant.deadlines.model import Norm

STEPS = ("probleemanalyse", "plan_van_aanpak", "evaluatie", "ziekmelding_uwv",
         "eerstejaarsevaluatie", "spoor2_start", "re_integratieverslag", "wia_aanvraag")


@dataclass(frozen=True)
class StepText:
    """What a step is, where it comes from, and what to do when it is overdue."""

    norm: Norm
    basis: str
    title_nl: str
    title_en: str
    rule_nl: str
    rule_en: str
    overdue_nl: str
    overdue_en: str


STEP_TEXTS: dict[str, StepText] = {
    "probleemanalyse": StepText(
        "law", "art. 2 Regeling procesgang eerste en tweede ziektejaar",
        "Probleemanalyse", "Problem analysis (probleemanalyse)",
        "Wet: uiterlijk aan het einde van week 6, als langdurig verzuim dreigt.",
        "Law: by the end of week 6, when long absence threatens.",
        "Vraag de bedrijfsarts nu om de probleemanalyse en leg in het dossier vast waarom die "
        "later komt: afwijken mag alleen gemotiveerd (art. 5 Regeling procesgang).",
        "Ask the bedrijfsarts for the problem analysis now and record in the file why it comes "
        "later: deviating is only allowed with reasons (art. 5 Regeling procesgang).",
    ),
    "plan_van_aanpak": StepText(
        "law", "art. 4 Regeling procesgang; art. 7:658a lid 3 BW; art. 25 lid 2 WIA",
        "Plan van aanpak", "Action plan (plan van aanpak)",
        "Wet: binnen 2 weken na de probleemanalyse (zonder datum: einde week 8), samen met de "
        "werknemer, met de naam van de casemanager.",
        "Law: within 2 weeks after the problem analysis (without a date: end of week 8), "
        "together with the employee, naming the case manager.",
        "Stel het plan van aanpak nu samen met de werknemer op, noem de casemanager en geef "
        "kopieën aan werknemer, casemanager en bedrijfsarts. Leg de reden van de vertraging vast.",
        "Draw up the action plan with the employee now, name the case manager and give copies "
        "to the employee, the case manager and the bedrijfsarts. Record the reason for the delay.",
    ),
    "evaluatie": StepText(
        "practice", "art. 4 Regeling procesgang; art. 25 lid 2 WIA ('periodiek'); elke 6 weken "
                    "is een praktijknorm",
        "Evaluatie plan van aanpak", "Review of the action plan",
        "Wet: periodiek evalueren en zo nodig bijstellen. Praktijk: elke 6 weken na het plan van "
        "aanpak of de vorige evaluatie.",
        "Law: review periodically and adjust where needed. Practice: every 6 weeks after the "
        "action plan or the previous review.",
        "Plan nu een evaluatie met werknemer, casemanager en bedrijfsarts en leg de uitkomst en "
        "eventuele bijstelling vast. Lange stilstand zonder bijstelling is een veel voorkomende "
        "grond voor een loonsanctie.",
        "Schedule a review with the employee, the case manager and the bedrijfsarts now and "
        "record the outcome and any adjustment. Long standstill without adjustment is a common "
        "ground for a wage sanction (loonsanctie).",
    ),
    "ziekmelding_uwv": StepText(
        "law", "art. 38 Ziektewet",
        "42e-weeksmelding bij UWV", "42nd-week report to UWV",
        "Wet: uiterlijk op de eerste werkdag na week 42.",
        "Law: at the latest on the first working day after week 42.",
        "Doe de melding nu via het werkgeversportaal van UWV. Te laat melden kan een boete geven "
        "(geen loonsanctie); doe het in elk geval vóór week 81, anders vervalt een bescherming "
        "van de werknemer bij een late WIA-brief (art. 64 lid 6 WIA).",
        "Make the report now through UWV's employer portal. A late report can lead to a fine "
        "(not a wage sanction); make it before week 81 in any case, or the employee loses a "
        "protection if UWV's WIA letter is late (art. 64 lid 6 WIA).",
    ),
    "eerstejaarsevaluatie": StepText(
        "law", "art. 4 lid 2 Regeling procesgang (einde eerste ziektejaar); venster week 46-52: "
               "praktijk",
        "Eerstejaarsevaluatie (EJE)", "First-year evaluation (EJE)",
        "Wet: aan het einde van het eerste ziektejaar. Praktijk: tussen week 46 en week 52.",
        "Law: at the end of the first year of sickness. Practice: between week 46 and week 52.",
        "Houd de eerstejaarsevaluatie nu, met een actueel oordeel van de bedrijfsarts (vaak met "
        "een arbeidsdeskundig onderzoek), en besluit of spoor 2 nodig is. Zonder EJE is het "
        "re-integratieverslag niet compleet.",
        "Hold the first-year evaluation now, with a current assessment by the bedrijfsarts "
        "(often with an occupational expert's assessment), and decide whether spoor 2 is needed. "
        "Without it the re-integration report is incomplete.",
    ),
    "spoor2_start": StepText(
        "practice", "art. 7:658a lid 1 BW; 6 weken na de EJE is een praktijknorm (Werkwijzer "
                    "Poortwachter)",
        "Start spoor 2", "Start of track 2 (spoor 2)",
        "Wet: re-integratie bij een andere werkgever als terugkeer in het eigen bedrijf niet "
        "lukt; geen wettelijke week. Praktijk: uiterlijk 6 weken na de eerstejaarsevaluatie.",
        "Law: re-integration with another employer when a return in the own company will not "
        "work; no statutory week. Practice: at the latest 6 weeks after the first-year "
        "evaluation.",
        "Start spoor 2 nu (bijvoorbeeld via een re-integratiebureau), of leg met advies van de "
        "bedrijfsarts of arbeidsdeskundige vast waarom het niet nodig is, zoals een concreet "
        "zicht op structurele terugkeer in uw bedrijf binnen ongeveer 3 maanden. Een late start "
        "van spoor 2 is een bekende grond voor een loonsanctie.",
        "Start spoor 2 now (for example through a re-integration agency), or record with advice "
        "from the bedrijfsarts or an occupational expert why it is not needed, such as a concrete "
        "prospect of a structural return in your company within about 3 months. A late start of "
        "spoor 2 is a known ground for a wage sanction.",
    ),
    "re_integratieverslag": StepText(
        "law", "art. 25 lid 3 WIA; art. 6 Regeling procesgang",
        "Re-integratieverslag (RIV)", "Re-integration report (RIV)",
        "Wet: klaar en een kopie bij de werknemer uiterlijk 13 weken vóór het einde van de "
        "wachttijd (einde week 91).",
        "Law: ready, with a copy to the employee, at the latest 13 weeks before the end of the "
        "waiting period (end of week 91).",
        "Maak het re-integratieverslag nu af (met eindevaluatie en actueel oordeel van de "
        "bedrijfsarts) en geef de werknemer direct een kopie: die heeft het nodig voor de "
        "WIA-aanvraag.",
        "Finish the re-integration report now (with the final evaluation and the bedrijfsarts' "
        "current assessment) and give the employee a copy straight away: they need it for the "
        "WIA application.",
    ),
    "wia_aanvraag": StepText(
        "law", "art. 64 lid 3 WIA; art. 7:629 lid 11 BW",
        "WIA-aanvraag (door de werknemer)", "WIA application (by the employee)",
        "Wet: de werknemer vraagt de WIA aan uiterlijk 11 weken vóór het einde van de wachttijd "
        "(einde week 93).",
        "Law: the employee applies for WIA at the latest 11 weeks before the end of the waiting "
        "period (end of week 93).",
        "Wijs de werknemer erop dat de aanvraag nu moet, en geef het re-integratieverslag mee. "
        "Bij een te late aanvraag betaalt u langer loon door (art. 7:629 lid 11 BW). Stuurde UWV "
        "geen brief, dan geldt de aanvraag als op tijd (niet als de 42e-weeksmelding pas na week "
        "81 kwam); kwam de brief te laat, dan is een aanvraag binnen 4 weken na de brief op tijd "
        "(art. 64 lid 6 WIA).",
        "Tell the employee the application is due now, and hand over the re-integration report. "
        "After a late application you pay wages for longer (art. 7:629 lid 11 BW). If UWV sent "
        "no letter, the application counts as on time (not if the 42nd-week report came after "
        "week 81); if the letter came late, an application within 4 weeks of the letter is on "
        "time (art. 64 lid 6 WIA).",
    ),
}
