"""Every renderer stays valid and safe for any text: JSON and SARIF parse, CSV cells run no formula,
HTML holds only townkpi's own markup, and the terminal text carries no control characters."""

import csv
import io
import json
import re
import unicodedata
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from townkpi.findings import CheckResult, Evidence, Finding, Severity
from townkpi.model import Fact, FactKind, Report, Span, Value
from townkpi.render import render

#: The elements the HTML renderer writes; anything else came from the input.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "p",
    "div", "span", "mark", "sup", "a", "label", "input", "section", "table", "thead", "tbody",
    "tr", "th", "td", "details", "summary", "dl", "dt", "dd", "aside", "strong", "ul", "li", "br",
}  # fmt: skip
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")

_pieces = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=8),
    st.sampled_from(list("<>&\"'=+-@\t\r\n\x1b\u202e;/：，。户%")),
    st.sampled_from(["<script>", "</p>", "javascript:", "<!--", "]]>", "\x00", "=cmd|", "-1+1"]),
)
hostile_text = st.lists(_pieces, min_size=1, max_size=16).map("".join).filter(bool)


@st.composite
def checked_reports(draw):
    text = draw(hostile_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    spans = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if text[a:b].strip("\n"):  # a figure is never only line breaks
            line = text.count("\n", 0, a) + 1
            spans.append(
                Span(start=a, end=b, line=line, column=a - (text.rfind("\n", 0, a) + 1) + 1)
            )
    facts = [
        Fact(
            id=f"f{i}",
            kind=FactKind.AMOUNT,
            value=Value.parse("3户"),
            surface=text[s.start : s.end],
            indicator=draw(hostile_text),
            span=s,
        )
        for i, s in enumerate(spans)
    ]
    findings = [
        Finding(
            code="TK101",
            check="townkpi.rates.rate_count",
            severity=draw(st.sampled_from(list(Severity))),
            message=draw(hostile_text),
            spans=[s],
            facts=[f.id],
            evidence=[Evidence(name="x", value=draw(hostile_text))],
            suggestion=draw(st.none() | hostile_text),
        )
        for f, s in zip(facts, spans, strict=True)
    ]
    source = draw(hostile_text)
    report = Report(source=source, text=text, facts=facts, title=draw(st.none() | hostile_text))
    return report, CheckResult(source=source, findings=findings)


@given(checked_reports())
def test_json_and_sarif_parse_and_keep_the_spans(checked):
    report, result = checked
    data = json.loads(render("json", report, result))
    assert [f["spans"] for f in data["findings"]] == [
        [[s.start, s.end] for s in f.spans] for f in result.findings
    ]
    log = json.loads(render("sarif", report, result, checks=()))
    for res, finding in zip(log["runs"][0]["results"], result.findings, strict=True):
        region = res["locations"][0]["physicalLocation"]["region"]
        span = finding.spans[0]
        assert (region["charOffset"], region["charLength"]) == (span.start, span.end - span.start)
        assert region["snippet"]["text"] == report.text[span.start : span.end]


@given(checked_reports())
def test_no_csv_cell_is_a_formula(checked):
    rows = list(csv.reader(io.StringIO(render("csv", *checked), newline="")))
    assert len(rows) == 1 + len(checked[1].findings)
    for cell in (c for row in rows for c in row):
        assert not cell or cell[0] not in "=+-@\t\r" or _NUMBER.fullmatch(cell), cell


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)


@given(checked_reports())
def test_html_holds_only_its_own_markup(checked):
    report, result = checked
    parser = _Tags()
    parser.feed(render("html", report, result))
    assert parser.tags <= OWN_TAGS
    assert not [k for k, _ in parser.attrs if k.startswith("on")]
    assert all(v.startswith("#") for k, v in parser.attrs if k == "href" and v is not None)
    flagged = {(s.start, s.end) for f in result.findings if f.severity != "info" for s in f.spans}
    marked = re.findall(
        r'data-status="flagged" data-start="(\d+)" data-end="(\d+)"', render("html", *checked)
    )
    assert {(int(a), int(b)) for a, b in marked} == flagged


@given(checked_reports(), st.booleans())
def test_text_sends_no_control_characters(checked, color):
    out = render("text", *checked, color=color)
    if color:
        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert not [c for c in out if c != "\n" and unicodedata.category(c) in {"Cc", "Cf"}]
