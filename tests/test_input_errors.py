"""Every input error on the command line: a code, one line naming the file and the position, exit 2.

Each unreadable input (undecodable bytes, binary data, an empty file, a directory, a missing file,
a file over the size limit, a table that is not what its suffix says) goes through ``townkpi
facts``, ``check`` and ``targets``: the exit status is 2, standard error holds exactly one line
``townkpi: CODE PATH: reason``, and nothing is printed on standard output. The positions in the
expected messages were worked out from the bytes written here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from townkpi.cli import main, parse_size
from townkpi.document import DEFAULT_MAX_BYTES, read_document, size_limit
from townkpi.errors import InputError

COMMANDS = ("facts", "check", "targets")
REPORT = "全镇实现地区生产总值131.5亿元，同比增长5.4%。\n".encode()

#: name → (file content, or None for no file / "dir" for a directory; code; words of the message)
TEXT_CASES: dict[str, tuple[bytes | str | None, str, str]] = {
    # "abc" then 0x80: no UTF-8 sequence starts with a continuation byte, and GB18030 has no
    # lead byte 0x80 either, so both fail at byte 3
    "undecodable.txt": (
        b"abc\x80\x81\xff",
        "E-DECODE",
        "neither UTF-8 (byte 3) nor GB18030 (byte 3)",
    ),
    # a UTF-16 BOM, then one byte: half a code unit at byte 2
    "half-utf16.txt": (b"\xff\xfe\x41", "E-DECODE", "not valid utf-16 at byte 2"),
    # a NUL after six bytes of text (两个 in UTF-8)
    "binary.txt": ("两个".encode() + b"\x00rest", "E-BINARY", "byte 0x00 at offset 6"),
    "empty.txt": (b"", "E-EMPTY", "empty input"),
    "blank.txt": (" \n\t\r\n\u3000".encode(), "E-EMPTY", "empty input"),
    "folder": ("dir", "E-DIRECTORY", "is a directory"),
    "missing.txt": (None, "E-MISSING", "no such file"),
    "undecodable.csv": (b"id,value\n1,\x80\x81\xff\n", "E-DECODE", "byte 11"),
}
#: Tables (read by check and targets by their suffix; facts reads every file as text).
TABLE_CASES: dict[str, tuple[bytes | str | None, str, str]] = {
    "broken.json": (b'{"facts": [', "E-INPUT", "line 1, column 12"),
    "broken.toml": (b"[x\n", "E-INPUT", "not TOML"),
    "missing.sqlite": (None, "E-MISSING", "no such file"),
    # the facts JSON with a second skipped mention that has no span
    "skipped.json": (
        (
            b'{"facts": [], "skipped": [{"start": 0, "end": 4, "surface": "2023", "reason": "year"},'
            b' {"surface": "x"}]}'
        ),
        "E-INPUT",
        "not the townkpi facts JSON: skipped mention 2: a skipped mention needs 'start' and 'end'",
    ),
    "skipped-not-object.json": (
        b'{"facts": [], "skipped": ["2023"]}',
        "E-INPUT",
        "skipped mention 1: not an object but str",
    ),
    "table.json": ("dir", "E-DIRECTORY", "is a directory"),
}
CASES = {**TEXT_CASES, **TABLE_CASES}


def _make(tmp_path: Path, name: str) -> Path:
    content = CASES[name][0]
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _assert_one_line(result: tuple[int, str, str], path: Path, code: str, words: str) -> None:
    status, out, err = result
    assert status == 2
    assert out == ""
    assert err.endswith("\n")
    [line] = err.splitlines()
    assert line.startswith(f"townkpi: {code} {path}: ")
    assert words in line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", sorted(TEXT_CASES))
def test_an_unreadable_input_is_one_line_and_exit_2(tmp_path, capsys, command, name):
    path = _make(tmp_path, name)
    _content, code, words = CASES[name]
    _assert_one_line(_run(capsys, command, str(path)), path, code, words)


@pytest.mark.parametrize("command", ["check", "targets"])
@pytest.mark.parametrize("name", sorted(TABLE_CASES))
def test_an_unreadable_table_is_one_line_and_exit_2(tmp_path, capsys, command, name):
    path = _make(tmp_path, name)
    _content, code, words = CASES[name]
    _assert_one_line(_run(capsys, command, str(path)), path, code, words)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_over_the_size_limit(tmp_path, capsys, command):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT)
    size = len(REPORT)
    words = f"file of {size} bytes is over the limit of {size - 1} bytes"
    result = _run(capsys, command, str(path), "--max-bytes", str(size - 1))
    _assert_one_line(result, path, "E-TOO-LARGE", words)
    status, out, _err = _run(capsys, command, str(path), "--max-bytes", str(size))
    assert status in {0, 1}
    assert out


def test_the_limit_applies_to_every_file_a_command_reads(tmp_path, capsys):
    plan = tmp_path / "plan.txt"
    plan.write_text("确保全年新进规企业超过10家。", encoding="utf-8")
    actuals = tmp_path / "actuals.txt"
    actuals.write_bytes(REPORT * 100)
    limit = str(len(REPORT) * 10)
    result = _run(capsys, "check", str(plan), "--actuals", str(actuals), "--max-bytes", limit)
    _assert_one_line(result, actuals, "E-TOO-LARGE", f"{len(REPORT) * 100} bytes")
    result = _run(capsys, "targets", str(plan), "--actuals", str(actuals), "--max-bytes", limit)
    _assert_one_line(result, actuals, "E-TOO-LARGE", f"{len(REPORT) * 100} bytes")


def test_batch_records_a_file_over_the_limit(tmp_path, capsys):
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_bytes(REPORT)
    large.write_bytes(REPORT * 3)
    out = tmp_path / "out.jsonl"
    limit = len(REPORT) * 2
    status, stdout, _err = _run(
        capsys, "batch", str(small), str(large), "--out", str(out), "--max-bytes", str(limit)
    )
    assert status == 1  # batch records bad files and goes on; 1 says some were bad
    assert f"E-TOO-LARGE {large}: file of {len(REPORT) * 3} bytes" in stdout
    assert "1 ok, 1 recorded with an error" in stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs a device that never ends")
def test_a_device_without_end_is_read_only_up_to_the_limit(capsys):
    result = _run(capsys, "facts", "/dev/zero", "--max-bytes", "64k")
    _assert_one_line(result, Path("/dev/zero"), "E-TOO-LARGE", "more than the limit of 64000")


@pytest.mark.parametrize(
    ("text", "size"),
    [("1000", 1000), ("500k", 500_000), ("50MB", 50_000_000), ("64MiB", 64 * 2**20),
     ("2GiB", 2 * 2**30), ("1KiB", 1024), ("7B", 7)],
)  # fmt: skip
def test_sizes(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["0", "-5", "1.5MB", "ten", "5XB", "", "5 MB B"])
def test_bad_sizes_are_usage_errors(tmp_path, capsys, text):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT)
    status, out, err = _run(capsys, "facts", str(path), "--max-bytes", text)
    assert status == 2
    assert out == ""
    assert "--max-bytes" in err
    assert "Traceback" not in err


def test_size_limit_sets_the_default_of_read_document(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT)
    with size_limit(len(REPORT) - 1), pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.code == "E-TOO-LARGE"
    assert read_document(path).text == REPORT.decode()  # the limit ends with the block
    with size_limit(1):
        assert read_document(path, max_bytes=DEFAULT_MAX_BYTES).text  # an explicit limit wins
    with pytest.raises(ValueError, match="at least 1 byte"), size_limit(0):
        pass


def test_no_traceback_reaches_the_terminal(tmp_path):
    """The same inputs through a real process: exit 2 and one line, never a traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for name in sorted(TEXT_CASES):
        path = _make(tmp_path, name)
        _content, code, words = CASES[name]
        done = subprocess.run(
            [sys.executable, "-m", "townkpi", "facts", str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stderr, name
        _assert_one_line((done.returncode, done.stdout, done.stderr), path, code, words)
