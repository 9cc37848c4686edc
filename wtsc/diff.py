"""What changed between two editions, computed from the data (pure functions).

Duty differences compare the two end editions only: a duty that came and went
between them is, for a reader of the later edition, no change at all.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .model import Change, Duty, DutyInEdition, Guidance, Process, ProcessVariant, Role, Step, Timescale

DutyChange = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class DutyDiff:
    role: Role
    duty: Duty
    kind: DutyChange
    before: DutyInEdition | None
    after: DutyInEdition | None

    @property
    def level_changed(self) -> bool:
        return bool(self.before and self.after and self.before.level != self.after.level)

    @property
    def text_changed(self) -> bool:
        return bool(self.before and self.after and self.before.text != self.after.text)


@dataclass(frozen=True)
class TimescaleDiff:
    process: Process
    step_id: str
    label: str
    before: Step | None
    after: Step | None


def changes_between(guidance: Guidance, a: str, b: str, among: Iterable[Change] | None = None) -> list[Change]:
    """Curated changes whose transition lies within [a, b], oldest first (of ``among``, default all)."""
    start, end = guidance.edition(a).year, guidance.edition(b).year
    pool = guidance.changes if among is None else among
    inside = [c for c in pool if start <= guidance.edition(c.from_).year and guidance.edition(c.to).year <= end]
    return sorted(inside, key=lambda c: (guidance.edition(c.from_).year, guidance.edition(c.to).year))


def role_covers(role: Role, a: str, b: str) -> bool:
    return a in role.editions and b in role.editions


def duty_diffs(role: Role, a: str, b: str) -> list[DutyDiff]:
    """Duties added, removed or changed (level or wording) between editions a and b."""
    diffs = []
    for duty in role.duties:
        before, after = duty.editions.get(a), duty.editions.get(b)
        if before is None and after is None:
            continue
        if before is None:
            diffs.append(DutyDiff(role, duty, "added", None, after))
        elif after is None:
            diffs.append(DutyDiff(role, duty, "removed", before, None))
        elif before.level != after.level or before.text != after.text:
            diffs.append(DutyDiff(role, duty, "changed", before, after))
    return diffs


def word_diff(before: str, after: str) -> list[tuple[Literal["same", "del", "ins"], str]]:
    """Word-level difference as segments, for a highlighted side-by-side view."""
    old, new = before.split(), after.split()
    segments: list[tuple[Literal["same", "del", "ins"], str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("same", " ".join(old[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("del", " ".join(old[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("ins", " ".join(new[j1:j2])))
    return segments


def similarity(before: str, after: str) -> float:
    """Share of words two texts have in common, in order (0 to 1)."""
    return difflib.SequenceMatcher(a=before.split(), b=after.split(), autojunk=False).ratio()


def variant_for(process: Process, edition_id: str) -> ProcessVariant | None:
    return next((v for v in process.variants if edition_id in v.editions), None)


def step_in(variant: ProcessVariant | None, step_id: str) -> Step | None:
    if variant is None:
        return None
    return next((s for s in variant.steps if s.id == step_id), None)


def step_order(process: Process) -> list[tuple[str, str]]:
    """Every step id across all variants with its latest label, in first-seen order."""
    labels: dict[str, str] = {}
    for variant in process.variants:
        for step in variant.steps:
            labels[step.id] = step.label
    return list(labels.items())


def same_timescale(a: Timescale | None, b: Timescale | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.value, a.unit, a.text) == (b.value, b.unit, b.text)


def timescale_diffs(process: Process, a: str, b: str) -> list[TimescaleDiff]:
    """Steps whose timescale differs between editions a and b (or exists in only one)."""
    before_variant, after_variant = variant_for(process, a), variant_for(process, b)
    diffs = []
    for step_id, label in step_order(process):
        before, after = step_in(before_variant, step_id), step_in(after_variant, step_id)
        before_ts = before.timescale if before else None
        after_ts = after.timescale if after else None
        if before_ts is None and after_ts is None:
            continue
        if before is None or after is None or not same_timescale(before_ts, after_ts):
            diffs.append(TimescaleDiff(process, step_id, label, before, after))
    return diffs


StepStatus = Literal["new", "changed", "unconfirmed", "same", "first"]


def step_status(process: Process, variant: ProcessVariant, step: Step) -> StepStatus:
    """How a step compares with the previous variant of the same process.

    A difference in a step we could not confirm is "unconfirmed", not "changed": the guidance may
    well say the same as before, and a trainer must not present a gap in our sources as a change.
    """
    index = process.variants.index(variant)
    if index == 0:
        return "first"
    previous = step_in(process.variants[index - 1], step.id)
    if previous is None:
        return "new"
    if previous.label != step.label or not same_timescale(previous.timescale, step.timescale):
        return "unconfirmed" if step.confidence == "unconfirmed" else "changed"
    return "same"


def change_counts(changes: list[Change]) -> Counter[tuple[str, str]]:
    """(topic, kind) -> number of curated changes."""
    return Counter((c.topic, c.kind) for c in changes)
