"""Fixed texts of each milestone: who acts, legal basis, law or practice, Dutch and English."""
from __future__ import annotations

from dataclasses import dataclass

from assistant.deadlines.model import Actor, Norm


@dataclass(frozen=True)
class Spec:
    """The fixed parts of a milestone; descriptions may hold `{placeholders}`."""

    actor: Actor
    norm: Norm
    basis: str
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str

    def title(self, language: str) -> str:
        """The milestone's title in `language` (Dutch unless English)."""
        return self.title_en if language == "en" else self.title_nl


_END_NL = "het einde van de wachttijd"
_END_EN = "the end of the waiting period"

SPECS: dict[str, Spec] = {
    "probleemanalyse": Spec(
        "bedrijfsarts", "law", "art. 2 Regeling procesgang eerste en tweede ziektejaar",
        "Probleemanalyse door de bedrijfsarts",
        "Problem analysis by the company doctor (probleemanalyse)",
        "Dreigt langdurig verzuim, dan vraagt de werkgever de bedrijfsarts om een oordeel "
        "(probleemanalyse), uiterlijk aan het einde van week 6. Afwijken mag alleen gemotiveerd "
        "(art. 5 Regeling procesgang).",
        "If long absence threatens, the employer asks the bedrijfsarts for an assessment "
        "(probleemanalyse), by the end of week 6 at the latest. Deviating is only allowed with "
        "reasons (art. 5 Regeling procesgang).",
    ),
    "plan_van_aanpak": Spec(
        "werkgever", "law",
        "art. 4 Regeling procesgang eerste en tweede ziektejaar; art. 25 lid 2 WIA; "
        "art. 7:658a lid 3 BW",
        "Plan van aanpak opstellen", "Draw up the plan van aanpak (action plan)",
        "Werkgever en werknemer stellen samen het plan van aanpak op, binnen 2 weken na de "
        "probleemanalyse{pa_nl}, en noemen daarin de casemanager.",
        "Employer and employee draw up the plan van aanpak together, within 2 weeks after the "
        "probleemanalyse{pa_en}, and name the case manager in it.",
    ),
    "evaluatie": Spec(
        "werkgever", "practice",
        "art. 25 lid 2 WIA en art. 4 Regeling procesgang (periodiek); elke 6 weken is een "
        "praktijknorm",
        "Evaluatie plan van aanpak ({n})", "Review of the plan van aanpak ({n})",
        "Evaluatie van het plan van aanpak met werknemer, casemanager en bedrijfsarts; stel het "
        "plan bij als dat nodig is. De wet zegt 'periodiek'; elke 6 weken is een praktijknorm.",
        "Review of the plan van aanpak with the employee, the case manager and the bedrijfsarts; "
        "adjust the plan where needed. The law says 'periodically'; every 6 weeks is a practice "
        "norm.",
    ),
    "ziekmelding_uwv": Spec(
        "werkgever", "law", "art. 38 Ziektewet",
        "42e-weeksmelding bij UWV", "Report long-term sickness to UWV (42nd-week report)",
        "De werkgever meldt de werknemer ziek bij UWV, uiterlijk op de eerste werkdag na week 42 "
        "(week 42 eindigt op {week_end}). Te laat melden kan een boete opleveren.",
        "The employer reports the employee as sick to UWV, at the latest on the first working day "
        "after week 42 (week 42 ends on {week_end}). A late report can lead to a fine.",
    ),
    "eerstejaarsevaluatie": Spec(
        "werkgever", "law",
        "art. 4 lid 2 Regeling procesgang (evaluatie aan het einde van het eerste ziektejaar); "
        "venster week 46-52: praktijk",
        "Eerstejaarsevaluatie (EJE)", "First-year evaluation (eerstejaarsevaluatie)",
        "Werkgever en werknemer evalueren aan het einde van het eerste ziektejaar de re-integratie "
        "en bepalen of spoor 2 nodig is. In de praktijk tussen week 46 en week 52.",
        "At the end of the first year of sickness, employer and employee evaluate re-integration "
        "and decide whether spoor 2 (work with another employer) is needed. In practice between "
        "week 46 and week 52.",
    ),
    "spoor2_start": Spec(
        "werkgever", "practice",
        "art. 7:658a lid 1 BW; 6 weken na de EJE is een praktijknorm (Werkwijzer Poortwachter)",
        "Start spoor 2 (uiterlijk)", "Start of track 2 (at the latest)",
        "Is terugkeer bij de eigen werkgever op korte termijn niet in zicht, dan start de "
        "werkgever spoor 2 (re-integratie bij een andere werkgever). Praktijknorm: binnen 6 weken "
        "na de eerstejaarsevaluatie ({base}); eerder als al eerder duidelijk is dat spoor 1 niet "
        "lukt.",
        "If a return to the own employer is not in sight in the short term, the employer starts "
        "spoor 2 (re-integration with another employer). Practice norm: within 6 weeks after the "
        "first-year evaluation ({base}); earlier if it is clear sooner that spoor 1 will not work.",
    ),
    "vervroegde_iva": Spec(
        "werknemer", "law", "art. 23 lid 6 en art. 66 WIA",
        "Laatste dag aanvraag vervroegde IVA", "Last day to apply for an early IVA benefit",
        "Is de werknemer volledig en duurzaam arbeidsongeschikt, dan kan hij met een verklaring "
        "van de bedrijfsarts een verkorte wachttijd (vervroegde IVA) aanvragen: uiterlijk aan het "
        "einde van week 68, en maar één keer.",
        "If the employee is fully and permanently unable to work, they can apply for a shortened "
        "waiting period (early IVA) with a statement from the bedrijfsarts: by the end of week 68 "
        "at the latest, and only once.",
    ),
    "wia_brief_uwv": Spec(
        "UWV", "law", "art. 64 lid 2 en lid 6 WIA",
        "Brief van UWV over de WIA-aanvraag", "UWV letter about the WIA application",
        "UWV laat de werknemer weten dat hij WIA kan aanvragen: in week 88, uiterlijk als de "
        "wachttijd 89 weken heeft geduurd. De werkgever krijgt een kopie. Komt de brief te laat, "
        "dan is een aanvraag binnen 4 weken na de brief op tijd.{ext_nl}",
        "UWV tells the employee they can apply for WIA: in week 88, at the latest when the "
        "waiting period has lasted 89 weeks. The employer gets a copy. If the letter is late, an "
        "application within 4 weeks of the letter counts as on time.{ext_en}",
    ),
    "re_integratieverslag": Spec(
        "werkgever", "law", "art. 25 lid 3 en lid 4 WIA; art. 6 Regeling procesgang",
        "Re-integratieverslag klaar (eindevaluatie)", "Re-integration report (RIV) ready",
        "De werkgever stelt met de werknemer het re-integratieverslag op, met de eindevaluatie "
        "en het actueel oordeel van de bedrijfsarts, en geeft de werknemer een kopie: uiterlijk "
        "13 weken vóór {end_nl}.",
        "The employer draws up the re-integration report with the employee, including the final "
        "evaluation and the bedrijfsarts' current assessment, and gives the employee a copy: at "
        "the latest 13 weeks before {end_en}.",
    ),
    "wia_aanvraag": Spec(
        "werknemer", "law", "art. 64 lid 3 WIA; art. 7:629 lid 11 BW",
        "WIA-aanvraag indienen", "Submit the WIA application",
        "De werknemer vraagt de WIA-uitkering aan bij UWV, met het re-integratieverslag: "
        "uiterlijk 11 weken vóór {end_nl}. Bij een te late aanvraag betaalt de werkgever langer "
        "loon door.",
        "The employee applies to UWV for the WIA benefit, with the re-integration report: at the "
        "latest 11 weeks before {end_en}. After a late application the employer pays wages for "
        "longer.",
    ),
    "loonsanctie_besluit_uwv": Spec(
        "UWV", "law", "art. 25 lid 9, 10 en 11 WIA",
        "Uiterste datum UWV-besluit over een loonsanctie",
        "Last day for UWV's decision on a wage sanction (loonsanctie)",
        "UWV toetst het re-integratieverslag. Bij een tijdige WIA-aanvraag moet UWV een "
        "loonsanctie uiterlijk 6 weken vóór {end_nl} opleggen. Een later besluit vervalt niet "
        "zomaar: beslist UWV nog vóór het einde van de wachttijd, dan blijft de sanctie in de "
        "regel staan en wordt die korter met de vertraging (art. 25 WIA; laat dit nakijken).",
        "UWV assesses the re-integration report. After a timely WIA application, UWV must impose "
        "a loonsanctie at the latest 6 weeks before {end_en}. A later decision does not simply "
        "lapse: if UWV decides before the waiting period ends, the sanction as a rule stands and "
        "is shortened by the delay (art. 25 WIA; have this checked).",
    ),
    "einde_wachttijd": Spec(
        "werkgever", "law", "art. 23 lid 1 WIA; art. 7:629 lid 1 BW; art. 7:670 lid 1 BW",
        "Einde wachttijd (104 weken)", "End of the waiting period (104 weeks)",
        "Laatste dag van de wachttijd van 104 weken en van de wettelijke loondoorbetaling bij "
        "ziekte; daarna geldt ook het opzegverbod bij ziekte niet meer. Ook daarvóór beschermt "
        "dat verbod niet bij instemming van de werknemer, een dringende reden, de proeftijd of "
        "het beëindigen van het hele bedrijf (art. 7:670b BW).{ext_nl}",
        "Last day of the 104-week waiting period and of statutory sick pay; after it the ban on "
        "dismissal during sickness no longer applies. Even before it, the ban does not protect "
        "against dismissal with the employee's consent, for an urgent reason, in the trial "
        "period or when the whole business closes (art. 7:670b BW).{ext_en}",
    ),
    "wia_ingangsdatum": Spec(
        "UWV", "law", "art. 23 lid 1 WIA",
        "Vroegste ingangsdatum WIA-uitkering", "Earliest start date of the WIA benefit",
        "De dag na het einde van {what_nl}: vanaf deze dag kan een WIA-uitkering (WGA of IVA) "
        "ingaan.",
        "The day after the end of {what_en}: a WIA benefit (WGA or IVA) can start from this day.",
    ),
    "einde_loonsanctie": Spec(
        "werkgever", "law", "art. 25 lid 9, 12-14 WIA; art. 7:629 lid 11 BW; art. 6:7 Awb",
        "Einde loonsanctie (verlengde loondoorbetaling)",
        "End of the wage sanction (extended sick pay)",
        "Door de loonsanctie van {n} weken betaalt de werkgever loon door tot en met deze dag. "
        "Herstelt de werkgever de tekortkoming, dan eindigt de sanctie eerder: 6 weken nadat UWV "
        "het herstel heeft vastgesteld. Tegen het besluit kan de werkgever bezwaar maken bij UWV, "
        "binnen 6 weken nadat het is verstuurd.",
        "Because of the {n}-week loonsanctie the employer keeps paying wages up to and including "
        "this day. If the employer repairs the shortcoming, the sanction ends earlier: 6 weeks "
        "after UWV has confirmed the repair. The employer can object (bezwaar) to the decision "
        "within 6 weeks of the day it was sent.",
    ),
    "einde_loondoorbetaling": Spec(
        "werkgever", "law", "art. 24 WIA; art. 7:629 lid 11 BW",
        "Einde verlengde loondoorbetaling (vrijwillige verlenging)",
        "End of the voluntarily extended sick pay",
        "Werkgever en werknemer hebben de loondoorbetaling samen laten verlengen; UWV heeft deze "
        "einddatum vastgesteld. De WIA-aanvraag en het re-integratieverslag zijn vanaf deze "
        "datum teruggerekend.",
        "Employer and employee jointly had the sick pay extended; UWV set this end date. The WIA "
        "application and the re-integration report are counted back from this date.",
    ),
}

END_TEXTS = {
    "plain": (_END_NL, _END_EN),
    "verlenging": ("het einde van de verlengde loondoorbetaling",
                   "the end of the extended sick pay"),
}
