"""Write src/draaiboek/browser_names.json: names a browser already uses on a form.

An input whose ``name`` equals a property of its form hides that property
(``form.reset``, ``form.dataset`` …: DOM clobbering), and a table column named
like a property of ``Object.prototype`` (``constructor``) collides with every
plain object. The checker refuses such ids; this script asks Chromium for the
real names, so the list is complete for the browser we test with and not
typed by hand. Run it when Chromium is upgraded and commit the result:

    .venv/bin/python scripts/browser-names.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

TARGET = Path(__file__).resolve().parent.parent / "src" / "draaiboek" / "browser_names.json"
# Only names an author could choose matter: ids are snake_case.
SNAKE_CASE = re.compile(r"[a-z][a-z0-9_]*")

COLLECT = """() => {
  const chain = (object) => {
    const names = new Set();
    for (let o = object; o !== null; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) names.add(name);
    }
    return [...names];
  };
  const form = document.createElement("form");
  return {
    browser: navigator.userAgent,
    form: chain(form),
    object: chain({}),
  };
}"""


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            page = browser.new_page()
            page.set_content("<!doctype html><title>names</title>")
            found = page.evaluate(COLLECT)
            version = browser.version
        finally:
            browser.close()
    data = {
        "generated_by": "scripts/browser-names.py",
        "chromium": version,
        "form": sorted(name for name in found["form"] if SNAKE_CASE.fullmatch(name)),
        "object": sorted(name for name in found["object"] if SNAKE_CASE.fullmatch(name)),
    }
    TARGET.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(data['form'])} form names, {len(data['object'])} object names")


if __name__ == "__main__":
    main()
