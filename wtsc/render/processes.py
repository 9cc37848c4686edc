"""Process pages (diagram + accessible table per edition), the process index and all timescales."""

from __future__ import annotations

from ..diff import same_timescale, step_in, step_order, step_status, variant_for
from ..mermaid import flowchart
from ..model import Guidance, Process, ProcessVariant
from .common import citations, rel, table, text
from .roles import role_path, tabs

PROCESS_INDEX = "processes/index.md"
TIMESCALES = "processes/timescales.md"


def process_path(process_id: str) -> str:
    return f"processes/{process_id}.md"


def variant_years(guidance: Guidance, variant: ProcessVariant) -> list[int]:
    return sorted(guidance.edition(e).year for e in variant.editions)


def variant_label(guidance: Guidance, variant: ProcessVariant) -> str:
    return ", ".join(str(y) for y in variant_years(guidance, variant))


def process_editions(guidance: Guidance, process: Process) -> list[str]:
    """Compared editions in which the process has a variant, oldest first."""
    return [e.id for e in guidance.compared_editions if variant_for(process, e.id) is not None]


def variant_panel(guidance: Guidance, process: Process, variant: ProcessVariant, page: str) -> str:
    first_year = variant_years(guidance, variant)[0]
    status = {s.id: step_status(process, variant, s) for s in variant.steps}
    marked = {k: v for k, v in status.items() if v in ("new", "changed")}
    out = []
    if variant.note:
        out.append(f"{text(variant.note)}\n")
    index = process.variants.index(variant)
    if index:
        previous = variant_label(guidance, process.variants[index - 1])
        new = sum(v == "new" for v in status.values())
        changed = sum(v == "changed" for v in status.values())
        unconfirmed = sum(v == "unconfirmed" for v in status.values())
        doubt = f" {unconfirmed} step(s) could not be confirmed for these editions." if unconfirmed else ""
        out.append(
            f"Compared with {previous}: {new} new step(s) and {changed} changed step(s), marked "
            f"NEW or CHANGED in the diagram (dashed or thick border) and in the table.{doubt}\n"
        )
    title = f"{process.name}, {variant_label(guidance, variant)}"
    out.append(f"```mermaid\n{flowchart(variant, title, marked)}```\n")
    out.append(
        '<p class="wtsc-diagram-alt">Text version of the diagram: the table below lists every step, '
        "who acts, the timescale and what comes next.</p>\n"
    )
    names = {s.id: s.label for s in variant.steps}
    rows = []
    for number, step in enumerate(variant.steps, start=1):
        anchor_id = f"step-{first_year}-{step.id}"
        timescale = text(step.timescale.text) if step.timescale else "None set"
        nexts = [
            text(names[e.to]) + (f" (if {text(e.label)})" if e.label else "")
            for e in variant.edges
            if e.from_ == step.id
        ]
        mark = {"new": "**New**", "changed": "**Changed**", "unconfirmed": "Not confirmed"}.get(status[step.id], "")
        label = f"[{text(step.label)}](#{anchor_id}){{ #{anchor_id} }}"
        if step.detail:
            label += f": {text(step.detail)}"
        rows.append(
            [
                str(number),
                label,
                text(step.actor),
                timescale,
                "; ".join(nexts) or "End",
                mark,
                citations(guidance, step, page),
            ]
        )
    out.append(table(["#", "Step", "Who acts", "Timescale", "Next", "Change", "Source"], rows))
    out.append(citations(guidance, variant, page) + "\n")
    return "\n".join(out)


def timescale_table(guidance: Guidance, process: Process, page: str, anchors: bool) -> str:
    """Step x edition table of timescales; a cell that differs from the previous edition says so."""
    editions = process_editions(guidance, process)
    rows = []
    for step_id, label in step_order(process):
        cells = []
        previous = None
        seen_before = False
        timed = False
        for edition_id in editions:
            step = step_in(variant_for(process, edition_id), step_id)
            if step is None:
                cells.append("Not a step")
                previous, seen_before = None, False
                continue
            timescale = step.timescale
            timed = timed or timescale is not None
            cell = text(timescale.text) if timescale else "None set"
            if seen_before and not same_timescale(previous, timescale):
                word = "Not confirmed" if step.confidence == "unconfirmed" else "Changed"
                cell = f'<span class="wtsc-changed">{word}:</span> {cell}'
            cells.append(f"{cell} {citations(guidance, step, page)}")
            previous, seen_before = timescale, True
        if not timed:
            continue
        name = f"[{text(label)}](#step-{step_id}){{ #step-{step_id} }}" if anchors else text(label)
        rows.append([name, *cells])
    if not rows:
        return "No timescales are set for this process.\n"
    header = ["Step"] + [str(guidance.edition(e).year) for e in editions]
    return table(header, rows)


def process_page(guidance: Guidance, process_id: str) -> str:
    process = guidance.process(process_id)
    page = process_path(process.id)
    out = [f"# {text(process.name)}\n", f"{text(process.summary)}\n"]
    if process.roles:
        out.append(
            "**Who is involved:** "
            + ", ".join(f"[{text(guidance.role(r).name)}]({rel(page, role_path(r))})" for r in process.roles)
            + "\n"
        )
    out.append("## The process by edition {#editions}\n")
    out.append("Choose an edition. Each tab shows the diagram and, below it, the same steps as a table.\n")
    panels = [
        (variant_label(guidance, v), variant_panel(guidance, process, v, page))
        for v in sorted(process.variants, key=lambda v: variant_years(guidance, v)[-1], reverse=True)
    ]
    out.append(tabs(panels))
    out.append("## Timescales by edition {#timescales}\n")
    out.append(timescale_table(guidance, process, page, anchors=True))
    return "\n".join(out)


def process_index(guidance: Guidance) -> str:
    page = PROCESS_INDEX
    out = ["# Processes\n"]
    out.append(
        "Who does what, in what order and by when, for each edition. Every diagram comes with a table of the "
        f"same steps. All timescales are also on one printable page: [timescales]({rel(page, TIMESCALES)}).\n"
    )
    for process in guidance.processes:
        years = ", ".join(str(guidance.edition(e).year) for e in process_editions(guidance, process))
        out.append(
            f"- **[{text(process.name)}]({rel(page, process_path(process.id))})**: {text(process.summary)} ({years})"
        )
    out.append("")
    return "\n".join(out)


def timescales_page(guidance: Guidance) -> str:
    page = TIMESCALES
    out = ["# Timescales\n"]
    out.append(
        "Every timescale we hold, by process, step and edition, with its source. A cell marked Changed "
        "differs from the edition before it. Local procedures may set tighter local timescales; these are the "
        "national ones.\n"
    )
    for process in guidance.processes:
        out.append(f"## {text(process.name)} {{ #process-{process.id} }}\n")
        out.append(f"[Diagrams and steps]({rel(page, process_path(process.id))})\n")
        out.append(timescale_table(guidance, process, page, anchors=False))
    return "\n".join(out)
