"""Untrusted text in the outputs: markup in a report stays text in every format.

A report whose text, title, source name, indicators and plugin faults carry markup (``<script>``,
``javascript:`` links, unbalanced tags, quotes that would end an attribute, ``</textarea>``,
``<!--``, CDATA, ``<base>`` and ``<meta>`` redirects) goes through extraction, the checks and
every renderer. The HTML page is parsed with ``html.parser`` and compared with the page of the
same report with every hostile string replaced by as many ``某``: both must have exactly the
same elements and attributes, in the same order, so that no element and no attribute came from
the input, and each hostile string must appear in the page's text. JSON, CSV and SARIF must parse,
and no CSV cell may start a formula. (The browser test in ``test_html_browser.py`` checks that
nothing runs.)
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import attrs
import jsonschema
import pytest

from townkpi.extract import extract
from townkpi.findings import PluginFault
from townkpi.render import render
from townkpi.run import check

PAYLOADS = (
    "<script>document.title='pwned'</script>",
    '<a href="javascript:alert(document.cookie)">点此查看</a>',
    "<b><i>未闭合</div></table></td>",
    '" onmouseover="alert(this)" x="',
    "' onfocus='alert(this)' autofocus='",
    "</textarea><script>alert(window)</script>",
    "<!-- 注释没有结束",
    "<![CDATA[ ]]> ]]>",
    "<img src=x onerror=alert(self)>",
    "<style>body{display:none}</style>",
    "&lt;已转义&gt; &amp; &#xab;script&#xbb;",
    "<svg/onload=alert(top)>",
    '<meta http-equiv="refresh" content="url=javascript:alert(top)">',
    '<base href="javascript:/">',
    "<iframe srcdoc='<script>alert(parent)</script>'></iframe>",
)
"""Markup a hostile report may hold (without digits, so that it adds no figure)."""

#: A title, a line per payload, and figures whose phrases carry markup: 3 of a whole number of
#: 户 is never 70% (TK101), and each phrase puts a payload into an indicator and a message.
TEMPLATE = (
    "{0}2023年工作报告\n"
    + "".join(f"{{{i}}}\n" for i in range(1, len(PAYLOADS)))
    + "{3}拆迁3户，完成率70%。\n"
    + "{5}征地{12}12亩，{4}同比增长5%。\n"
)  # fmt: skip
#: What replaces each character of a hostile string in the neutral report: a word character
#: that is no letter, digit or punctuation to the extractor, so both reports read the same.
NEUTRAL = "某"
SOURCE = "<img src=x onerror=alert(top)>.txt"
PLUGIN = '<script>alert("plugin")</script>'


def _report_and_result(payloads):
    text = TEMPLATE.format(*payloads)
    report = extract(text, source=SOURCE if payloads is PAYLOADS else NEUTRAL * len(SOURCE))
    result = check(report)
    name = PLUGIN if payloads is PAYLOADS else NEUTRAL * len(PLUGIN)
    fault = PluginFault(plugin=name, reason=payloads[1], version=payloads[3], hook="h")
    return report, attrs.evolve(result, faults=(*result.faults, fault))


@pytest.fixture(scope="module")
def hostile():
    return _report_and_result(PAYLOADS)


@pytest.fixture(scope="module")
def neutral():
    return _report_and_result(tuple(NEUTRAL * len(p) for p in PAYLOADS))


class _Structure(HTMLParser):
    """Every element, attribute name, comment and declaration of a page, in order, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, ...]] = []
        self.values: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._style = False

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, *(k for k, _ in attrs)))
        self.values.extend((k, v or "") for k, v in attrs)
        self._style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.events.append(("empty", tag, *(k for k, _ in attrs)))
        self.values.extend((k, v or "") for k, v in attrs)

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        self._style = False

    def handle_data(self, data):
        if not self._style:
            self.text.append(data)

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("decl", decl))

    def handle_pi(self, data):
        self.events.append(("pi", data))

    def unknown_decl(self, data):
        self.events.append(("unknown", data))


def _parse(page: str) -> _Structure:
    parser = _Structure()
    parser.feed(page)
    parser.close()
    return parser


def test_the_hostile_and_the_neutral_report_read_the_same(hostile, neutral):
    """The comparison below is fair: both reports have the same facts and findings."""
    (h_report, h_result), (n_report, n_result) = hostile, neutral
    assert [(f.span, f.kind) for f in h_report.facts] == [(f.span, f.kind) for f in n_report.facts]
    assert [f.code for f in h_result.findings] == [f.code for f in n_result.findings]
    assert "TK101" in [f.code for f in h_result.findings]
    # markup reached the phrases (shown in title attributes) and the report's title
    assert {c for f in h_report.facts for c in f.indicator or "" if c in "<>\"'"} >= {">", "'"}
    assert h_report.title is not None
    assert "<script>" in h_report.title


def test_no_element_or_attribute_of_the_page_came_from_the_input(hostile, neutral):
    page, plain = _parse(render("html", *hostile)), _parse(render("html", *neutral))
    assert page.events == plain.events
    assert not [e for e in page.events if e[0] in {"comment", "pi", "unknown"}]
    assert [e for e in page.events if e[0] == "decl"] == [("decl", "DOCTYPE html")]


def test_every_hostile_string_is_shown_as_text(hostile):
    page = _parse(render("html", *hostile))
    text = "".join(page.text)
    for payload in PAYLOADS[1:]:  # the title line's payload is cut from the title
        assert payload in text
    assert SOURCE in text
    assert PLUGIN in text


def test_links_stay_on_the_page(hostile):
    page = _parse(render("html", *hostile))
    hrefs = [v for k, v in page.values if k == "href"]
    assert hrefs
    assert all(re.fullmatch(r"#[A-Za-z0-9_-]+", h) for h in hrefs), hrefs
    assert not [k for k, _ in page.values if k.startswith("on") or k in {"src", "srcdoc"}]


def test_json_csv_and_sarif_stay_valid(hostile, contract_dir):
    report, result = hostile
    schema = json.loads((contract_dir / "check.schema.json").read_text(encoding="utf-8"))
    data = json.loads(render("json", report, result))
    jsonschema.validate(data, schema)
    assert data["source"] == SOURCE
    rows = list(csv.reader(io.StringIO(render("csv", report, result), newline="")))
    assert len(rows) == 1 + len(result.findings)
    assert all(not c or c[0] not in "=+-@\t\r" or re.fullmatch(r"[+-]?[0-9.]+", c)
               for row in rows for c in row)  # fmt: skip
    log = json.loads(render("sarif", report, result))
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "townkpi"
    assert len(run["results"]) == len(result.findings)
    assert all(r["message"]["text"] for r in run["results"])
