"""The diff engine as pure functions: added, removed, changed, must/should flips, ranges."""

from __future__ import annotations

from wtsc.diff import changes_between, duty_diffs, step_status, timescale_diffs, word_diff
from wtsc.model import Change, Duty, DutyInEdition, Guidance, Process, ProcessVariant, Role, Step, Timescale

CITE = {"source": "x"}


def entry(level: str, text: str) -> dict:
    return {"level": level, "text": text, "cite": CITE}


def role(*duties: dict, editions: tuple[str, ...] = ("wt2006", "wt2010", "wt2015", "wt2023")) -> Role:
    return Role.model_validate(
        {
            "id": "r",
            "name": "R",
            "sector": "s",
            "one_line": "o",
            "summary": "s",
            "editions": editions,
            "basis": [{"act": "a", "text": "t"}],
            "duties": list(duties),
        }
    )


def duty(duty_id: str, **editions: dict) -> dict:
    return {"id": duty_id, "title": duty_id, "editions": editions}


def test_added_removed_and_unchanged() -> None:
    r = role(
        duty("same", wt2006=entry("must", "a"), wt2010=entry("must", "a")),
        duty("added", wt2010=entry("should", "b")),
        duty("removed", wt2006=entry("should", "c")),
    )
    diffs = {d.duty.id: d.kind for d in duty_diffs(r, "wt2006", "wt2010")}
    assert diffs == {"added": "added", "removed": "removed"}


def test_must_should_flip_and_wording_change() -> None:
    r = role(
        duty("flip", wt2006=entry("should", "a"), wt2010=entry("must", "a")),
        duty("reworded", wt2006=entry("must", "old words"), wt2010=entry("must", "new words")),
    )
    by_id = {d.duty.id: d for d in duty_diffs(r, "wt2006", "wt2010")}
    assert by_id["flip"].kind == "changed" and by_id["flip"].level_changed and not by_id["flip"].text_changed
    assert by_id["reworded"].text_changed and not by_id["reworded"].level_changed


def test_range_over_several_editions_compares_the_end_points() -> None:
    r = role(
        # Came and went between the end points: no difference for a reader of 2023.
        duty("passing", wt2010=entry("must", "x"), wt2015=entry("must", "x")),
        # Changed in 2010, changed back in 2023: no difference either.
        duty("back", wt2006=entry("must", "a"), wt2010=entry("should", "a"), wt2023=entry("must", "a")),
        duty("grew", wt2006=entry("should", "a"), wt2015=entry("must", "a"), wt2023=entry("must", "a")),
    )
    diffs = duty_diffs(r, "wt2006", "wt2023")
    assert [(d.duty.id, d.kind, d.level_changed) for d in diffs] == [("grew", "changed", True)]


def test_word_diff_marks_only_changed_words() -> None:
    segments = word_diff("within 7 working days of referral", "within 10 working days of referral")
    assert segments == [("same", "within"), ("del", "7"), ("ins", "10"), ("same", "working days of referral")]


def test_word_diff_of_equal_text_has_no_changes() -> None:
    assert all(op == "same" for op, _ in word_diff("a b c", "a b c"))


def _guidance_with_changes(*changes: tuple[str, str]) -> Guidance:
    editions = [
        {
            "id": f"wt{y}",
            "year": y,
            "title": "t",
            "short_title": "t",
            "department": "d",
            "headline": "h",
            "summary": "s",
            "cite": CITE,
            "current": y == 2023,
        }
        for y in (2006, 2010, 2013, 2015, 2023)
    ]
    return Guidance.model_validate(
        {
            "sources": [],
            "sectors": [],
            "topics": [],
            "roles": [],
            "terms": [],
            "processes": [],
            "arrangements": [],
            "vulnerable_groups": [],
            "editions": editions,
            "changes": [
                {"id": f"c{i}", "from": a, "to": b, "kind": "new", "topic": "t", "title": "t", "cite": CITE}
                for i, (a, b) in enumerate(changes)
            ],
        }
    )


def test_changes_between_includes_every_step_inside_the_range() -> None:
    g = _guidance_with_changes(("wt2006", "wt2010"), ("wt2010", "wt2013"), ("wt2013", "wt2015"), ("wt2015", "wt2023"))
    assert [c.id for c in changes_between(g, "wt2010", "wt2015")] == ["c1", "c2"]
    assert [c.id for c in changes_between(g, "wt2006", "wt2023")] == ["c0", "c1", "c2", "c3"]
    assert changes_between(g, "wt2013", "wt2013") == []
    assert isinstance(changes_between(g, "wt2006", "wt2010")[0], Change)


def _process() -> Process:
    def step(step_id: str, days: float | None) -> dict:
        timescale = {"value": days, "unit": "working-days", "text": f"{days} days"} if days else None
        return {"id": step_id, "label": step_id, "actor": "a", "cite": CITE, "timescale": timescale}

    return Process.model_validate(
        {
            "id": "p",
            "name": "P",
            "summary": "s",
            "variants": [
                {"editions": ["wt2006"], "cite": CITE, "steps": [step("referral", None), step("initial", 7)]},
                {"editions": ["wt2010"], "cite": CITE, "steps": [step("referral", None), step("initial", 10)]},
                {"editions": ["wt2013", "wt2015"], "cite": CITE, "steps": [step("referral", None), step("single", 45)]},
            ],
        }
    )


def test_timescale_diffs_find_changed_new_and_gone_steps() -> None:
    process = _process()
    changed = timescale_diffs(process, "wt2006", "wt2010")
    assert [(d.step_id, d.before.timescale.value, d.after.timescale.value) for d in changed] == [("initial", 7, 10)]
    across = {d.step_id: (d.before is None, d.after is None) for d in timescale_diffs(process, "wt2010", "wt2015")}
    assert across == {"initial": (False, True), "single": (True, False)}
    assert timescale_diffs(process, "wt2013", "wt2015") == []


def test_step_status_against_previous_variant() -> None:
    process = _process()
    v2010, v2013 = process.variants[1], process.variants[2]
    assert step_status(process, v2010, v2010.steps[1]) == "changed"
    assert step_status(process, v2010, v2010.steps[0]) == "same"
    assert step_status(process, v2013, v2013.steps[1]) == "new"
    assert step_status(process, process.variants[0], process.variants[0].steps[0]) == "first"


def test_models_are_immutable() -> None:
    d = Duty.model_validate(duty("x", wt2006=entry("must", "a")))
    try:
        d.title = "changed"  # type: ignore[misc]
    except Exception as error:  # pydantic raises ValidationError for frozen models
        assert "frozen" in str(error)
    else:
        raise AssertionError("a frozen model accepted an assignment")
    assert isinstance(d.editions["wt2006"], DutyInEdition)
    assert ProcessVariant and Step and Timescale


def test_an_unconfirmed_step_is_not_called_a_change() -> None:
    process = _process()
    data = process.model_dump(by_alias=True)
    data["variants"][1]["steps"][1]["confidence"] = "unconfirmed"
    doubtful = Process.model_validate(data)
    assert step_status(doubtful, doubtful.variants[1], doubtful.variants[1].steps[1]) == "unconfirmed"
