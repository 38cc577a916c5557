"""Properties of the handbook's own instruments over generated answer sets.

A counsellor reads the result as a whole: a score, its band, the signals and
the proposal must never contradict each other, and nothing may be decided on
a form that is not filled in far enough (the instrument's ``decide`` rule).
These tests generate answer sets for every instrument in ``checklists/`` and
hold each rule the instruments promise as an assertion.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draaiboek.loader import load_catalog
from draaiboek_scoring import Instrument, score
from tests.sitelib import ROOT

CHECKLISTS = ROOT / "checklists"
Result = Mapping[str, Any]
Answers = dict[str, Any]

# Enough cases to meet each contradiction many times, few enough for a shared machine.
EXAMPLES = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def compiled() -> dict[str, dict[str, Any]]:
    catalog = load_catalog([Path(CHECKLISTS)])
    return {iid: definition.compiled for iid, definition in catalog.instruments.items()}


@cache
def instrument(instrument_id: str) -> Instrument:
    return Instrument.from_data(compiled()[instrument_id])


def run(instrument_id: str, answers: Answers) -> Result:
    return score(instrument(instrument_id), answers)


def _cell(column: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    if column["type"] == "choice":
        return st.sampled_from([o["value"] for o in column["options"]])
    if column["type"] == "number":
        low = column["min"] if column["min"] is not None else 0
        high = column["max"] if column["max"] is not None else 100
        return st.integers(int(low), int(high))
    return st.text(alphabet="abc ", max_size=5)


def _answer(item: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """A valid answer for one compiled item (small numbers: ratios and zero matter)."""
    kind = item["type"]
    if kind == "choice":
        return st.sampled_from([o["value"] for o in item["options"]])
    if kind == "multi":
        values = [o["value"] for o in item["options"]]
        return st.lists(st.sampled_from(values), unique=True, max_size=len(values))
    if kind == "number":
        low = item["min"] if item["min"] is not None else 0
        high = item["max"] if item["max"] is not None else 100
        return st.integers(int(low), int(min(high, low + 150)))
    if kind == "table":
        columns = item["columns"]
        row = st.fixed_dictionaries({c["id"]: _cell(c) for c in columns})
        return st.lists(row, max_size=3)
    return st.text(alphabet="abc ", max_size=8)


@st.composite
def answer_sets(draw: st.DrawFn, instrument_id: str, fill: float | None = None) -> Answers:
    """Answers for some items; ``fill`` biases towards complete forms when given."""
    answers: Answers = {}
    for item in compiled()[instrument_id]["items"]:
        keep = draw(st.floats(0, 1)) < fill if fill is not None else draw(st.booleans())
        if keep:
            answers[item["id"]] = draw(_answer(item))
    return answers


def mixed(instrument_id: str) -> st.SearchStrategy[Answers]:
    """Half-filled forms and nearly complete ones, so both sides of ``decide`` occur."""
    return st.one_of(answer_sets(instrument_id), answer_sets(instrument_id, fill=0.97))


def expected_band(bands: list[Mapping[str, Any]], value: float) -> str | None:
    """FORMAT.md: bands ascend; the first whose `max` (<=) or `below` (<) holds wins."""
    for band in bands:
        if band["max"] is not None and value <= band["max"]:
            return str(band["id"])
        if band["below"] is not None and value < band["below"]:
            return str(band["id"])
        if band["max"] is None and band["below"] is None:
            return str(band["id"])
    return None


def flags(result: Result) -> set[str]:
    return {flag["id"] for flag in result["flags"]}


def outcome(result: Result) -> str | None:
    return result["outcome"]["id"] if result["outcome"] else None


def band(result: Result, score_id: str) -> str | None:
    value: str | None = result["scores"][score_id]["band"]
    return value


def value(result: Result, score_id: str) -> Any:
    return result["scores"][score_id]["value"]


INSTRUMENT_IDS = sorted(compiled())


# -- every instrument ---------------------------------------------------------------


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_an_empty_form_is_pending_and_gives_no_verdict(instrument_id: str) -> None:
    result = run(instrument_id, {})
    assert result["outcome"] is None
    assert result["outcome_pending"] is True
    assert result["complete"] is False
    banded = {sid: s["band"] for sid, s in result["scores"].items() if s["band"] is not None}
    assert banded == {}, f"{instrument_id}: a band on an empty form: {banded}"
    assert result["flags"] == []


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_every_instrument_chooses_its_decide_rule(instrument_id: str) -> None:
    text = (CHECKLISTS / f"{instrument_id}.yaml").read_text(encoding="utf-8")
    assert "\ndecide: " in text


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_no_outcome_on_an_incomplete_form_and_bands_follow_the_scores(instrument_id: str) -> None:
    definition = compiled()[instrument_id]
    bands = {s["id"]: s.get("bands", []) for s in definition["scores"]}
    ranges = {s["id"]: (s.get("min"), s.get("max")) for s in definition["scores"]}

    @EXAMPLES
    @given(mixed(instrument_id))
    def check(answers: Answers) -> None:
        result = run(instrument_id, answers)
        decided = (
            not result["missing_required"] and result["answered"] > 0
            if definition["decide"] == "required"
            else result["answered"] == result["total"]
        )
        assert result["outcome_pending"] is not decided
        if not decided:
            assert result["outcome"] is None
        for score_id, scored in result["scores"].items():
            if scored["value"] is None:
                assert scored["band"] is None, score_id
                continue
            low, high = ranges[score_id]
            if low is not None:
                assert scored["value"] >= low, (score_id, scored["value"])
            if high is not None:
                assert scored["value"] <= high, (score_id, scored["value"])
            assert scored["band"] == expected_band(bands[score_id], scored["value"]), score_id

    check()


# -- the reworked instruments: each contradiction from issue 14 as an assertion -----------


def test_digital_profile_never_contradicts_its_score() -> None:
    @EXAMPLES
    @given(mixed("digitaal-profiel"))
    def check(answers: Answers) -> None:
        result = run("digitaal-profiel", answers)
        proposal = outcome(result)
        if proposal is None:
            return
        level = band(result, "vaardigheid")
        skills = [
            answers.get(i)
            for i in ("email_gebruik", "gebruik_zelfstandig", "vdab_website", "mijn_loopbaan")
            if i not in result["hidden"]
        ]
        # The profile is the band: "Vlot" never stands next to "laaggeletterd".
        assert (proposal == "laaggeletterd") == (level == "laag")
        assert (proposal == "basisvaardig") == (level == "basis")
        if proposal in {"vaardig", "nog_geen_email", "geen_middelen_profiel"}:
            assert level == "zelf"
            assert all(skill == "zelf" for skill in skills)
        # Needing help on the VDAB site or in Mijn Loopbaan is never "no referral needed".
        if "hulp" in (answers.get("vdab_website"), answers.get("mijn_loopbaan")):
            assert proposal not in {"vaardig", "nog_geen_email", "geen_middelen_profiel"}
        # Doing everything alone without an address is not digital illiteracy.
        if answers.get("heeft_email") == "nee" and all(skill == "zelf" for skill in skills):
            assert proposal in {"nog_geen_email", "geen_middelen_profiel"}
        if proposal == "vaardig":
            assert answers.get("heeft_email") == "ja"
            assert "geen_middelen" not in flags(result)

    check()


def test_the_counsellors_observation_does_not_decide_the_profile() -> None:
    @EXAMPLES
    @given(answer_sets("digitaal-profiel", fill=0.97))
    def check(answers: Answers) -> None:
        with_resistance = run("digitaal-profiel", {**answers, "weerstand": "ja"})
        without = run("digitaal-profiel", {**answers, "weerstand": "nee"})
        assert outcome(with_resistance) == outcome(without)

    check()


SAM_CORE = [
    "samenwerken",
    "zelfstandigheid",
    "initiatief",
    "flexibiliteit",
    "leervermogen",
    "motivatie",
]
SAM_EXTRA = ["nauwkeurigheid", "discipline", "gezag", "stress", "conflicten"]


def _sam_items() -> dict[str, list[str]]:
    items: dict[str, list[str]] = {}
    for item in compiled()["sam-observatie"]["items"]:
        items.setdefault(item["section"], []).append(item["id"])
    return items


def test_sam_weighs_every_competency_the_same_and_names_what_is_missing() -> None:
    sections = _sam_items()

    @EXAMPLES
    @given(mixed("sam-observatie"))
    def check(answers: Answers) -> None:
        result = run("sam-observatie", answers)
        levels = {}
        for competency in SAM_CORE + SAM_EXTRA:
            observed = [answers[i] for i in sections[competency] if i in answers]
            level = value(result, f"c_{competency}")
            if len(observed) < len(sections[competency]):
                assert level is None, competency
                if result["answered"] > 0:
                    assert f"open_{competency}" in flags(result), competency
            else:
                assert level == pytest.approx(sum(observed) / len(observed)), competency
                assert f"open_{competency}" not in flags(result)
            levels[competency] = level
        core = [levels[c] for c in SAM_CORE]
        if None in core:
            assert value(result, "profiel_kern") is None
        else:
            assert value(result, "profiel_kern") == pytest.approx(sum(core) / len(core))
            # A weak competency is never hidden behind a good mean.
            assert ("kern_onvoldoende" in flags(result)) == (min(core) < 1.5)

    check()


def test_sam_issue_example_motivation_and_discipline_insufficient() -> None:
    sections = _sam_items()
    answers = {
        item: 1 if competency in {"motivatie", "discipline"} else 4
        for competency in SAM_CORE + SAM_EXTRA
        for item in sections[competency]
    }
    result = run("sam-observatie", answers)
    assert value(result, "profiel_kern") == pytest.approx((5 * 4 + 1) / 6)
    assert band(result, "c_motivatie") == "onvoldoende"
    assert {"kern_onvoldoende", "bijkomend_onvoldoende"} <= flags(result)


def test_sam_one_competency_observed_is_no_verdict_on_all() -> None:
    result = run("sam-observatie", {"in_werk_zien": 4, "in_actie": 4})
    assert value(result, "profiel_kern") is None
    assert band(result, "profiel_kern") is None
    assert {f"open_{c}" for c in SAM_CORE + SAM_EXTRA} <= flags(result)


def test_kpi_ratios_explained_and_zero_placements_said() -> None:
    @EXAMPLES
    @given(answer_sets("kpi-doorstroom", fill=0.97), st.integers(0, 3))
    def check(answers: Answers, placements: int) -> None:
        answers = {**answers, "doorstromingen": placements}
        result = run("kpi-doorstroom", answers)
        ratio = value(result, "prospecties_per_doorstroming")
        if placements == 0:
            assert ratio is None
            assert "geen_doorstromingen" in flags(result)
        else:
            assert "geen_doorstromingen" not in flags(result)
            if ratio is not None:
                assert band(result, "prospecties_per_doorstroming") == (
                    "laag" if ratio <= 12 else "hoog"
                )

    check()
    issue = run(
        "kpi-doorstroom",
        {"telefonische_prospecties": 120, "bezoeken_prospectie": 10, "doorstromingen": 5},
    )
    assert value(issue, "prospecties_per_doorstroming") == 26
    assert band(issue, "prospecties_per_doorstroming") == "hoog"


def test_transition_talk_has_no_rule_the_source_does_not_support() -> None:
    @EXAMPLES
    @given(answer_sets("doorstroomklaar-gesprek", fill=0.97))
    def check(answers: Answers) -> None:
        result = run("doorstroomklaar-gesprek", answers)
        proposal = outcome(result)
        if proposal == "uitnodigen":
            assert answers["nederlands"] == "ja"
            assert answers["voorwendsel"] == "nee"
            assert answers["randvoorwaarden"] == "ja"
            assert answers["voelt_klaar"] == "ja"
            assert answers["omkadering_steunt"] == "ja"
        if answers.get("randvoorwaarden") == "nee" and proposal is not None:
            assert proposal != "uitnodigen"
        if answers.get("voorwendsel") == "ja" and proposal is not None:
            # A pretext is discussed, never waved through and never "unclear".
            assert proposal in {"eerst_nederlands", "reden_bespreken"}
        # The job target is sharpened during the intake: it never changes the proposal.
        if "jobdoelwit" in answers:
            flipped = "nee" if answers["jobdoelwit"] == "ja" else "ja"
            assert outcome(run("doorstroomklaar-gesprek", {**answers, "jobdoelwit": flipped})) == (
                proposal
            )

    check()


def test_group_offer_scores_only_the_section_shown() -> None:
    @EXAMPLES
    @given(mixed("groepsaanbod"))
    def check(answers: Answers) -> None:
        result = run("groepsaanbod", answers)
        if answers.get("soort") != "eigen":
            assert value(result, "criteria_eigen") is None
        if answers.get("soort") != "bestaand":
            assert value(result, "past_bestaand") is None

    check()


def test_job_hunting_steps_reach_100_when_a_check_rightly_does_not_apply() -> None:
    definition = compiled()["jobhunting-stappen"]
    steps: dict[str, list[str]] = {}
    for item in definition["items"]:
        if item["type"] == "choice":
            steps.setdefault(item["section"], []).append(item["id"])

    @EXAMPLES
    @given(st.data())
    def check(data: st.DataObject) -> None:
        answers: Answers = {}
        for checks in steps.values():
            for check_id in checks:
                answers[check_id] = data.draw(st.sampled_from(["gedaan", "nvt"]))
        result = run("jobhunting-stappen", answers)
        for number, checks in enumerate(steps.values(), start=1):
            progress = value(result, f"voortgang_{number}")
            if all(answers[c] == "nvt" for c in checks):
                assert progress is None
            else:
                assert progress == 100
        if any(v == "gedaan" for v in answers.values()):
            assert value(result, "voortgang") == 100
            assert band(result, "voortgang") == "rond"

    check()


# -- honest labels --------------------------------------------------------------------


@pytest.mark.parametrize(
    "instrument_id",
    ["digitaal-profiel", "sam-observatie", "kpi-doorstroom", "doorstroomklaar-gesprek"],
)
def test_reworked_instruments_say_what_the_handbook_added(instrument_id: str) -> None:
    catalog = load_catalog([Path(CHECKLISTS)])
    model = catalog.instruments[instrument_id].model
    assert model.origin_note, f"{instrument_id}: no origin_note"
    own = [
        *(s for s in model.scores or [] if s.origin == "handboek"),
        *(f for f in model.flags if f.origin == "handboek"),
        *(o for o in model.outcomes if o.origin == "handboek"),
        *(
            b
            for bands in catalog.instruments[instrument_id].resolved.bands.values()
            for b in bands
            if b.origin == "handboek"
        ),
    ]
    assert own, f"{instrument_id}: nothing labelled as the handbook's own"
