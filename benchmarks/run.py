"""townkpi benchmarks: throughput against a regex floor and a peer, start-up, and linearity.

Run with ``make bench`` (which installs the ``bench`` dependency group: jionlp and pyinstrument),
or ``.venv/bin/python benchmarks/run.py [--quick] [--profile] [--budget SECONDS]``. Everything
in-process runs in one process on one core, timed with ``time.perf_counter``; each measurement is
repeated after one untimed warm-up call and reported as the minimum and the median; every ratio is
against the baseline measured in the same run. The load average is printed at the start and the
end: on a busy machine wall-clock times grow, so the CPU time of the process is printed too.

What is measured, on the Guanhaiwei report and on the provincial corpus
(``../shared/corpus/provincial-2026`` beside the repository; when it is absent only the Guanhaiwei
report is measured, and a note says so):

- (a) ``townkpi.extract`` on the decoded text of each file;
- (b) extract + ``townkpi.check`` with the built-in checks (no installed plugins);
- (b+) extract + ``townkpi.check`` with every installed plugin (the sector packs);
- (c) the floor: one compiled regular expression that finds every number with its scale and unit
  (units from ``units.txt``), as a list of matches;
- (d) the peer: jionlp's ``extract_money`` (``jionlp.ner.extract_money``, with its parsing) on the
  same text; skipped, with the reason, when jionlp cannot be imported.

The repeats run on text already seen once, so townkpi's caches (of unit strings, conversion
factors and indicator phrases) are warm; the ``1st CPU s`` column is the untimed first call, on
text not seen before by this process, but after the Guanhaiwei report and, for (b), after (a) has
read the same text. The cold pass is the honest first-time figure: fresh processes, each warmed
on the Guanhaiwei report only, then extract + check of every corpus file once. Throughput is in
MB/s of UTF-8 bytes (1 MB = 10^6 bytes), from the minimum wall-clock time and from the minimum CPU
time of the process (the figure per core when other work shares the
machine). Ratios are of times: ``a/c = 12`` means extraction takes 12 times as long as the regex
floor. Then: the whole-process time of ``townkpi check`` on one report and of ``python -c "import
townkpi"`` (subprocesses; wall clock and the child's CPU time; with the modules' bytecode cached,
as an installed package has it, and once compiling from source each run), the modules ``import
townkpi`` loads, and linearity: extract + check on 1×, 10× and 100× the corpus, both as per-file
repeats (a batch of k copies of every file) and concatenated into one text, with the time per MB
relative to 1× and the log-log slope of time against size (1 linear, 2 quadratic). At the end,
the issue's targets against this run's figures: met or not.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import math
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from townkpi import check
from townkpi.document import read_document
from townkpi.extract import extract
from townkpi.plugins import PluginHost
from townkpi.units import known_prefixes, known_units

ROOT = Path(__file__).resolve().parent.parent
GUANHAIWEI = ROOT / "examples" / "guanhaiwei" / "report.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "provincial-2026"
MB = 1_000_000
#: Modules that ``import townkpi`` must not load (they load when first used).
LAZY = ("pint", "pluggy", "numpy", "rich", "townkpi.extract", "townkpi.checks", "townkpi.plugins")
#: The issue's targets: corpus MB/s per core, time over the regex floor's, seconds of a whole
#: `townkpi check`, and the largest time per MB at k times the input over 1x taken as linear.
TARGET_MBS = 5.0
TARGET_FLOOR_RATIO = 20.0
TARGET_PROCESS_S = 0.5
TARGET_LINEAR = 1.25
#: The largest log-log slope of time against input size between the two largest scales taken
#: as linear (1 is linear, 2 quadratic).
TARGET_SLOPE = 1.1

Peer = Callable[[str], object]


# ---------------------------------------------------------------- timing


def timed(fn: Callable[[], object], repeats: int) -> tuple[float, list[float], list[float]]:
    """CPU seconds of the first call of ``fn`` (the warm-up: phrases and units not yet cached),
    then wall-clock and CPU seconds of ``repeats`` calls."""
    c = time.process_time()
    fn()
    first = time.process_time() - c
    walls, cpus = [], []
    for _ in range(repeats):
        c, t = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return first, walls, cpus


def fmt_s(seconds: float) -> str:
    return f"{seconds:.4f}" if seconds < 10 else f"{seconds:.1f}"


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


# ---------------------------------------------------------------- workloads


def floor_pattern() -> re.Pattern[str]:
    """Every number with its scale and unit: digits with decimals, 万/亿…, a unit of units.txt."""
    scales = sorted((p for p, _ in known_prefixes()), key=len, reverse=True)
    symbols = sorted({s for u in known_units() for s in u.symbols}, key=len, reverse=True)
    scale = "|".join(map(re.escape, scales))
    unit = "|".join(map(re.escape, [*symbols, "％"]))
    number = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
    return re.compile(rf"{number}(?:[-－~～至到]{number})?(?:{scale})?[余多]?(?:{unit})?")


def load_peer() -> tuple[Peer | None, str]:
    """jionlp's extract_money, or None and the reason it cannot be used."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp  # noqa: PLC0415 - optional: the bench dependency group

            extract_money: Peer = jionlp.ner.extract_money
            extract_money("实现地区生产总值131.5亿元")  # builds its patterns
    except Exception as exc:  # any failure of the peer skips (d), with the reason
        return None, f"{type(exc).__name__}: {exc}"
    return extract_money, f"jionlp {getattr(jionlp, '__version__', '?')}"


# ---------------------------------------------------------------- sections


def throughput(
    name: str,
    texts: list[str],
    repeats: dict[str, int],
    hosts: dict[str, PluginHost],
    peer: Peer | None,
) -> dict[str, float]:
    """Print the throughput table; return the minimum CPU seconds of each workload run."""
    pattern = floor_pattern()
    size = sum(len(t.encode("utf-8")) for t in texts)

    def a() -> None:
        for t in texts:
            extract(t)

    def b(host: PluginHost) -> Callable[[], None]:
        def run() -> None:
            for t in texts:
                check(extract(t), host=host)

        return run

    def c() -> None:
        for t in texts:
            list(pattern.finditer(t))

    def d() -> None:
        assert peer is not None
        with contextlib.redirect_stdout(io.StringIO()):
            for t in texts:
                peer(t)

    facts = sum(len(extract(t).facts) for t in texts)
    matches = sum(len(pattern.findall(t)) for t in texts)
    print(f"\n## {name}: {len(texts)} file(s), {size:,} bytes UTF-8, {facts} facts, "
          f"{matches} regex matches")  # fmt: skip
    print(f"{'':40} {'min s':>9} {'median s':>9} {'MB/s':>8} {'CPU s':>9} {'CPU MB/s':>9} "
          f"{'repeats':>8} {'1st CPU s':>10}")  # fmt: skip
    rows: list[tuple[str, str, Callable[[], None] | None, int]] = [
        ("a", "(a) extract", a, repeats["a"]),
        ("b", "(b) extract + check (built-in checks)", b(hosts["core"]), repeats["b"]),
        ("b+", "(b+) extract + check (all plugins)", b(hosts["all"]), repeats["b"]),
        ("c", "(c) floor: one compiled regex", c, repeats["c"]),
        ("d", "(d) peer: jionlp extract_money", d if peer else None, repeats["d"]),
    ]
    best: dict[str, float] = {}
    best_cpu: dict[str, float] = {}
    for key, label, fn, n in rows:
        if fn is None:
            print(f"{label:40} skipped: jionlp cannot be used")
            continue
        first, times, cpus = timed(fn, n)
        best[key] = min(times)
        best_cpu[key] = min(cpus)
        print(f"{label:40} {fmt_s(best[key]):>9} {fmt_s(statistics.median(times)):>9} "
              f"{size / best[key] / MB:8.3f} {fmt_s(min(cpus)):>9} "
              f"{size / max(min(cpus), 1e-9) / MB:9.3f} {n:>8} {fmt_s(first):>10}")  # fmt: skip
    pairs = (("a", "c"), ("b", "c"), ("b+", "c"), ("b", "d"), ("b+", "d"))
    ratios = [f"{x}/{y} = {best[x] / best[y]:.1f}×" for x, y in pairs if x in best and y in best]
    print("time ratios (min over min): " + ", ".join(ratios))
    return best_cpu


#: A fresh interpreter: warm on the Guanhaiwei report (pint, plugins, patterns), then extract +
#: check (built-in checks) every file once, on text this process has not seen; prints CPU seconds.
COLD_CHILD = """
import sys, time
from townkpi import check
from townkpi.document import read_document
from townkpi.extract import extract
from townkpi.plugins import PluginHost
host = PluginHost.create(entry_points=False)
guanhaiwei, *paths = sys.argv[1:]
check(extract(read_document(guanhaiwei).text), host=host)
texts = [read_document(p).text for p in paths]
c = time.process_time()
for t in texts:
    check(extract(t), host=host)
print(time.process_time() - c)
"""


def cold_pass(paths: Sequence[Path], repeats: int) -> float | None:
    """Median CPU seconds of extract + check of ``paths`` in fresh processes (text not seen)."""
    size = sum(len(read_document(p).text.encode("utf-8")) for p in paths)
    cpus: list[float] = []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-c", COLD_CHILD, str(GUANHAIWEI), *map(str, paths)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            err = done.stderr.strip().splitlines()
            print(f"\n## cold pass: failed (exit {done.returncode}): {err[-1] if err else ''}")
            return None
        cpus.append(float(done.stdout.split()[-1]))
    median = statistics.median(cpus)
    print(f"\n## cold pass: extract + check (built-in checks), every file once in a fresh process "
          f"warmed on the Guanhaiwei report only, {repeats} processes")  # fmt: skip
    print(f"CPU s min {min(cpus):.4f}, median {median:.4f}; {size / median / MB:.3f} MB/s "
          "(median): what a user checking reports not seen before gets")  # fmt: skip
    return median


def whole_process(report: Path, repeats: int) -> float | None:
    script = Path(sys.executable).parent / "townkpi"
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "townkpi"]
    commands = {
        "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
        'python -c "import townkpi"': [sys.executable, "-c", "import townkpi"],
        f"townkpi check {report.name} --format json": [*cli, "check", str(report), "--format",
                                                        "json"],
    }  # fmt: skip
    if importlib.util.find_spec("numpy") is not None:
        # pint imports numpy when it is installed (here it comes with pandas, a test
        # dependency); townkpi's own dependencies do not bring it.
        hide = (
            "import sys; sys.modules['numpy'] = None; from townkpi.cli import main; "
            f"sys.exit(main(['check', {str(report)!r}, '--format', 'json']))"
        )
        commands["the same, numpy hidden (a plain install)"] = [sys.executable, "-c", hide]
    # As installed: Python caches the modules' bytecode (pip compiles it at install time), so each
    # command runs once untimed with bytecode written to a temporary cache, then is timed. The
    # last row compiles townkpi's modules from source on every run, as with
    # PYTHONDONTWRITEBYTECODE=1 and no cache beside the sources.
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    uncached = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    uncached["PYTHONDONTWRITEBYTECODE"] = "1"
    check_label = f"townkpi check {report.name} --format json"
    runs = [(label, cmd, cached) for label, cmd in commands.items()]
    runs.append(("the same, compiling from source each run", commands[check_label], uncached))
    print(f"\n## whole process: {repeats} runs each (all installed plugins load)")
    print(f"{'':44} {'min s':>8} {'median s':>9} {'min CPU s':>10}")
    medians: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory() as bytecode:
        cached["PYTHONPYCACHEPREFIX"] = bytecode
        for label, cmd, env in runs:
            medians[label] = _time_command(label, cmd, env, repeats)
    probe = f"import sys, townkpi; print(' '.join(m for m in {LAZY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    ).stdout.split()
    print(f"loaded by `import townkpi` among {', '.join(LAZY)}: {', '.join(loaded) or 'none'}")
    return medians[check_label]


def _time_command(label: str, cmd: list[str], env: dict[str, str], repeats: int) -> float | None:
    """Print the wall-clock and CPU times of ``cmd``; return the median wall clock."""
    subprocess.run(cmd, capture_output=True, check=False, env=env)  # untimed: fills the cache
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, check=False, env=env)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            err = done.stderr.decode("utf-8", "replace").strip().splitlines()
            print(f"{label:44} failed (exit {done.returncode}): {err[-1] if err else ''}")
            return None
    print(f"{label:44} {min(walls):8.3f} {statistics.median(walls):9.3f} {min(cpus):10.3f}")
    return statistics.median(walls)


#: What the linearity of one mode came to: the largest 'vs 1×', the largest slope between the two
#: largest scales measured, and the largest k measured for every check set (None: fewer than two
#: scales ran, so nothing is known).
Linearity = tuple[float, float, int] | None


def linearity(
    texts: list[str], scales: Sequence[int], hosts: dict[str, PluginHost], budget: float
) -> dict[str, Linearity]:
    """Print the linearity table; return what each mode came to (over the check sets)."""
    worst: dict[str, Linearity] = {}
    print("\n## linearity: extract + check at k times the corpus")
    print("per-file: the files repeated k times (a batch of k copies of each file); concatenated:")
    print("the whole corpus text joined k times into one text. One run per k (min of 3 at k = 1);")
    print("'vs 1×' is the CPU time per MB relative to k = 1 (CPU time, so that other load on the")
    print("machine does not show as non-linearity); 'slope' the log-log slope of CPU time against")
    print("k from the scale before (1: linear; 2: quadratic); a scale is skipped when its")
    print(f"estimated time exceeds the budget of {budget:.0f} s (--budget).")
    print(f"{'mode':>13} {'k':>4} {'MB':>7} {'facts':>7} {'checks':>8} {'wall s':>8} {'CPU s':>8} "
          f"{'CPU s/MB':>9} {'vs 1×':>6} {'slope':>6}")  # fmt: skip
    base_size = sum(len(t.encode("utf-8")) for t in texts) / MB
    for mode in ("per-file", "concatenated"):
        for label, host in hosts.items():
            per_mb: list[float] = []
            for k in scales:
                size = base_size * k
                if per_mb:
                    growth = per_mb[-1] / per_mb[-2] if len(per_mb) > 1 else 1.0
                    # time per MB that grew by half or more is assumed to grow faster still
                    estimate = per_mb[-1] * (growth**2 if growth > 1.5 else max(growth, 1.0)) * size
                    if estimate > budget:
                        print(f"{mode:>13} {k:>4} {size:7.2f} {'':>7} {label:>8} skipped: "
                              f"estimated {estimate:.0f} s")  # fmt: skip
                        break
                docs = texts * k if mode == "per-file" else ["\n".join(["\n".join(texts)] * k)]
                facts = 0
                walls, cpus = [], []
                for _ in range(3 if k == 1 else 1):
                    c, t = time.process_time(), time.perf_counter()
                    facts = 0
                    for doc in docs:
                        report = extract(doc)
                        check(report, host=host)
                        facts += len(report.facts)
                    walls.append(time.perf_counter() - t)
                    cpus.append(time.process_time() - c)
                per_mb.append(min(cpus) / size)
                slope = (
                    1 + math.log(per_mb[-1] / per_mb[-2]) / math.log(k / scales[len(per_mb) - 2])
                    if len(per_mb) > 1
                    else 1.0
                )
                print(f"{mode:>13} {k:>4} {size:7.2f} {facts:>7} {label:>8} "
                      f"{fmt_s(min(walls)):>8} {fmt_s(min(cpus)):>8} {per_mb[-1]:9.3f} "
                      f"{per_mb[-1] / per_mb[0]:6.2f} {slope:6.2f}")  # fmt: skip
            before = worst.get(mode, (0.0, 0.0, sys.maxsize))
            if len(per_mb) < 2 or before is None:  # a slope needs two scales
                worst[mode] = None
            else:
                ratio = max(p / per_mb[0] for p in per_mb)
                largest = scales[len(per_mb) - 1]
                worst[mode] = (max(before[0], ratio), max(before[1], slope),
                               min(before[2], largest))  # fmt: skip
    return worst


def targets(
    corpus_cpu: dict[str, float], size: int, cold: float | None, process: float | None,
    worst: dict[str, Linearity],
) -> None:  # fmt: skip
    """Print the issue's targets against this run's figures."""
    print("\n## targets (this run)")
    rows: list[tuple[str, str, bool | None]] = []
    b, c = corpus_cpu.get("b"), corpus_cpu.get("c")
    if b is not None:
        rows.append(("extract + check >= 5 MB/s per core (corpus, repeats, CPU)",
                     f"{size / b / MB:.2f} MB/s", size / b / MB >= TARGET_MBS))  # fmt: skip
    if cold is not None:
        rows.append(("the same on text not seen before (cold pass, median)",
                     f"{size / cold / MB:.2f} MB/s", size / cold / MB >= TARGET_MBS))  # fmt: skip
    if b is not None and c is not None:
        rows.append(("within 20x of the regex floor (CPU, b/c)", f"{b / c:.1f}x",
                     b / c <= TARGET_FLOOR_RATIO))  # fmt: skip
    b_all = corpus_cpu.get("b+")
    if b_all is not None:
        rows.append(("  with every installed plugin: >= 5 MB/s (b+)",
                     f"{size / b_all / MB:.2f} MB/s", size / b_all / MB >= TARGET_MBS))  # fmt: skip
    if b_all is not None and c is not None:
        rows.append(("  with every installed plugin: within 20x of the floor (b+/c)",
                     f"{b_all / c:.1f}x", b_all / c <= TARGET_FLOOR_RATIO))  # fmt: skip
    rows.append(("whole `townkpi check` of one report <= 0.5 s (median)",
                 "failed" if process is None else f"{process:.3f} s",
                 None if process is None else process <= TARGET_PROCESS_S))  # fmt: skip
    for mode, result in worst.items():
        if result is None:
            rows.append((f"linear, {mode}: fewer than two scales ran", "-", None))
            continue
        ratio, slope, largest = result
        label = f"linear, {mode}, up to {largest}x: time per MB within {TARGET_LINEAR}x of 1x"
        rows.append((label, f"{ratio:.2f}x", ratio <= TARGET_LINEAR))
        label = f"linear, {mode}, up to {largest}x: slope at the largest scale <= {TARGET_SLOPE}"
        rows.append((label, f"{slope:.2f}", slope <= TARGET_SLOPE))
    for text, figure, met in rows:
        verdict = "unknown" if met is None else ("met" if met else "NOT met")
        print(f"{text:66} {figure:>12}  {verdict}")


def profile(texts: list[str], host: PluginHost) -> None:
    try:
        from pyinstrument import Profiler  # noqa: PLC0415 - optional: the bench group
    except ImportError:
        print("\n## profile: skipped (pyinstrument is not installed: make bench installs it)")
        return
    for t in texts:  # warm
        check(extract(t), host=host)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(3):
        for t in texts:
            check(extract(t), host=host)
    profiler.stop()
    print("\n## profile: extract + check (all plugins) on the corpus, 3 passes, warm")
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats; scales 1× and 10×")
    parser.add_argument("--profile", action="store_true", help="also profile extract + check")
    parser.add_argument(
        "--budget", type=float, default=240.0, help="seconds one linearity scale may take"
    )
    args = parser.parse_args(argv)
    quick = args.quick

    print("# townkpi benchmarks")
    print(f"Python {platform.python_version()} on {platform.machine()}; one process, one core; "
          "time.perf_counter, one warm-up call, then min and median of the repeats")  # fmt: skip
    print(f"at the start: {load_note()}")
    peer, peer_note = load_peer()
    print(
        f"peer: {peer_note}" if peer else f"peer (d) skipped: jionlp cannot be used ({peer_note})"
    )

    t = time.perf_counter()
    check(extract(GUANHAIWEI.read_text(encoding="utf-8")))
    print(f"first extract + check in this process (cold: pint, units, plugins, catalog): "
          f"{time.perf_counter() - t:.3f} s")  # fmt: skip
    hosts = {"built-in": PluginHost.create(entry_points=False), "all": PluginHost.create()}
    print(f"checks: {len(hosts['built-in'].checks())} built-in, "
          f"{len(hosts['all'].checks())} with every installed plugin")  # fmt: skip
    by_key = {"core": hosts["built-in"], "all": hosts["all"]}

    guanhaiwei = [read_document(GUANHAIWEI).text]
    few = {"a": 5, "b": 5, "c": 20, "d": 3} if quick else {"a": 20, "b": 20, "c": 100, "d": 10}
    throughput("Guanhaiwei report", guanhaiwei, few, by_key, peer)

    corpus_files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    corpus_cpu: dict[str, float] = {}
    cold = None
    if corpus_files:
        corpus = [read_document(p).text for p in corpus_files]
        many = {"a": 2, "b": 2, "c": 10, "d": 2} if quick else {"a": 5, "b": 5, "c": 30, "d": 3}
        corpus_cpu = throughput(
            f"corpus ({CORPUS.parent.name}/{CORPUS.name})", corpus, many, by_key, peer
        )
        cold = cold_pass(corpus_files, 3 if quick else 5)
    else:
        corpus = guanhaiwei
        print("\nnote: the corpus (../shared/corpus/provincial-2026 beside the repository) is "
              "absent; only the Guanhaiwei report is measured, and linearity uses it")  # fmt: skip

    process = whole_process(GUANHAIWEI, 3 if quick else 7)
    worst = linearity(corpus, (1, 10) if quick else (1, 10, 100), hosts, args.budget)
    if args.profile:
        profile(corpus, hosts["all"])
    if corpus_files:
        size = sum(len(t.encode("utf-8")) for t in corpus)
        targets(corpus_cpu, size, cold, process, worst)
    print(f"\nat the end: {load_note()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
