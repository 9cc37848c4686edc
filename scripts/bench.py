"""Benchmark the site: build time, live reload, scaling, a plain-Markdown baseline and search in a browser.

Measures, each as the median of several runs (peak memory from ``/usr/bin/time -v``):

1. the real build (``mkdocs build --strict``);
2. a live-reload rebuild: ``mkdocs serve`` on a copy of the data, one role file edited,
   time until the served page shows the edit;
3. synthetic data at x1, x10, x50 the real size (``scripts/synthetic.py``), built the same way;
4. a baseline: the same pages as plain Markdown files (no hook, no macros, no data layer),
   same theme, plugins and extensions, built the same way;
5. search in Chromium from file://: time to search ready, time from typing to results,
   and whether the main thread is blocked while the index loads.

With ``--budget SECONDS`` (``--quick`` sets 300), a scale whose builds would not fit in what
is left (predicted from the smaller scales) is skipped and reported as such. By default
there is no limit: the full run takes about half an hour on 2 cores.

Usage: python scripts/bench.py [--quick] [--repeats N] [--scales 1,10,50] [--budget SECONDS]
                               [--no-serve] [--no-browser] [--keep]
Writes bench-output/bench.json (git-ignored) and prints one table and one KEY line.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib.util
import json
import math
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "bench-output"
TIME = Path("/usr/bin/time")
ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SEARCH_QUERY = "referral"
LIVE_ROLE = "school"  # the role file edited in the live-reload test
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\(([^)]*)\)\s*\}\}")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _load_module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- running and timing processes ------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    rss_mb: float | None
    ok: bool
    error: str = ""


@dataclass
class Measure:
    """Several runs of one thing; the figure is the median of the successful ones."""

    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def good(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    @property
    def median(self) -> float | None:
        return statistics.median(r.seconds for r in self.good) if self.good else None

    @property
    def rss_mb(self) -> float | None:
        values = [r.rss_mb for r in self.good if r.rss_mb is not None]
        return max(values) if values else None

    def as_json(self) -> dict[str, Any]:
        return {
            "median_s": self.median,
            "runs_s": [round(r.seconds, 3) for r in self.runs],
            "peak_rss_mb": self.rss_mb,
            "ok": all(r.ok for r in self.runs) and bool(self.runs),
            "note": self.note,
            "errors": [r.error for r in self.runs if r.error],
        }


def run_timed(command: list[str], env: dict[str, str], timeout: float) -> Run:
    """Run a command once; wall time around it, peak RSS from /usr/bin/time -v (or getrusage)."""
    full_env = {**os.environ, **ENV, **env}
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=True) as report:
        wrapped = [str(TIME), "-v", "-o", report.name, *command] if TIME.is_file() else command
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        try:
            done = subprocess.run(wrapped, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Run(time.perf_counter() - start, None, False, f"timed out after {timeout:.0f} s")
        seconds = time.perf_counter() - start
        rss: float | None = None
        if TIME.is_file():
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(report.name).read_text())
            rss = int(found.group(1)) / 1024 if found else None
        else:
            after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            # The children's maximum so far: exact only when this run is the largest yet.
            rss = after / 1024 if after >= before else None
    error = "" if done.returncode == 0 else (done.stderr.strip().splitlines() or ["exit " + str(done.returncode)])[-1]
    return Run(seconds, rss, done.returncode == 0, error)


def build_command(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]


class Budget:
    """A soft time limit for the whole run: slow builds get fewer repeats, unaffordable scales are skipped."""

    def __init__(self, seconds: float, slow: float) -> None:
        self.seconds = seconds
        self.slow = slow
        self.start = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.start

    @property
    def remaining(self) -> float:
        return float("inf") if self.seconds <= 0 else self.seconds - self.elapsed

    def timeout(self) -> float:
        """Hard limit for one build: what is left of the budget, at least 2 minutes (none: 2 hours)."""
        return 7200.0 if self.seconds <= 0 else max(120.0, self.remaining)


@dataclass(frozen=True)
class Target:
    """One thing to build: a label for the log, its config, where it goes, extra environment."""

    label: str
    config: Path
    site: Path
    env: dict[str, str] = field(default_factory=dict)


def measure_builds(targets: list[Target], repeats: int, budget: Budget) -> list[Measure]:
    """Build each target ``repeats`` times, interleaved (a, b, a, b...) so that a change in the
    machine's load affects each alike. A build slower than ``budget.slow`` gets no repeats."""
    measures = [Measure() for _ in targets]
    for i in range(repeats):
        for target, measure in zip(targets, measures, strict=True):
            if measure.runs and not measure.runs[-1].ok:
                continue
            shutil.rmtree(target.site, ignore_errors=True)
            run = run_timed(build_command(target.config, target.site), target.env, budget.timeout())
            measure.runs.append(run)
            rss = f", {run.rss_mb:.0f} MB" if run.rss_mb else ""
            log(f"{target.label}: run {i + 1}: {run.seconds:.1f} s{rss}{'' if run.ok else ' FAILED: ' + run.error}")
        slow = [m for m in measures if m.good and m.good[-1].seconds > budget.slow]
        if i + 1 < repeats and budget.seconds > 0 and slow:
            for measure in measures:
                measure.note = f"{i + 1} run(s) only: a build takes over {budget.slow:.0f} s"
            break
    return measures


# --- site figures ----------------------------------------------------------------------------


@dataclass
class SiteStats:
    pages: int
    site_mb: float
    largest_page: str
    largest_kb: float
    search_index_kb: float
    zip_mb: float


def site_stats(site: Path, zip_site: Callable[[Path, Path], None]) -> SiteStats:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    with tempfile.TemporaryDirectory(prefix="wtsc-bench-zip-") as tmp:
        zip_path = Path(tmp) / "site.zip"
        zip_site(site, zip_path)
        zip_mb = zip_path.stat().st_size / 1e6
    return SiteStats(
        pages=len(pages),
        site_mb=sum(p.stat().st_size for p in files) / 1e6,
        largest_page=largest.relative_to(site).as_posix(),
        largest_kb=largest.stat().st_size / 1e3,
        search_index_kb=index.stat().st_size / 1e3 if index.is_file() else 0.0,
        zip_mb=zip_mb,
    )


# --- the plain-Markdown baseline -------------------------------------------------------------


def baseline_plugins() -> list[Any]:
    """The real config's plugins in order, without macros (the hook goes too: see write_baseline)."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        plugins: list[Any] = yaml_load(f).get("plugins", [])
    return [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != "macros"]


def write_baseline(data_dir: Path, target: Path) -> Path:
    """The same pages as plain Markdown files with the same theme, plugins and extensions.

    Each generated page is rendered once here (front matter + the macro's Markdown) and ends
    with the abbreviation definitions it uses, as a hand-written page with tooltips would, so
    both sites convert the same Markdown and produce pages of the same size.
    Returns the path of the baseline's mkdocs.yml.
    """
    from wtsc.loader import load_guidance
    from wtsc.pages import generated_pages, navigation
    from wtsc.render.glossary import abbreviation_definitions

    macros = _load_module("wtsc_bench_macros", ROOT / "macros" / "main.py")
    hook = _load_module("wtsc_bench_hook", ROOT / "hooks" / "wtsc_hook.py")
    renderers: dict[str, Callable[..., str]] = macros.RENDERERS
    guidance = load_guidance(data_dir, display_root=ROOT)
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for page in generated_pages(guidance):
        body = page.render(guidance)
        head = page.front_matter()
        out = docs / page.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(f"{head}\n{body}\n\n{abbreviation_definitions(guidance, body)}", encoding="utf-8")
    for md in docs.rglob("*.md"):  # hand-written pages call macros too
        source = md.read_text(encoding="utf-8")
        if MACRO_CALL.search(source):

            def expand(match: re.Match[str]) -> str:
                args = [a.strip().strip("\"'") for a in match.group(2).split(",") if a.strip()]
                return renderers[match.group(1)](guidance, *args)

            expanded = MACRO_CALL.sub(expand, source)
            md.write_text(f"{expanded}\n\n{abbreviation_definitions(guidance, expanded)}", encoding="utf-8")
    for dest, source in hook.VENDOR.items():
        (docs / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / source, docs / dest)
    current = guidance.current_edition
    config = {
        # Lists are replaced, mappings merged: theme, extensions, validation come from the real config.
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "hooks": [],
        "plugins": baseline_plugins(),
        "watch": [],
        "theme": {"custom_dir": str(ROOT / "overrides")},
        "extra": {
            "current_edition": {
                "title": current.short_title,
                "page": f"editions/{current.year}.html",
                "official_url": current.official_url,
            }
        },
        "nav": navigation(guidance),
    }
    path = target / "mkdocs.yml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is YAML
    return path


# --- live reload -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_get(port: int, path: str, timeout: float = 5.0) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def vm_hwm_mb(pid: int) -> float | None:
    """Peak RSS of a running process (Linux), read before it is stopped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else None


@contextlib.contextmanager
def serving(data_dir: Path, port: int, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`mkdocs serve` on a data copy; always stopped (its own process group, ended by id)."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
        "--livereload",
        # mkdocs.yml watches ./data only, not WTSC_DATA_DIR: watch the copy explicitly.
        "--watch",
        str(data_dir),
    ]
    env = {**os.environ, **ENV, "WTSC_DATA_DIR": str(data_dir)}
    with log_path.open("wb") as out:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield server
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=15)


def wait_for(check: Callable[[], bool], timeout: float, interval: float = 0.05) -> float | None:
    """Poll until ``check()``; seconds taken, or None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if check():
                return time.perf_counter() - start
        time.sleep(interval)
    return None


def measure_live_reload(work: Path, repeats: int) -> tuple[Measure, float | None]:
    """Edit one role's one_line in a data copy; time until the served role page shows it."""
    data = work / "live-data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(ROOT / "data", data)
    role_file = data / "roles" / f"{LIVE_ROLE}.yaml"
    original = role_file.read_text(encoding="utf-8")
    line = re.search(r"^one_line: (.*)$", original, re.MULTILINE)
    if line is None:
        raise RuntimeError(f"{role_file} has no single-line one_line")
    port = free_port()
    page = f"/roles/{LIVE_ROLE}.html"
    measure = Measure()
    startup: float | None = None
    with serving(data, port, work / "serve.log") as server:

        def up() -> bool:
            return server.poll() is None and http_get(port, page)[0] == 200

        startup = wait_for(up, timeout=300, interval=0.2)
        if startup is None:
            measure.note = "server did not come up: see serve.log"
            return measure, None
        log(f"live reload: server up in {startup:.1f} s")
        time.sleep(1.0)  # let the watcher settle after the first build
        for i in range(repeats):
            marker = f"BenchMarker{os.getpid()}x{i}"
            edited = original.replace(line.group(0), f"one_line: {marker} {line.group(1)}", 1)
            role_file.write_text(edited, encoding="utf-8")
            start = time.perf_counter()
            seen = wait_for(lambda m=marker: m in http_get(port, page)[1], timeout=300, interval=0.05)  # type: ignore[misc]
            seconds = time.perf_counter() - start
            measure.runs.append(Run(seconds, vm_hwm_mb(server.pid), seen is not None, "" if seen else "timed out"))
            log(f"live reload: edit {i + 1}: {seconds:.2f} s")
            if seen is None:
                break
            time.sleep(1.0)
        rss = vm_hwm_mb(server.pid)
        for run in measure.runs:
            run.rss_mb = rss
    return measure, startup


# --- the browser -----------------------------------------------------------------------------

# Installed before any page script: long tasks, the longest gap between animation frames, and
# the moments the search box became ready and showed results.
PROBE = """
(() => {
  const b = window.__bench = {longtasks: [], maxGap: 0, gapAt: 0, ready: null, firstItem: null,
                              lastInput: null, firstInput: null, lastListChange: null};
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { b.longtasks = null; }
  let last = performance.now();
  const frame = now => {
    if (now - last > b.maxGap) { b.maxGap = now - last; b.gapAt = last; }
    last = now;
    if (b.firstItem === null || performance.now() < 30000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const watch = () => {
    const meta = document.querySelector('.md-search-result__meta');
    if (b.ready === null && meta && meta.textContent.trim() && !/Initializing/.test(meta.textContent))
      b.ready = performance.now();
    if (b.firstItem === null && document.querySelector('.md-search-result__item'))
      b.firstItem = performance.now();
  };
  const poll = setInterval(() => { watch(); if (b.ready !== null && b.firstItem !== null) clearInterval(poll); }, 5);
  document.addEventListener('DOMContentLoaded', () => {
    const input = document.querySelector('.md-search__input');
    if (input) input.addEventListener('input', () => {
      b.lastInput = performance.now(); if (b.firstInput === null) b.firstInput = b.lastInput; }, true);
    const list = document.querySelector('.md-search-result__list');
    if (list) new MutationObserver(() => { b.lastListChange = performance.now(); })
      .observe(list, {childList: true, subtree: true});
  });
})();
"""


@dataclass
class BrowserRun:
    ready_s: float | None  # navigation start -> search index ready (box no longer "Initializing")
    first_results_s: float | None  # navigation start -> results for a query typed right after load
    results_ms: float | None  # last keystroke -> result list rendered, once the index is ready
    longest_task_ms: float | None
    long_tasks_ms: float | None  # total long-task time before the first results
    max_frame_gap_ms: float | None


def browser_once(browser: Any, url: str, timeout_ms: float) -> BrowserRun:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda u: not u.startswith(("file:", "data:", "blob:", "about:")), lambda route, _: route.abort())
    try:
        page = context.new_page()
        page.add_init_script(PROBE)
        page.goto(url, wait_until="load")
        # (a) A reader who types as soon as the page has loaded.
        page.locator(".md-search__input").focus()
        page.keyboard.type(SEARCH_QUERY)
        page.wait_for_function("() => window.__bench.firstItem !== null", timeout=timeout_ms, polling=20)
        page.wait_for_function("() => window.__bench.ready !== null", timeout=timeout_ms, polling=20)
        first: dict[str, Any] = page.evaluate("() => ({...window.__bench})")
        # (b) With the index ready: clear, type again, time from the last keystroke to the list.
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=timeout_ms)
        page.wait_for_timeout(300)
        page.keyboard.type(SEARCH_QUERY)
        page.wait_for_function(
            "q => document.querySelector('.md-search__input').value === q"
            " && document.querySelector('.md-search-result__item')"
            " && window.__bench.lastListChange > window.__bench.lastInput",
            arg=SEARCH_QUERY,
            timeout=timeout_ms,
        )
        page.wait_for_timeout(500)  # let any later render of the same query land
        second: dict[str, Any] = page.evaluate("() => ({...window.__bench})")
    finally:
        context.close()
    tasks = first["longtasks"]
    before = [d for s, d in tasks if s < first["firstItem"]] if tasks is not None else None
    results = second["lastListChange"] - second["lastInput"]
    return BrowserRun(
        ready_s=first["ready"] / 1000,
        first_results_s=first["firstItem"] / 1000,
        results_ms=results,
        longest_task_ms=max(before) if before else (0.0 if before is not None else None),
        long_tasks_ms=sum(before) if before is not None else None,
        max_frame_gap_ms=first["maxGap"],
    )


def measure_browser(site: Path, repeats: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM, FLAGS  # the test suite's Chromium and its offline flags

    runs: list[BrowserRun] = []
    errors: list[str] = []
    url = (site / "index.html").as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for i in range(repeats):
                try:
                    run = browser_once(browser, url, timeout_ms=120_000)
                except Exception as error:  # a timeout in the page is a result, not a crash
                    errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
                    log(f"browser {site.name}: run {i + 1} failed: {errors[-1]}")
                    continue
                runs.append(run)
                log(
                    f"browser {site.name}: run {i + 1}: ready {run.ready_s:.2f} s, results {run.results_ms:.0f} ms,"
                    f" longest task {run.longest_task_ms} ms"
                )
        finally:
            browser.close()

    def med(key: str) -> float | None:
        values = [getattr(r, key) for r in runs if getattr(r, key) is not None]
        return statistics.median(values) if values else None

    return {
        "runs": [asdict(r) for r in runs],
        "errors": errors,
        **{key: med(key) for key in BrowserRun.__dataclass_fields__},
    }


# --- the report ------------------------------------------------------------------------------


def fmt_s(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f} s"


def fmt_mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} MB"


def runs_text(measure: Measure) -> str:
    return f"{len(measure.good)}/{len(measure.runs)}" if measure.runs else "0"


@dataclass
class Report:
    """The table rows and the JSON figures, filled in as the benchmark goes."""

    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    overhead: dict[int, float] = field(default_factory=dict)
    per_page: dict[int, float] = field(default_factory=dict)
    sites: dict[int, Path] = field(default_factory=dict)

    def row(self, measure: str, value: str, runs: str = "", detail: str = "") -> None:
        self.rows.append((measure, value, runs, detail))

    def print_table(self) -> None:
        header = ("measure", "value", "runs", "detail")
        lines = [header, *self.rows]
        widths = [max(len(r[i]) for r in lines) for i in range(4)]
        for i, (measure, value, runs, detail) in enumerate(lines):
            print(f"{measure:<{widths[0]}}  {value:>{widths[1]}}  {runs:>{widths[2]}}  {detail}".rstrip())
            if i == 0:
                print("-" * (sum(widths) + 6))


@dataclass(frozen=True)
class Tools:
    """Project scripts loaded as modules (scripts/ is not a package)."""

    generate: Callable[..., Any]
    zip_site: Callable[[Path, Path], None]


def bench_real(report: Report, work: Path, repeats: int, tools: Tools, budget: Budget) -> tuple[Measure, Path]:
    site = work / "site-real"
    [real] = measure_builds([Target("real build", ROOT / "mkdocs.yml", site)], repeats, budget)
    stats = site_stats(site, tools.zip_site) if real.good else None
    report.data["real_build"] = {**real.as_json(), "site": asdict(stats) if stats else None}
    detail = f"peak RSS {fmt_mb(real.rss_mb)}" + (f", {stats.pages} pages" if stats else "")
    report.row("real build (mkdocs build --strict)", fmt_s(real.median), runs_text(real), detail)
    return real, site


def bench_live_reload(report: Report, work: Path, repeats: int) -> None:
    live, startup = measure_live_reload(work, repeats)
    report.data["live_reload"] = {**live.as_json(), "server_start_s": startup}
    report.row("serve: first build until page served", fmt_s(startup), "1")
    report.row(
        f"live reload: edit roles/{LIVE_ROLE}.yaml -> page shows it",
        fmt_s(live.median, 2),
        runs_text(live),
        f"server peak RSS {fmt_mb(live.rss_mb)} {live.note}".rstrip(),
    )


class Predictor:
    """Predicts a build's time at a new scale from the scales measured so far (never below linear)."""

    def __init__(self) -> None:
        self.points: list[tuple[int, float]] = []

    def add(self, scale: int, seconds: float) -> None:
        self.points = [p for p in self.points if p[0] != scale] + [(scale, seconds)]

    def predict(self, scale: int) -> float | None:
        if not self.points:
            return None
        last_scale, last = self.points[-1]
        exponent = 1.0
        if len(self.points) > 1:
            (s0, t0), (s1, t1) = self.points[-2], self.points[-1]
            if s1 != s0 and t0 > 0:
                exponent = max(1.0, math.log(t1 / t0) / math.log(s1 / s0))
        return last * (scale / last_scale) ** exponent


def bench_scale(
    report: Report,
    scale: int,
    work: Path,
    repeats: int,
    tools: Tools,
    budget: Budget,
    predictor: Predictor,
    keep: bool,
) -> None:
    entry: dict[str, Any] = {}
    report.data.setdefault("scales_detail", {})[f"x{scale}"] = entry
    predicted = predictor.predict(scale)
    # Ours plus the baseline (assumed no slower), at least one run each.
    if predicted is not None and budget.seconds > 0 and 2 * predicted > budget.remaining:
        entry["skipped"] = f"predicted {predicted:.0f} s per build, {max(0, budget.remaining):.0f} s of budget left"
        log(f"x{scale}: skipped ({entry['skipped']})")
        report.row(f"x{scale}: our build", "skipped", "0", entry["skipped"] + " (--budget 0 runs it)")
        return
    data = work / f"data-x{scale}"
    counts = tools.generate(scale, data)
    entry["counts"] = asdict(counts)
    check = subprocess.run(
        [sys.executable, "-m", "wtsc", "validate", str(data)], cwd=ROOT, capture_output=True, text=True
    )
    entry["validate"] = (check.stdout + check.stderr).strip()
    label = f"x{scale} ({counts.roles} roles, {counts.terms} terms)"
    if check.returncode != 0:
        report.row(f"{label}: synthetic data", "INVALID", "", entry["validate"].splitlines()[0])
        return
    start = time.perf_counter()
    site, base_dir, base_site = work / f"site-x{scale}", work / f"baseline-x{scale}", work / f"baseline-site-x{scale}"
    base_config = write_baseline(data, base_dir)
    entry["baseline_render_s"] = time.perf_counter() - start
    ours, base = measure_builds(
        [
            Target(f"x{scale} ours", ROOT / "mkdocs.yml", site, {"WTSC_DATA_DIR": str(data)}),
            Target(f"x{scale} baseline", base_config, base_site),
        ],
        repeats,
        budget,
    )
    stats = site_stats(site, tools.zip_site) if ours.good else None
    entry["ours"] = {**ours.as_json(), "site": asdict(stats) if stats else None}
    report.row(
        f"{label}: our build",
        fmt_s(ours.median),
        runs_text(ours),
        f"peak RSS {fmt_mb(ours.rss_mb)}" + (f"; {ours.note}" if ours.note else ""),
    )
    if ours.median is not None:
        predictor.add(scale, ours.median)
    base_stats = site_stats(base_site, tools.zip_site) if base.good else None
    entry["baseline"] = {**base.as_json(), "site": asdict(base_stats) if base_stats else None}
    report.row(
        f"{label}: plain-Markdown baseline",
        fmt_s(base.median),
        runs_text(base),
        f"peak RSS {fmt_mb(base.rss_mb)}; its Markdown rendered in {entry['baseline_render_s']:.1f} s",
    )
    if ours.median is not None and base.median is not None:
        report.overhead[scale] = entry["overhead"] = ours.median / base.median
        report.row(f"x{scale}: overhead (ours / baseline)", f"{report.overhead[scale]:.2f}")
    if stats and ours.median is not None:
        report.sites[scale] = site
        report.per_page[scale] = ours.median / stats.pages
        base_pages = f" (baseline {base_stats.pages})" if base_stats else ""
        report.row(
            f"x{scale}: pages", str(stats.pages), "", f"{report.per_page[scale] * 1000:.0f} ms per page" + base_pages
        )
        base_size = f", baseline site {base_stats.site_mb:.1f} MB" if base_stats else ""
        report.row(
            f"x{scale}: site size", f"{stats.site_mb:.1f} MB", "", f"offline zip {stats.zip_mb:.1f} MB{base_size}"
        )
        report.row(f"x{scale}: largest page", f"{stats.largest_kb:.0f} KB", "", stats.largest_page)
        report.row(f"x{scale}: search_index.json", f"{stats.search_index_kb:.0f} KB")
    if not keep:  # big sites go as soon as they are measured; the browser needs x10
        if scale != 10:
            shutil.rmtree(site, ignore_errors=True)
        for path in (base_site, base_dir, data):
            shutil.rmtree(path, ignore_errors=True)


def bench_browser(report: Report, name: str, site: Path, repeats: int) -> None:
    figures = measure_browser(site, repeats)
    report.data.setdefault("browser", {})[name] = figures
    n = f"{len(figures['runs'])}/{len(figures['runs']) + len(figures['errors'])}"
    report.row(
        f"browser {name}: search ready (query typed at load -> results)",
        fmt_s(figures["first_results_s"], 2),
        n,
        f"from navigation start; index loaded at {fmt_s(figures['ready_s'], 2)}",
    )
    results_ms = figures["results_ms"]
    report.row(
        f"browser {name}: last keystroke -> results",
        "n/a" if results_ms is None else f"{results_ms:.0f} ms",
        n,
        f"query {SEARCH_QUERY!r}, index ready",
    )
    longest, total, gap = figures["longest_task_ms"], figures["long_tasks_ms"], figures["max_frame_gap_ms"]
    blocked = (longest or 0) >= 200 or (gap or 0) >= 200
    report.row(
        f"browser {name}: main thread blocked while index loads",
        "n/a" if gap is None else ("yes" if blocked else "no"),
        n,
        f"longest task {longest or 0:.0f} ms, long tasks {total or 0:.0f} ms in all,"
        f" longest frame gap {gap or 0:.0f} ms",
    )


def key_line(report: Report, scales: list[int], real: Measure, scaling: float | None) -> str:
    scaled = report.data.get("scaling")
    span = f" ({scaled['to']}/{scaled['from']})" if scaled and scaled["to"] != "x50" else ""
    overhead = " ".join(
        f"x{s}={report.overhead[s]:.2f}" if s in report.overhead else f"x{s}=n/a" for s in sorted(scales)
    )
    site = report.data["real_build"].get("site")
    largest = None if site is None else site["largest_kb"]
    browser = report.data.get("browser", {}).get("real", {})
    ready, results = browser.get("first_results_s"), browser.get("results_ms")
    parts = [
        f"KEY overhead {overhead}",
        f"scaling={'n/a' if scaling is None else f'{scaling:.2f}'}{span}",
        f"real build={'n/a' if real.median is None else f'{real.median:.1f}s'}",
        f"largest page={'n/a' if largest is None else f'{largest:.0f}KB'}",
        f"search ready={'n/a' if ready is None else f'{ready:.1f}s'}",
        f"results={'n/a' if results is None else f'{results:.0f}ms'}",
    ]
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 run each, scales x1 and x10, 5-minute budget")
    parser.add_argument("--repeats", type=int, help="runs per measurement (default 3; --quick: 1)")
    parser.add_argument("--scales", help="synthetic scales, comma-separated (default 1,10,50; --quick: 1,10)")
    parser.add_argument(
        "--budget", type=float, help="soft time limit in seconds, 0 for none (default: none; --quick: 300)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the live-reload measurement")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser measurements")
    parser.add_argument("--keep", action="store_true", help="keep data, sites and logs under bench-output/work")
    args = parser.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 3)
    scales = sorted({int(s) for s in (args.scales or ("1,10" if args.quick else "1,10,50")).split(",")})
    # The full run measures every scale 3 times (about half an hour on 2 cores); --quick is for a look.
    budget = Budget(args.budget if args.budget is not None else (300 if args.quick else 0), 20 if args.quick else 60)
    synthetic = _load_module("wtsc_bench_synthetic", ROOT / "scripts" / "synthetic.py")
    build_script = _load_module("wtsc_bench_build", ROOT / "scripts" / "build.py")
    tools = Tools(synthetic.generate, build_script.zip_site)

    OUTPUT.mkdir(exist_ok=True)
    work = OUTPUT / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    report = Report()
    report.data.update(
        command=" ".join(["python", "scripts/bench.py", *(sys.argv[1:] if argv is None else argv)]),
        repeats=repeats,
        scales=scales,
        budget_s=budget.seconds,
        machine={"cpus": os.cpu_count(), "python": sys.version.split()[0], "load_at_start": os.getloadavg()},
    )
    try:
        real, real_site = bench_real(report, work, repeats, tools, budget)
        if not args.no_serve:
            bench_live_reload(report, work, repeats)
        predictor = Predictor()
        if real.median is not None:
            predictor.add(1, real.median)
        for scale in scales:
            bench_scale(report, scale, work, repeats, tools, budget, predictor, args.keep)
        scaling = None
        if len(report.per_page) > 1:
            low, high = min(report.per_page), max(report.per_page)
            scaling = report.per_page[high] / report.per_page[low]
            report.data["scaling"] = {"from": f"x{low}", "to": f"x{high}", "ratio": scaling}
            report.row(f"scaling: time per page x{high} / x{low}", f"{scaling:.2f}", "", "1.00 = linear")
        report.data["overhead"] = {f"x{k}": v for k, v in report.overhead.items()}
        if not args.no_browser:
            targets = {"real": real_site, **({"x10": report.sites[10]} if 10 in report.sites else {})}
            for name, site in targets.items():
                if site.exists():
                    bench_browser(report, name, site, repeats)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report.data["elapsed_s"] = budget.elapsed
    report.data["machine"]["load_at_end"] = os.getloadavg()
    start_load, end_load = report.data["machine"]["load_at_start"][0], os.getloadavg()[0]
    report.row(
        "machine load (1-minute average)",
        f"{start_load:.1f} -> {end_load:.1f}",
        "",
        f"{os.cpu_count()} CPUs; a load above that means other work shared the machine (noisy figures)",
    )
    key = key_line(report, scales, real, scaling)
    report.data["key"] = key
    (OUTPUT / "bench.json").write_text(json.dumps(report.data, indent=2) + "\n", encoding="utf-8")
    report.print_table()
    print(key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
