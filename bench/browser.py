"""What a counsellor feels, measured in Debian's Chromium on 127.0.0.1.

- time to first score on a cold instrument page, against two floors: a bare
  page whose worker boots stock Pyodide and runs ``1 + 1``, and the same with
  our trimmed runtime (medians of alternating runs, so drift hits all alike);
- the same on a second visit (a new tab, HTTP cache warm), over a throttled
  link (the bench server plays 20 Mbit/s with 40 ms per response), and on a
  phone-class CPU (Chromium's CPU throttling ×4);
- the warm form: instant navigation to a second instrument → its first result;
- update latency: one answer → result in the page, over 220 changes of a
  60-item instrument, against one animation frame;
- long tasks on the main thread during load and Pyodide start, and whether
  draaiboek's own scripts caused them (Long Animation Frames attribute them);
- bytes transferred on a first and a repeat visit, raw and gzip, with the
  Pyodide share.

The page marks every result with ``performance.mark("draaiboek:result")``;
an init script observes marks, long tasks and long animation frames from the
very start of each page.
"""

from __future__ import annotations

import json
import socket
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench.server import Counter, Transfer, mbit_link, serve
from bench.site import browser_site

# What each variant's page is called and the mark its first result sets.
FORM, FLOOR, TRIM_FLOOR = "formulier", "vloer", "vloer-trim"
PAGES = {
    FORM: ("/a/", "draaiboek:result"),
    FLOOR: ("/vloer/", "vloer:result"),
    TRIM_FLOOR: ("/vloer-trim/", "vloer:result"),
}

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]
RUNS = 5
CHANGES = 220
LINK_MBIT, LINK_LATENCY_MS = 20, 40
CPU_SLOWDOWN = 4

OBSERVE = """
window.__bench = { marks: [], longtasks: [], frames: [] };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__bench.marks.push({ name: e.name, t: e.startTime, detail: e.detail || null });
  }
}).observe({ type: "mark", buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    window.__bench.longtasks.push({ t: e.startTime, d: e.duration });
  }
}).observe({ type: "longtask", buffered: true });
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__bench.frames.push({
        t: e.startTime,
        d: e.duration,
        scripts: e.scripts.map((s) => ({ url: s.sourceURL, d: s.duration })),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
} catch (error) {}
"""

FIRST_MARK = """
([name, instrument]) => {
  const mark = window.__bench.marks.find(
    (m) => m.name === name && (!instrument || (m.detail && m.detail.instrument === instrument)));
  return mark ? mark.t : null;
}
"""

# One answer at a time: a value the item does not have yet, on a visible item;
# the time from the change event to the result's mark.
CHANGE_ANSWERS = """
async (count) => {
  const form = document.querySelector("form.db-instrument");
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const items = [...form.querySelectorAll("[data-item]")].filter((node) => !node.hidden);
    const item = items[(i * 7) % items.length];
    const choices = [...item.querySelectorAll("input[type=radio]")].filter((r) => !r.checked);
    const input = choices[i % choices.length];
    const marked = new Promise((resolve) => {
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name !== "draaiboek:result") continue;
          observer.disconnect();
          resolve(entry.startTime);
        }
      });
      observer.observe({ type: "mark" });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
    });
    const start = performance.now();
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    const end = await marked;
    latencies.push(end === null ? null : end - start);
  }
  return latencies;
}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def built_site() -> Iterator[tuple[Path, int]]:
    """The benchmark site, built once for the port it will be served on."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="draaiboek-bench-") as folder:
        yield browser_site(Path(folder), f"http://127.0.0.1:{port}/"), port


def open_page(browser: Browser, cpu_slowdown: float = 1) -> Page:
    """A page in a fresh context: an empty cache, as on a first visit."""
    page = browser.new_context().new_page()
    page.add_init_script(OBSERVE)
    if cpu_slowdown != 1:
        session = page.context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    return page


# Where a form's first result came from: the page's own milestones and the
# stages the scorer's worker reports (worker.mjs marks them; ms after navigation).
STAGES = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const stages = { page_dom_ready: nav ? nav.domContentLoadedEventEnd : null };
  const prefix = "draaiboek:worker:";
  for (const m of window.__bench.marks) {
    const name = m.name.startsWith(prefix) ? "worker_" + m.name.slice(prefix.length) : null;
    if (name && !(name in stages)) stages[name] = m.t;
  }
  const result = window.__bench.marks.find((m) => m.name === "draaiboek:result");
  if (result) stages.result = result.t;
  return stages;
}
"""


def stages(page: Page) -> dict[str, float]:
    """The milestones of this page's first result (empty for a floor page)."""
    found = page.evaluate(STAGES)
    return {name: float(t) for name, t in found.items() if t is not None} if found else {}


def first_mark(page: Page, name: str, instrument: str | None = None) -> float:
    page.wait_for_function(
        f"() => ({FIRST_MARK})({json.dumps([name, instrument])}) !== null", timeout=120_000
    )
    return float(page.evaluate(FIRST_MARK, [name, instrument]))


Stages = dict[str, list[float]]


class Series:
    """Runs per variant, and the stages of each run (medians reported)."""

    def __init__(self, variants: tuple[str, ...]) -> None:
        self.runs: dict[str, list[float]] = {name: [] for name in variants}
        self.stages: dict[str, Stages] = {name: {} for name in variants}

    def add(self, variant: str, ms: float, milestones: dict[str, float]) -> None:
        self.runs[variant].append(ms)
        for stage, t in milestones.items():
            self.stages[variant].setdefault(stage, []).append(t)

    def medians(self) -> dict[str, Any]:
        return {
            name: {
                "median_ms": statistics.median(values),
                "runs_ms": values,
                "stages_median_ms": {
                    stage: statistics.median(ts) for stage, ts in self.stages[name].items()
                },
            }
            for name, values in self.runs.items()
        }


def cold_first_score(
    browser: Browser, url: str, name: str, cpu_slowdown: float = 1
) -> tuple[float, dict[str, float]]:
    page = open_page(browser, cpu_slowdown)
    try:
        page.goto(url)
        return first_mark(page, name), stages(page)
    finally:
        page.context.close()


def cold_series(
    browser: Browser, base: str, variants: tuple[str, ...], cpu_slowdown: float = 1
) -> dict[str, Any]:
    """``RUNS`` cold first results per variant, alternating, after one unmeasured round."""
    series = Series(variants)
    for round_ in range(RUNS + 1):
        for name in variants:
            path, mark = PAGES[name]
            ms, milestones = cold_first_score(browser, base + path, mark, cpu_slowdown)
            if round_:
                series.add(name, ms, milestones)
    return series.medians()


def repeat_series(profile: BrowserContext, base: str, variants: tuple[str, ...]) -> dict[str, Any]:
    """Second visits: each page once to fill the cache, then ``RUNS`` new tabs each, alternating."""
    series = Series(variants)
    for round_ in range(RUNS + 1):
        for name in variants:
            path, mark = PAGES[name]
            page = profile.new_page()
            page.add_init_script(OBSERVE)
            page.goto(base + path)
            ms = first_mark(page, mark)
            page.wait_for_load_state("networkidle")
            milestones = stages(page)
            page.close()
            if round_:
                series.add(name, ms, milestones)
    return series.medians()


def visit(
    profile: BrowserContext, url: str, counter: Counter
) -> tuple[Page, float, dict[str, int]]:
    """Open the 60-item form in a new tab: the page, its first score, what was transferred."""
    page = profile.new_page()
    page.add_init_script(OBSERVE)
    counter.take()
    page.goto(url)
    first = first_mark(page, "draaiboek:result", "meet-zestig")
    page.wait_for_load_state("networkidle")
    return page, first, weight(counter.take())


def weight(transfers: list[Transfer]) -> dict[str, Any]:
    pyodide = [t for t in transfers if "/assets/draaiboek/pyodide-" in t.path]
    parts: dict[str, int] = {}
    for transfer in transfers:
        name = transfer.path.rsplit("/", 1)[-1]
        part = name if transfer in pyodide else "pagina, thema, forms.js, worker, definitie"
        parts[part] = parts.get(part, 0) + transfer.gzip
    return {
        "requests": len(transfers),
        "raw": sum(t.raw for t in transfers),
        "gzip": sum(t.gzip for t in transfers),
        "pyodide_raw": sum(t.raw for t in pyodide),
        "pyodide_gzip": sum(t.gzip for t in pyodide),
        "gzip_by_part": dict(sorted(parts.items(), key=lambda item: -item[1])),
    }


def long_tasks(page: Page, until: float) -> dict[str, Any]:
    """Long tasks up to ``until`` (ms after navigation), and those our scripts caused."""
    data = page.evaluate("() => window.__bench")
    tasks = [task for task in data["longtasks"] if task["t"] <= until]
    ours = [
        frame
        for frame in data["frames"]
        if frame["t"] <= until
        and sum(s["d"] for s in frame["scripts"] if "/assets/draaiboek/" in (s["url"] or "")) >= 50
    ]
    return {
        "count": len(tasks),
        "longest_ms": max((task["d"] for task in tasks), default=0.0),
        "caused_by_draaiboek": len(ours),
        "frames_attributed": bool(data["frames"]),
    }


def bench_browser() -> dict[str, Any]:
    with built_site() as (site, port), sync_playwright() as playwright:
        base = f"http://127.0.0.1:{port}"
        server, counter = serve(site, port)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with tempfile.TemporaryDirectory(prefix="draaiboek-profile-") as profile_dir:
                profile = playwright.chromium.launch_persistent_context(
                    profile_dir, executable_path=CHROMIUM, args=CHROMIUM_ARGS
                )
                try:
                    result = _measure(browser, profile, base, counter)
                finally:
                    profile.close()
            result["cpu_slowed"] = cold_series(
                browser, base, (FORM, FLOOR), cpu_slowdown=CPU_SLOWDOWN
            )
            result["cpu_slowdown"] = CPU_SLOWDOWN
        finally:
            server.shutdown()
            server.server_close()  # free the port for the slow link's server
        # The same built site (its pages name this port) over the slow link.
        slow, _ = serve(site, port, mbit_link(LINK_MBIT, LINK_LATENCY_MS))
        try:
            result["throttled"] = cold_series(browser, base, (FORM, FLOOR, TRIM_FLOOR))
            result["link"] = {"mbit_per_s": LINK_MBIT, "latency_ms": LINK_LATENCY_MS}
        finally:
            slow.shutdown()
            slow.server_close()
            browser.close()
        return result


def _measure(
    browser: Browser, profile: BrowserContext, base: str, counter: Counter
) -> dict[str, Any]:
    cold = cold_series(browser, base, (FORM, FLOOR, TRIM_FLOOR))

    # One visit, measured through: first visit, long tasks, warm form, updates, repeat visit.
    # A profile on disk, as a real browser has: Pyodide's 9 MB wasm is too big for
    # the memory-only cache of a fresh context.
    form_url = base + PAGES[FORM][0]
    page, first, first_visit = visit(profile, form_url, counter)
    tasks = long_tasks(page, first + 500)

    updates = [ms for ms in page.evaluate(CHANGE_ANSWERS, CHANGES) if ms is not None]

    click = float(page.evaluate("() => performance.mark('bench:click').startTime"))
    page.click("text=Naar formulier B")
    warm = first_mark(page, "draaiboek:result", "meet-tien") - click
    reloaded = page.evaluate("() => performance.getEntriesByType('navigation').length")

    page.close()
    page, _, repeat_visit = visit(profile, form_url, counter)
    page.close()
    repeat = repeat_series(profile, base, (FORM, FLOOR, TRIM_FLOOR))

    return {
        "cold": cold,
        "repeat": repeat,
        "warm_form_ms": warm,
        "warm_form_instant_navigation": reloaded == 1,
        "update_p50_ms": statistics.median(updates),
        "update_p95_ms": statistics.quantiles(updates, n=20)[18],
        "updates": len(updates),
        "long_tasks": tasks,
        "first_visit": first_visit,
        "repeat_visit": repeat_visit,
    }
