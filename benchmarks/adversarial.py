"""townkpi benchmark: adversarial text against normal text, per megabyte and per figure.

Run with ``.venv/bin/python benchmarks/adversarial.py [--quick] [--size MB]``. The texts are those
of ``tests/hostile_inputs.py``: 100,000-digit runs, 万万万…, ten thousand %, nested brackets,
50,000 commas, sentences of 100,000 characters without punctuation, 10,000 repetitions of
同比增长5%、, 分别 lists, dates, ranges and so on; the baseline is normal report text (the
Guanhaiwei report repeated) of the same size.

For each text, extract and extract + check (every check of every installed plugin) are timed in
CPU seconds (``time.process_time``, so that other load on the machine does not count), one warm
run each, the minimum of ``--repeats``. Columns:

- ``s/MB``: CPU seconds of extract + check per MB (10^6 bytes of UTF-8) at the full size;
- ``vs normal``: that time per MB over normal text's; the goal is at most 3;
- ``growth``: time per MB at the full size over time per MB at a quarter of it; about 1 for
  linear time, 4 for quadratic;
- ``numbers/MB``: facts + skipped mentions per MB, and ``per number``: the time per number over
  normal text's: a text dense with figures costs more per MB but not more per figure.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import BUILDERS, MB, build  # noqa: E402
from townkpi.extract import extract  # noqa: E402
from townkpi.plugins import PluginHost  # noqa: E402
from townkpi.run import check  # noqa: E402

#: The goal: time per MB of any adversarial text within this factor of normal text's.
GOAL = 3.0


def measure(text: str, host: PluginHost, repeats: int) -> tuple[float, float, int]:
    """CPU seconds of extract, of extract + check (minimum of ``repeats``), and the numbers read."""
    best_extract = best_total = float("inf")
    numbers = 0
    for _ in range(repeats):
        c = time.process_time()
        report = extract(text)
        e = time.process_time()
        check(report, host=host)
        t = time.process_time()
        best_extract, best_total = min(best_extract, e - c), min(best_total, t - c)
        numbers = len(report.facts) + len(report.skipped)
    return best_extract, best_total, numbers


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of the size, one repeat")
    parser.add_argument("--size", type=float, default=1.0, help="MB per text (default: 1)")
    parser.add_argument("--repeats", type=int, default=2, help="runs per text (default: 2)")
    args = parser.parse_args(argv)
    size = int(args.size * MB / (4 if args.quick else 1))
    repeats = 1 if args.quick else args.repeats
    host = PluginHost.create()
    check(extract(build("normal", 20_000)), host=host)  # warm: pint, plugins, patterns

    print(f"\n## adversarial text: extract + check ({len(host.checks())} checks) per MB, "
          f"{size / MB:.2f} MB per text, CPU s, min of {repeats}")  # fmt: skip
    print(f"{'text':<26} {'MB':>5} {'extract s':>9} {'total s':>8} {'s/MB':>6} "
          f"{'vs normal':>9} {'growth':>6} {'numbers/MB':>10} {'per number':>10}")  # fmt: skip
    base_mb = base_number = 0.0
    over: list[str] = []
    for name in ["normal", *sorted(BUILDERS)]:
        text = build(name, size)
        mb = len(text.encode("utf-8")) / MB
        extract_s, total_s, numbers = measure(text, host, repeats)
        quarter = build(name, size // 4)
        q_mb = len(quarter.encode("utf-8")) / MB
        _, q_total, _ = measure(quarter, host, repeats)
        per_mb = total_s / mb
        per_number = total_s / max(numbers, 1)
        if name == "normal":
            base_mb, base_number = per_mb, per_number
        ratio = per_mb / base_mb
        growth = per_mb / (q_total / q_mb) if q_total > 0 and q_mb < mb else float("nan")
        if ratio > GOAL:
            over.append(name)
        print(f"{name:<26} {mb:5.2f} {extract_s:9.3f} {total_s:8.3f} {per_mb:6.2f} "
              f"{ratio:9.2f} {growth:6.2f} {numbers / mb:10.0f} "
              f"{per_number / base_number:10.2f}")  # fmt: skip
    if over:
        print(f"over {GOAL:g}× normal text per MB: {', '.join(over)}")
    else:
        print(f"every adversarial text within {GOAL:g}× normal text per MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
