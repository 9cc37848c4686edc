"""Mermaid flowchart text for one variant of a process (pure, no MkDocs)."""

from __future__ import annotations

from .model import ProcessVariant, Step, Timescale

_UNIT_SHORT = {"hours": "h", "working-days": "working days", "days": "days", "weeks": "weeks", "months": "months"}


def node_id(step_id: str) -> str:
    return "s_" + step_id.replace("-", "_")


def label_text(value: str) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for quotes and markup."""
    value = " ".join(value.split())
    # '#' first, so the entity codes written after it are not escaped again.
    for char, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("|", "#124;")):
        value = value.replace(char, code)
    return value


def short_timescale(timescale: Timescale) -> str:
    if timescale.value is None or timescale.unit is None:
        return ""
    number = f"{timescale.value:g}"
    return f"{number} {_UNIT_SHORT[timescale.unit]}"


def step_label(step: Step, status: str | None) -> str:
    prefix = {"new": "NEW: ", "changed": "CHANGED: "}.get(status or "", "")
    lines = [f"<b>{label_text(prefix + step.label)}</b>", f"<i>{label_text(step.actor)}</i>"]
    if step.timescale is not None:
        lines.append("⏱ " + label_text(short_timescale(step.timescale) or step.timescale.text))
    return "<br/>".join(lines)


def flowchart(variant: ProcessVariant, title: str, status: dict[str, str] | None = None) -> str:
    """Flowchart text: one node per step, one arrow per edge, timescales on arrows into timed steps.

    ``status`` maps step ids to "new" or "changed" to mark them (in words and in style).
    """
    status = status or {}
    steps = {step.id: step for step in variant.steps}
    lines = [
        "flowchart TD",
        f"  accTitle: {label_text(title)}",
        "  accDescr: The same steps are listed in the table below the diagram.",
    ]
    for step in variant.steps:
        lines.append(f'  {node_id(step.id)}["{step_label(step, status.get(step.id))}"]')
    for edge in variant.edges:
        parts = [edge.label or ""]
        target = steps[edge.to]
        if target.timescale is not None and short_timescale(target.timescale):
            parts.append("within " + short_timescale(target.timescale))
        label = label_text(", ".join(p for p in parts if p))
        arrow = f'-->|"{label}"|' if label else "-->"
        lines.append(f"  {node_id(edge.from_)} {arrow} {node_id(edge.to)}")
    lines.append("  classDef new stroke-width:4px,stroke-dasharray:6 3")
    lines.append("  classDef changed stroke-width:4px")
    for kind in ("new", "changed"):
        marked = [node_id(s) for s, k in status.items() if k == kind and s in steps]
        if marked:
            lines.append(f"  class {','.join(marked)} {kind}")
    return "\n".join(lines) + "\n"
