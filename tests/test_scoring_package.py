"""The scoring package stands alone: standard library only, a reproducible wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from draaiboek.runtime import build_scoring_wheel

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'pydantic', 'pydantic_core', 'jinja2', 'mkdocs', 'yaml', 'draaiboek', 'markdown'}:
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
import draaiboek_scoring, draaiboek_scoring.messages
from draaiboek_scoring import score
from draaiboek_scoring.compare import compare
from draaiboek_scoring.group import group
result = score({'format': 'draaiboek-instrument/1', 'id': 'x', 'version': 1, 'title': 'x',
                'sections': [{'id': 's', 'items': ['a']}],
                'items': [{'id': 'a', 'section': 's', 'type': 'number'}],
                'scores': [{'id': 't', 'expr': 'sum(all)'}]}, {'a': 3})
assert result['scores']['t']['value'] == 3
foreign = sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names) - {'draaiboek_scoring', '__main__'})
print(','.join(foreign))
"""


def test_scoring_package_imports_only_the_standard_library() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", BLOCKER], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == ""


# What a form page's worker loads before its first result: the scorer, not
# the comparison, the group overview or the large modules only they, round()
# or a record's date need (in the browser each costs start-up time).
FIRST_RESULT = """
import json, sys
from draaiboek_scoring import messages
key = messages.load_instrument(json.dumps(INSTRUMENT))
reply = json.loads(messages.score_json(key, json.dumps({"a": 2})))
assert reply["ok"], reply
print(",".join(sorted(m for m in LATER if m in sys.modules)))
"""
LATER = (
    "decimal",
    "fractions",
    "statistics",
    "datetime",
    "draaiboek_scoring.compare",
    "draaiboek_scoring.group",
)


def test_the_first_result_loads_only_what_scoring_needs() -> None:
    instrument = {
        "format": "draaiboek-instrument/1",
        "id": "licht",
        "version": 1,
        "title": "Licht",
        "sections": [{"id": "s", "items": ["a", "b"]}],
        "items": [
            {
                "id": i,
                "section": "s",
                "type": "choice",
                "text": i,
                "options": [{"value": v, "score": v} for v in (1, 2, 3)],
            }
            for i in ("a", "b")
        ],
        "scores": [{"id": "m", "expr": "median(all)"}, {"id": "t", "expr": "sum(all)"}],
    }
    program = FIRST_RESULT.replace("INSTRUMENT", repr(instrument)).replace("LATER", repr(LATER))
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == ""


def test_wheel_is_reproducible_and_complete(tmp_path: Path) -> None:
    first = build_scoring_wheel(tmp_path / "a")
    second = build_scoring_wheel(tmp_path / "b")
    assert first.name == second.name
    assert first.read_bytes() == second.read_bytes()
    assert first.name.startswith("draaiboek_scoring-0.1.0+") and first.name.endswith(
        "-py3-none-any.whl"
    )
    names = zipfile.ZipFile(first).namelist()
    assert "draaiboek_scoring/scoring.py" in names
    assert "draaiboek_scoring/expressions.py" in names
    assert {"draaiboek_scoring/compare.py", "draaiboek_scoring/group.py"} <= set(names)
    assert any(n.endswith(".dist-info/RECORD") for n in names)
    assert not any(n.startswith("draaiboek/") for n in names)
