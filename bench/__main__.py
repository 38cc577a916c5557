"""Run the benchmarks, print a table, write bench/results.json.

Not timed tests: `make test` never depends on machine speed.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

from bench.scorer import bench_scorer

RESULTS = Path(__file__).parent / "results.json"


def main() -> None:
    rows = bench_scorer()
    width = max(len(row["what"]) for row in rows)
    print(f"{'meting'.ljust(width)}  {'p50':>10}  {'p95':>10}  {'doel':>10}")
    for row in rows:
        print(
            f"{row['what'].ljust(width)}  {row['p50_ms']:>8.3f}ms  {row['p95_ms']:>8.3f}ms  "
            f"{row['goal_ms']:>8.3f}ms"
        )
    RESULTS.write_text(
        json.dumps(
            {"machine": platform.platform(), "python": platform.python_version(), "rows": rows},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
