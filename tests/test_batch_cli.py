"""``townkpi batch``: the summary, the exit status, resume, the progress bar and bad usage."""

import io
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

import townkpi.cli
from townkpi.cli import main

GUANHAIWEI = Path(__file__).resolve().parent.parent / "examples" / "guanhaiwei" / "report.txt"


@pytest.fixture(autouse=True)
def only_batch(monkeypatch):
    """The other subcommands are tested elsewhere; load only batch."""
    monkeypatch.setattr(townkpi.cli, "COMMANDS", ("townkpi.cli.batch",))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(GUANHAIWEI, folder / "a-guanhaiwei.txt")
    shutil.copy(GUANHAIWEI, folder / "b-copy.txt")
    (folder / "c-binary.dat").write_bytes(b"\x00\x01\x02\x03")
    (folder / "d-empty.txt").write_bytes(b"")
    return folder


def test_summary_and_exit_status(corpus, tmp_path, capsys):
    out = tmp_path / "out.sqlite"
    status = main(["batch", str(corpus), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 1  # some files were recorded with an error
    lines = captured.out.splitlines()
    assert lines[0].split() == ["file", "status", "facts", "errors", "warnings", "info", "targets"]
    by_name = {Path(line.split()[0]).name: line.split()[1:] for line in lines[1:5]}
    assert by_name["a-guanhaiwei.txt"][0] == "ok"
    assert by_name["a-guanhaiwei.txt"] == by_name["b-copy.txt"]  # the copy reads the same
    assert by_name["c-binary.dat"] == ["E-BINARY", "0", "0", "0", "0", "0"]
    assert by_name["d-empty.txt"] == ["E-EMPTY", "0", "0", "0", "0", "0"]
    binary = str(corpus / "c-binary.dat")
    assert f"E-BINARY {binary}: binary data, not text (byte 0x00 at offset 0)" in lines
    assert "4 files processed (2 ok, 2 recorded with an error), 0 skipped" in lines[-1]
    assert captured.err == ""  # no progress bar when standard error is not a terminal
    con = sqlite3.connect(out)
    try:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (4,)
    finally:
        con.close()


def test_a_second_run_skips_every_file(corpus, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(corpus), "--out", str(out)]) == 1
    capsys.readouterr()
    assert main(["batch", str(corpus), "--out", str(out), "--jobs", "2"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("0 files processed (0 ok, 0 recorded with an error), 4 skipped")
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_only_good_files_exit_zero(corpus, tmp_path, capsys):
    out = tmp_path / "out.sqlite"
    status = main(["batch", str(corpus / "a-guanhaiwei.txt"), "--out", str(out), "-j", "2"])
    assert status == 0
    assert "1 file processed (1 ok, 0 recorded with an error)" in capsys.readouterr().out


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal(corpus, tmp_path, monkeypatch, capsys):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["batch", str(corpus), "--out", str(tmp_path / "out.sqlite")])
    drawn = terminal.getvalue()
    assert "4/4 files, 2 failed" in drawn
    assert drawn.endswith("\r\x1b[K")  # the bar is cleared before the summary
    capsys.readouterr()


def test_unknown_output_format_is_bad_usage(corpus, tmp_path, capsys):
    status = main(["batch", str(corpus), "--out", str(tmp_path / "out.xlsx")])
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("townkpi: E-INPUT")
    assert "unknown output format '.xlsx'" in err
    assert len(err.splitlines()) == 1


def test_negative_jobs_is_bad_usage(corpus, tmp_path, capsys):
    status = main(["batch", str(corpus), "--out", str(tmp_path / "o.sqlite"), "--jobs", "-1"])
    assert status == 2
    assert "not a number of jobs" in capsys.readouterr().err
