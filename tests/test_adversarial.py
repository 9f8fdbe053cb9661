"""Adversarial input: every hostile text of ``hostile_inputs`` is read and checked to the end.

Each text (100,000-digit runs, 万万万…, ten thousand %, nested brackets, 50,000 commas, sentences
of 100,000 characters without punctuation, 10,000 repetitions of 同比增长5%、 …) goes through
``extract`` and ``check`` in a worker process, and nothing of it may be lost: every run of digits
lies in a fact or a skipped mention, and no check crashes.

No test here measures speed (that is ``benchmarks/adversarial.py``): the worker's time limit of
``HANG_GUARD`` seconds per text only stops a run that would never end, such as catastrophic
backtracking in a regular expression, which grows far beyond any limit at these sizes. The
default run reads each text at ``SMALL`` bytes; ``make fuzz`` (the tests marked ``fuzz``) at about
one megabyte.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_inputs import BUILDERS, MB

#: Seconds a worker may take over one text before it is taken to hang and is killed.
HANG_GUARD = 60
#: Bytes of each text in the default run.
SMALL = 100_000

TESTS_DIR = Path(__file__).resolve().parent

_WORKER = """
import json, sys, time
from hostile_inputs import build
from townkpi.extract import accounted_for, extract
from townkpi.run import CRASH_CODE, check

for line in sys.stdin:
    name, size = line.split()
    text = build(name, int(size))
    start = time.perf_counter()
    report = extract(text)
    result = check(report)
    print(json.dumps({
        "name": name,
        "bytes": len(text.encode("utf-8")),
        "facts": len(report.facts),
        "skipped": len(report.skipped),
        "missing": [text[s.start:s.end][:20] for s in accounted_for(report)][:5],
        "crashed": [f.message for f in result.with_code(CRASH_CODE)],
        "seconds": time.perf_counter() - start,
    }), flush=True)
"""


class Worker:
    """A Python process that reads and checks hostile texts by name, one per request."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(TESTS_DIR), env.get("PYTHONPATH", "")])
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )

    def read(self, name: str, size: int) -> dict[str, object] | None:
        """The worker's answer for one text, or None when it took over ``HANG_GUARD`` seconds."""
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(f"{name} {size}\n")
        self.proc.stdin.flush()
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout=HANG_GUARD):
                return None
        line = self.proc.stdout.readline()
        if not line:
            _out, err = self.proc.communicate(timeout=10)
            raise AssertionError(f"the worker died reading {name}:\n{err}")
        return json.loads(line)

    def stop(self) -> None:
        """End the worker (it is killed when it does not stop at once)."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


@pytest.fixture(scope="module")
def worker():
    holder = {"worker": Worker()}
    yield holder
    holder["worker"].stop()


def _read(holder: dict[str, Worker], name: str, size: int) -> dict[str, object]:
    answer = holder["worker"].read(name, size)
    if answer is None:
        holder["worker"].stop()
        holder["worker"] = Worker()  # the next text gets a fresh worker
        pytest.fail(f"{name} ({size} bytes) was not read within {HANG_GUARD} s: it hangs")
    return answer


def _assert_read_whole(answer: dict[str, object], size: int) -> None:
    assert answer["bytes"] >= size // 2  # about the size asked for (whole repetitions)
    assert answer["missing"] == [], "runs of digits in no fact and no skipped mention"
    assert answer["crashed"] == [], "a check crashed"
    assert answer["facts"] or answer["skipped"] or answer["name"].startswith("no_punctuation_no")


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_hostile_text_is_read_whole(worker, name):
    _assert_read_whole(_read(worker, name, SMALL), SMALL)


@pytest.mark.fuzz
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_megabyte_of_hostile_text_is_read_whole(worker, name):
    _assert_read_whole(_read(worker, name, MB), MB)


def test_the_hostile_texts_are_what_they_say():
    """The builders make what their names promise, at about the size asked for."""
    from hostile_inputs import build  # noqa: PLC0415

    assert build("one_digit_run", 1000) == "9" * 1000
    assert "1234567890" * 10_000 in build("digits", SMALL)
    assert "万" * 10_000 in build("wan", SMALL)
    assert "%" * 5_000 + "％" * 5_000 in build("percent", SMALL)
    assert "（" * 2_000 + "(" * 2_000 in build("brackets", SMALL)
    assert "1" + ",000" * 50_000 + "元" in build("commas", 10)
    sentence = build("no_punctuation", SMALL).split("。")[0]
    assert len(sentence) >= 99_000
    assert not any(p in sentence for p in "，,；;、：:")
    assert build("changes", SMALL).count("同比增长5%、") == 10_000
    for name in BUILDERS:
        text = build(name, MB)
        assert len(text.encode("utf-8")) <= 2 * MB, name
