"""Fuzzing extraction, the checks and the command line with arbitrary and report-like text.

Properties, over arbitrary Unicode text and over text built from a report grammar
(``strategies.report_texts``: figures in ASCII, full-width and Chinese numerals, units of
``units.txt``, qualifiers, 同比增长/下降, 完成率, 分别, punctuation soup, line breaks, HTML tags):

- ``townkpi.extract`` and ``townkpi.check`` read any string without raising at all (a figure that
  cannot be read is a skipped mention, so one odd figure never stops a report), no check crashes
  (a crash would be a ``TK000`` finding), and only an ``InputError`` escapes ``townkpi.decode``;
- nothing is lost: every run of digits (ASCII or full-width) lies inside a fact or a skipped
  mention (``townkpi.extract.accounted_for``), and every span holds the text it says it holds;
- the facts JSON round-trips: JSON → ``report_from_dict`` → JSON is identical, also for the JSON
  ``townkpi facts`` prints;
- ``townkpi facts`` and ``townkpi check`` (run in-process) exit 0, 1 or 2, print valid JSON, and
  on bad input one line on standard error.

How many examples: the main properties run ``MAIN_EXAMPLES`` (at least 2,000 under the ``ci``
Hypothesis profile), the others ``OTHER_EXAMPLES``; the tests marked ``fuzz`` (``make fuzz``) run
longer texts and more examples.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import report_texts
from townkpi import InputError, decode, extract
from townkpi.cli import main
from townkpi.extract import accounted_for
from townkpi.extract.coverage import digit_runs
from townkpi.plugins import PluginHost
from townkpi.run import CRASH_CODE, check
from townkpi.serialize import report_from_dict, report_to_dict

#: The Hypothesis profile in force (chosen as tests/conftest.py chooses it).
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
#: Examples of the main properties: at least 2,000 in CI.
MAIN_EXAMPLES = {"dev": 200, "ci": 2_000, "fuzz": 20_000}.get(PROFILE, 200)
#: Examples of the other properties (the command line, renderers, bytes).
OTHER_EXAMPLES = {"dev": 50, "ci": 300, "fuzz": 5_000}.get(PROFILE, 50)

_FUNCTION_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
_main = settings(
    max_examples=MAIN_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_other = settings(
    max_examples=OTHER_EXAMPLES, deadline=None, suppress_health_check=_FUNCTION_FIXTURES
)

#: Any text: every Unicode character but surrogates, short and long.
any_text = st.text(max_size=300)
#: Text a report might be, and text meant to break the reader.
texts = st.one_of(report_texts(), any_text)


def _read(text: str):
    """Extract and check ``text``.

    Text handed over as a string is always read: one odd figure must not stop a whole report, so
    not even a ``TownkpiError`` may escape (an unreadable figure is a skipped mention); and the
    checks collect findings rather than raise.
    """
    report = extract(text, source="fuzz.txt")
    return report, check(report)


def _assert_nothing_lost(text: str, report) -> None:
    assert report.text == text
    missing = accounted_for(report)
    assert missing == [], [text[s.start : s.end] for s in missing]
    for f in report.facts:
        assert f.span is not None
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert f.surface == text[f.span.start : f.span.end]
    for s in report.skipped:
        assert 0 <= s.span.start < s.span.end <= len(text)
        assert s.surface == text[s.span.start : s.span.end]
    ids = [f.id for f in report.facts]
    assert len(set(ids)) == len(ids)
    assert all(f.refers_to is None or f.refers_to in ids for f in report.facts)


def _assert_round_trip(report) -> None:
    first = json.dumps(report_to_dict(report), ensure_ascii=False)
    again = json.dumps(report_to_dict(report_from_dict(json.loads(first))), ensure_ascii=False)
    assert again == first


def _assert_checked(report, result) -> None:
    crashed = result.with_code(CRASH_CODE)
    assert not crashed, [f.message for f in crashed]
    for finding in result.findings:
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= len(report.text)


def _exercise(text: str) -> None:
    report, result = _read(text)
    _assert_nothing_lost(text, report)
    _assert_round_trip(report)
    _assert_checked(report, result)


# ---------------------------------------------------------------------------- main properties


@_main
@given(any_text)
def test_arbitrary_text_is_read_and_checked_without_loss(text):
    _exercise(text)


@_main
@given(report_texts())
def test_report_like_text_is_read_and_checked_without_loss(text):
    _exercise(text)


# ---------------------------------------------------------------------------- helpers can fail


@_other
@given(report_texts(), st.data())
def test_accounted_for_notices_a_dropped_mention(text, data):
    """The nothing-lost property can fail: drop one fact or skip and its digits are missed."""
    report = extract(text)
    covers = [("fact", i, f.span) for i, f in enumerate(report.facts)] + [
        ("skip", i, s.span) for i, s in enumerate(report.skipped)
    ]
    runs = digit_runs(text)
    # only covers that hold a digit run no other cover overlaps
    lonely = [
        c
        for c in covers
        if any(c[2].start <= a and b <= c[2].end for a, b in runs)
        and not any(o is not c and o[2].start < c[2].end and c[2].start < o[2].end for o in covers)
    ]
    if not lonely:
        return
    what, index, span = data.draw(st.sampled_from(lonely))
    facts = tuple(f for i, f in enumerate(report.facts) if not (what == "fact" and i == index))
    skipped = tuple(s for i, s in enumerate(report.skipped) if not (what == "skip" and i == index))
    dropped = type(report)(
        source=report.source, text=report.text, facts=facts, skipped=skipped, year=report.year
    )
    missing = [(s.start, s.end) for s in accounted_for(dropped)]
    assert missing
    assert all(span.start <= a and b <= span.end for a, b in missing)


def test_a_figure_of_an_unknown_unit_is_skipped_not_an_error():
    # 5万% and 3亿万个 stack a scale on a unit that takes none, or two scales
    text = "工业产值增长5万%，拆迁3亿万个，完成率98.8%。"
    report = extract(text)
    assert [str(f.value) for f in report.facts] == ["98.8%"]
    assert [(s.surface, s.reason) for s in report.skipped] == [
        ("5万%", "other"),
        ("3亿万个", "other"),
    ]
    assert accounted_for(report) == []


def test_digit_runs_are_ascii_and_full_width():
    assert digit_runs("增长5.4%，１２３户，二十个") == [(2, 3), (4, 5), (7, 10)]


# ---------------------------------------------------------------------------- bytes


@_other
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_raise_an_input_error(data):
    try:
        doc = decode(data, "fuzz.bin")
    except InputError as exc:
        error = exc
    else:
        error = None
    if error is not None:
        assert error.code in {"E-EMPTY", "E-BINARY", "E-DECODE"}
        assert error.position is not None or error.code == "E-EMPTY"
        assert "\n" not in str(error)
        return
    assert doc.text.strip()
    _exercise(doc.text)


@_other
@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_encoded_text_decodes_to_itself(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    try:
        doc = decode(data)
    except InputError as exc:
        assert exc.code in {"E-EMPTY", "E-BINARY"}  # noqa: PT017 - the text is valid in its codec
        return
    if doc.encoding.endswith("+html"):
        return
    expected = text
    if codec == "gb18030":
        # decode tries strict UTF-8 first: GB18030 bytes that are also UTF-8 (一同 is d2bb cdac,
        # also UTF-8 for һͬ) read as UTF-8; in a whole report that is next to impossible
        with contextlib.suppress(UnicodeDecodeError):
            expected = data.decode("utf-8")
    assert doc.text == expected.replace("\r\n", "\n").replace("\r", "\n")


_MARKUP_BITS = st.sampled_from(
    ["<!", "<![", "<![CDATA[", "]]>", "<!DOCTYPE", "<?", "?>", "<!--", "-->", "<", ">", "</",
     "<a", "<p>", "</p>", "<br/>", "<td>", "&", "&#", "&#x", "&#xZZ;", "&#99999999;", "&#0;",
     "&nbsp", "<script>", "</script>", "<style>", "</style>", "<![if !supportLists]>",
     "<![endif]>", "<!ELEMENT", "'", '"', "=", "\r", "\n"]
)  # fmt: skip


@_other
@given(
    st.sampled_from(["<html>", "<!doctype html>", "<?xml version='1.0'?><html>", "  <HTML>"]),
    st.lists(st.one_of(_MARKUP_BITS, report_texts(max_tokens=5)), max_size=30).map("".join),
    st.sampled_from(["utf-8", "gb18030"]),
)
def test_any_html_page_is_read_as_text(head, body, codec):
    try:
        data = (head + body).encode(codec)
    except UnicodeEncodeError:
        return
    try:
        doc = decode(data)
    except InputError as exc:
        assert exc.code in {"E-EMPTY", "E-BINARY"}  # noqa: PT017 - no text, or control bytes
        return
    assert doc.encoding.endswith("+html")
    _exercise(doc.text)


def test_html_sections_that_html_parser_cannot_read_stay_text():
    page = (
        "<html><body><![if !supportLists]>1.<![endif]>拆迁3户，<![foo]>完成<![ x率<![CDATA[70%]]>"
    )
    assert decode(page.encode()).text == "1.拆迁3户，<![foo]>完成<![ x率70%"


def test_html_entities_are_resolved_once():
    # a page that shows the text "&lt;b&gt;" writes it &amp;lt;b&amp;gt;
    page = "<html><p>写作&amp;lt;b&amp;gt;与&amp;amp;和&lt;i&gt;&#49;&#x32;户</p>"
    assert decode(page.encode()).text == "写作&lt;b&gt;与&amp;和<i>12户"


# ---------------------------------------------------------------------------- the command line


def _run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-cli")


@pytest.fixture(scope="module")
def schemas(contract_dir):
    return {
        name: json.loads((contract_dir / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in ("facts", "check")
    }


def _one_error_line(status: int, err: str) -> None:
    assert status == 2
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("townkpi: E-")


@_other
@given(texts)
def test_facts_json_of_the_command_line_round_trips(workdir, schemas, text):
    path = workdir / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    status, out, err = _run_cli("facts", str(path), "--format", "json")
    if status != 0:
        _one_error_line(status, err)
        return
    data = json.loads(out)
    jsonschema.validate(data, schemas["facts"])
    rebuilt = report_to_dict(report_from_dict(data))
    assert json.dumps(rebuilt, ensure_ascii=False, indent=2) + "\n" == out


@_other
@given(texts, st.sampled_from(["json", "text", "csv", "sarif", "html"]))
def test_check_on_the_command_line_exits_0_1_or_2(workdir, schemas, text, fmt):
    path = workdir / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    status, out, err = _run_cli("check", str(path), "--format", fmt)
    if status == 2:
        _one_error_line(status, err)
        return
    assert status in {0, 1}
    assert "Traceback" not in err
    _VALID[fmt](out, schemas)


def _valid_json(out: str, schemas) -> None:
    data = json.loads(out)
    jsonschema.validate(data, schemas["check"])
    assert not [f for f in data["findings"] if f["code"] == CRASH_CODE]


def _valid_csv(out: str, _schemas) -> None:
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][:2] == ["source", "code"]
    assert all(len(row) == len(rows[0]) for row in rows)
    for cell in (c for row in rows for c in row):
        assert not cell or cell[0] not in "=+-@\t\r" or _SIGNED.fullmatch(cell), cell


def _valid_sarif(out: str, _schemas) -> None:
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    for run in log["runs"]:
        assert run["tool"]["driver"]["name"] == "townkpi"
        for result in run["results"]:
            assert result["message"]["text"]
            assert result["ruleId"]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        self.attributes.extend(attrs)

    def handle_comment(self, data):
        self.elements.add("<!--")


def _valid_html(out: str, _schemas) -> None:
    parser = _Elements()
    parser.feed(out)
    parser.close()
    # no script, no comment, no element a report could smuggle in
    assert not parser.elements & {"script", "<!--", "img", "iframe", "svg", "base", "textarea"}
    assert not [k for k, _ in parser.attributes if k.startswith("on")]
    assert all((v or "").startswith("#") for k, v in parser.attributes if k == "href")


def _valid_text(out: str, _schemas) -> None:
    assert "Traceback" not in out


_SIGNED = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_VALID = {
    "json": _valid_json,
    "csv": _valid_csv,
    "sarif": _valid_sarif,
    "html": _valid_html,
    "text": _valid_text,
}


# ---------------------------------------------------------------------------- longer: make fuzz


@pytest.fixture(scope="module")
def every_plugin():
    """A host with the built-in checks and every installed plugin (the sector packs)."""
    return PluginHost.create(entry_points=True)


@pytest.mark.fuzz
@settings(deadline=None, suppress_health_check=_FUNCTION_FIXTURES)
@given(st.one_of(report_texts(max_tokens=400), st.text(max_size=5_000)))
def test_long_texts_with_every_installed_plugin(every_plugin, text):
    report = extract(text)
    _assert_nothing_lost(text, report)
    _assert_round_trip(report)
    _assert_checked(report, check(report, host=every_plugin))


@pytest.mark.fuzz
@settings(deadline=None, suppress_health_check=_FUNCTION_FIXTURES)
@given(st.lists(report_texts(), min_size=1, max_size=30).map("\n".join))
def test_many_report_like_lines(text):
    _exercise(text)


@pytest.mark.fuzz
@settings(deadline=None, suppress_health_check=_FUNCTION_FIXTURES)
@given(texts, st.sampled_from(["facts", "check"]))
def test_the_command_line_never_shows_a_traceback(workdir, text, command):
    path: Path = workdir / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    status, _out, err = _run_cli(command, str(path), "--format", "json")
    assert status in {0, 1, 2}
    assert "Traceback" not in err
