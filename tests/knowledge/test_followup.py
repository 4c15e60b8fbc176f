"""Issue 11 follow-ups: the loonstop warning, '104 weeks' with its extensions, one LKV figure.

- Art. 7:629 lid 7 BW: the employer may only rely on a loonstop (lid 3) or a loonopschorting
  (lid 6) if it tells the employee promptly. Every article section (a retrieval chunk that must
  stand alone) and every card that says the employer may stop or suspend pay also says that.
- Fact sheet §11.7: loondoorbetaling is 104 weeks in principle, longer with a loonsanctie, a
  vrijwillige verlenging or a late WIA-aanvraag; "104 weken lang" alone is the old claim.
- The loonkostenvoordeel figures are stated once, dated and sourced, and the same everywhere.
"""
from __future__ import annotations

import re

import pytest

from .kbfiles import knowledge_files, plain, sentences

F = re.IGNORECASE
FILES = [f for f in knowledge_files() if f.meta is not None]

# --- 7:629 lid 7: a loonstop or opschorting needs a prompt notice ----------------------------------

PAY_STOP = re.compile(
    r"loonstop|loonopschorting"
    r"|loon\w*\s+(?:\w+\s+){0,5}?(?:stop\w*|stopzet\w*|opschort\w*|inhoud\w*)\b"
    r"|(?:stopzet\w*|opschort\w*)\s+(?:\w+\s+){0,3}loon"
    r"|opschorting van (?:uw|je|jouw|het) loon|geen recht op loon"
    r"|recht op loon (?:\w+\s+){0,2}verliezen|loon bij ziekte (?:\w+\s+){0,1}kosten"
    r"|wage stop|wage suspension|stop\w*\s+(?:\w+\s+){0,4}(?:wages|pay)\b"
    r"|suspend\w*\s+(?:\w+\s+){0,3}(?:wages|pay)\b|withh\w+\s+(?:\w+\s+){0,2}pay\b"
    r"|lose the right to (?:wages|pay)|cost (?:you )?(?:sick )?pay|cost wages"
    r"|no right to (?:wages|pay)", F)
NOT_A_CLAIM = re.compile(r"geen loonstop|no wage stop|niet .{0,20}loonstop|sanctie van UWV", F)
NOTICE = re.compile(
    r"lid 7|lid 6-7|paragraph 7|629\s*\(7\)|onverwijld|direct (?:laat|laten) weten|direct meldt"
    r"|direct aankondig|aankondig|waarschuw|without delay|promptly|prompt warning|warn|announce", F)


def _units(kf) -> list[tuple[str, str]]:
    """A card is one unit; an article is split into its intro and its '## ' sections."""
    if kf.kind == "card":
        return [("answer", kf.body)]
    parts = re.split(r"^## +(.+)$", kf.body, flags=re.M)
    return [("intro", parts[0])] + [(parts[i].strip(), parts[i + 1])
                                     for i in range(1, len(parts) - 1, 2)]


def _pay_stop_claims(text: str) -> list[str]:
    return [s for s in sentences(text) if PAY_STOP.search(s) and not s.rstrip().endswith("?")
            and not NOT_A_CLAIM.search(s)]


def missing_notice(kf) -> list[str]:
    problems = []
    for title, text in _units(kf):
        claims = _pay_stop_claims(text)
        if claims and not NOTICE.search(plain(text)):
            problems.append(f"[{title}] {claims[0]}")
    return problems


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_a_loonstop_comes_with_the_prompt_notice(kf):
    """Where a section or card says pay may be stopped or suspended, it says 7:629 lid 7 too."""
    problems = missing_notice(kf)
    assert not problems, (f"{kf.rel}: says the employer may stop or suspend pay without the prompt "
                          "notice it needs (art. 7:629 lid 7 BW):\n  " + "\n  ".join(problems))


LID7_SOURCE = re.compile(r"629\s+lid\s+(?:\d+(?:\s*(?:,|en|and|-)\s*(?:lid\s+)?)?)*7\b|629\s*\(7\)", F)


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_files_with_a_loonstop_claim_cite_lid_7(kf):
    if not any(_pay_stop_claims(text) for _, text in _units(kf)):
        return
    laws = [str(s.get("law", "")) for s in kf.meta.get("sources") or [] if isinstance(s, dict)]
    assert any(LID7_SOURCE.search(law) for law in laws), (
        f"{kf.rel}: mentions a loonstop or loonopschorting but no source cites art. 7:629 lid 7 BW")


class _Fake:
    kind = "card"

    def __init__(self, body):
        self.body = body


@pytest.mark.parametrize("body", [
    "Vraag je te laat aan, dan kan je werkgever je loon over de vertraging stopzetten.",
    "Refusing without a good reason can lead to a wage stop.",
    "Weigeren kan gevolgen hebben, zoals een loonstop.",
    "Wegblijven zonder goede reden kan leiden tot opschorting van uw loon.",
    "That can later cost you sick pay (art. 7:629(3)(a) BW).",
])
def test_notice_check_flags_a_bare_loonstop(body):
    assert missing_notice(_Fake(body)), body


@pytest.mark.parametrize("body", [
    "Je werkgever mag je loon stopzetten, maar alleen als hij je dat direct laat weten (lid 7).",
    "The employer may stop paying, provided it tells the employee without delay (lid 7).",
    "Bij een deugdelijke grond mag de werkgever geen loonstop opleggen.",
    "Mag de werkgever het loon stoppen?",
    "If you sign, your pay stops and you fall back on a sickness benefit.",
])
def test_notice_check_accepts_correct_text(body):
    assert not missing_notice(_Fake(body)), body


# --- §11.7: "104 weken lang" needs the extensions in the same section ------------------------------

BARE_104 = re.compile(r"104 weken lang|gedurende 104 weken|104 weeks long|for 104 weeks"
                      r"|104 weken (?:minimaal|minstens)", F)
EXTENDED = re.compile(r"in principe|in principle|langer|longer|verleng|extension|extended", F)


@pytest.mark.parametrize("kf", FILES, ids=[f.rel for f in FILES])
def test_104_weeks_comes_with_its_extensions(kf):
    bad = [f"[{title}]" for title, text in _units(kf)
           if BARE_104.search(plain(text)) and not EXTENDED.search(plain(text))]
    assert not bad, (f"{kf.rel}: gives 104 weeks of loondoorbetaling without saying it can be longer "
                     f"(loonsanctie, vrijwillige verlenging, late WIA-aanvraag; fact sheet §11.7): {bad}")


def test_104_weeks_check_flags_the_old_claim():
    assert BARE_104.search("U betaalt een zieke werknemer 104 weken lang minimaal 70% door.")
    assert not EXTENDED.search("U betaalt een zieke werknemer 104 weken lang minimaal 70% door.")


# --- one LKV figure, dated and sourced -------------------------------------------------------------

LKV_AMOUNT = re.compile(r"(?:loonkostenvoordeel|\bLKV\b|wage cost benefit).{0,400}?€\s?\d", F | re.S)
LKV_FIGURES = (re.compile(r"€\s?3[,.]05"), re.compile(r"€\s?6[.,]000"))
LKV_SOURCE = re.compile(r"humanwave|tegemoetkomingen loondomein", F)
LKV_NO_SOURCE = re.compile(r"geen betrouwbare bron voor .{0,60}loonkostenvoordeel"
                           r"|no reliable source for .{0,60}(?:wage cost benefit|LKV)", F)


def test_lkv_figures_agree_and_are_dated_with_a_source():
    stating = [f for f in FILES if LKV_AMOUNT.search(plain(f.body))]
    assert any(f.meta["id"] == "nl-subsidies-spoor2" for f in stating), "nl-subsidies-spoor2 lost the LKV figures"
    problems = []
    for f in stating:
        text = plain(f.body)
        if f.kind == "article" and not all(p.search(text) for p in LKV_FIGURES):
            problems.append(f"{f.rel}: LKV figures differ from €3,05 per hour / €6.000 a year")
        if not re.search(r"2019", text):
            problems.append(f"{f.rel}: the LKV figure carries no date (the source is from 2019)")
        srcs = " ".join(f"{s.get('title', '')} {s.get('law', '')} {s.get('url', '')}"
                        for s in f.meta.get("sources") or [] if isinstance(s, dict))
        if f.kind == "article" and not LKV_SOURCE.search(srcs):
            problems.append(f"{f.rel}: states LKV figures without the LKV source")
    problems += [f"{f.rel}: says the KB has no source for the LKV" for f in FILES
                 if LKV_NO_SOURCE.search(plain(f.body))]
    assert not problems, "\n".join(problems)
