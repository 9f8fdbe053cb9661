"""One self-contained HTML page: the report's text with every figure highlighted by status.

The page has no external assets and no scripts: inline CSS only, and a Content Security Policy
that forbids scripts altogether. It shows

- a summary (counts by severity) and a legend;
- the findings table: severity, code, figures (linked to their place in the text), line and
  column, message, and the evidence in a ``<details>`` element;
- the targets scorecard, when one is given (marked illustrative when its actuals are);
- the report's text, line by line, with every figure highlighted as **flagged** (a warning or
  error points at it), **consistent** or **skipped** (not a measurement), its reading (kind,
  indicator, interval, period) and the findings about it on hover (the ``title`` attribute), and
  each finding as a side note beside its line;
- every fact in a collapsed table.

A checkbox hides the lines without findings (pure CSS, no script).

Everything that comes from the input (the text, sources, messages, evidence, plugin names) is
escaped with `html.escape`, and no input ever becomes a URL, an attribute name or a style: a
report containing ``<script>``, ``javascript:`` links or unbalanced tags shows them as text.
Each highlighted figure carries ``data-status``, ``data-start`` and ``data-end`` (character
offsets into the text), so tests and tools can read the page back.

Examples:
    >>> from townkpi.findings import CheckResult
    >>> from townkpi.model import Report
    >>> report = Report(source="a<b>.txt", text="<script>x</script>")
    >>> page = render_html(report, CheckResult(source="a"))
    >>> "<script>" in page, "&lt;script&gt;x&lt;/script&gt;" in page
    (False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from importlib import metadata
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Final

from townkpi.findings import CheckResult, Finding, Severity
from townkpi.model import Fact, Report
from townkpi.render.display import printable
from townkpi.render.figures import Figure, FigureStatus, figures
from townkpi.render.scorecard import scorecard_rows

if TYPE_CHECKING:
    from townkpi.targets import Scorecard

__all__ = ["CSP", "render_html"]

CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
"""The page's Content Security Policy: no scripts, no remote anything; inline styles only."""

_FOOTNOTE: Final = (
    "Each figure is read as the interval of values its written precision allows; a figure is "
    "flagged only when no values within those intervals satisfy a relation."
)
_HEADING: Final = re.compile(r"[一二三四五六七八九十]+、")
_HEADING_MAX: Final = 40

_CSS: Final = """
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --panel:#f6f8fa;
  --err:#c62828; --err-bg:#fde7e7; --warn:#9a6700; --warn-bg:#fff4d1; --ok:#1a7f37;
  --ok-bg:#e6f4ea; --info:#0969da; --info-bg:#ddf4ff; --skip:#6e7781; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.75 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Micro Hei", system-ui, sans-serif; }
header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: 0 0 10px; font-size: 13px; }
.badges { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0 10px; }
.badge { border-radius: 999px; padding: 1px 12px; font-size: 13px; font-weight: 600; }
.badge.error { color: var(--err); background: var(--err-bg); }
.badge.warning { color: var(--warn); background: var(--warn-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.badge.facts { color: var(--muted); background: var(--panel); }
.verdict { margin: 4px 0 8px; font-weight: 600; }
.verdict.good { color: var(--ok); } .verdict.bad { color: var(--err); }
.legend { font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 14px;
  align-items: center; margin: 4px 0; }
.toggle { font-size: 13px; color: var(--muted); cursor: pointer; user-select: none; }
mark.fig { color: inherit; background: none; border-radius: 3px; padding: 0 1px; }
mark.fig.consistent { background: var(--ok-bg); box-shadow: inset 0 -1px 0 #8fd19e; }
mark.fig.consistent.noted { box-shadow: inset 0 -2px 0 var(--info); }
mark.fig.flagged.warning { background: var(--warn-bg); box-shadow: inset 0 -2px 0 #d4a72c; }
mark.fig.flagged.error { background: var(--err-bg); box-shadow: inset 0 -2px 0 var(--err);
  font-weight: 600; }
mark.fig.skipped { background: none; color: var(--skip); text-decoration: underline dotted #afb8c1;
  text-underline-offset: 3px; }
mark.fig mark.fig { padding: 0; }
sup.ref { font-size: 10px; line-height: 0; margin-left: 1px; }
sup.ref a { color: var(--err); text-decoration: none; font-weight: 700; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left;
  vertical-align: top; }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.figs a, td.nowrap { white-space: nowrap; }
td.target { min-width: 11em; }
tr.error td { background: #fff8f8; } tr.warning td { background: #fffcf0; }
td.code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; white-space: nowrap; }
.sev { font-weight: 700; white-space: nowrap; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); }
.sev.info { color: var(--info); }
.status { font-weight: 600; white-space: nowrap; }
.status.met { color: var(--ok); } .status.missed { color: var(--err); }
.status.undecidable { color: var(--warn); } .status.no-actual { color: var(--muted); }
details > summary { cursor: pointer; color: var(--muted); }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 4px 0; }
dl.evidence dt { color: var(--muted); } dl.evidence dd { margin: 0; font-family: ui-monospace,
  Menlo, monospace; font-size: 12.5px; word-break: break-all; }
.banner { background: var(--warn-bg); border-left: 4px solid #d4a72c; padding: 6px 12px;
  margin: 8px 0; }
.empty { color: var(--muted); font-style: italic; }
.para { display: grid; grid-template-columns: 3.2em minmax(0, 1fr) 19rem; gap: 0 16px;
  padding: 2px 0; }
.para:target { background: #fff8c5; }
.para .ln { color: #8c959f; text-align: right; font-size: 12px; padding-top: 4px;
  text-decoration: none; font-family: ui-monospace, Menlo, monospace; }
.para p { margin: 0 0 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.para.heading p { font-weight: 700; font-size: 16px; margin-top: 8px; }
.notes { font-size: 12.5px; line-height: 1.5; }
.note { border-left: 3px solid var(--line); padding: 2px 8px; margin: 4px 0 8px;
  background: var(--panel); border-radius: 0 4px 4px 0; }
.note.error { border-color: var(--err); } .note.warning { border-color: #d4a72c; }
.note.info { border-color: var(--info); }
.note a { text-decoration: none; font-weight: 700; }
body:has(#only-flagged:checked) .para:not(.has-findings) { display: none; }
footer { color: var(--muted); font-size: 12px; padding: 24px; }
@media (max-width: 900px) { .para { grid-template-columns: 2.6em minmax(0, 1fr); }
  .notes { grid-column: 2; } }
@media print { .toggle { display: none; } details { display: block; } }
"""


def _e(text: object) -> str:
    """Text from anywhere as HTML text: escaped, control and bidi characters made visible."""
    return escape(printable(str(text), newlines=True), quote=True)


def _version() -> str:
    try:
        return metadata.version("townkpi")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _fact_title(fact: Fact) -> str:
    what = fact.kind.value + (f" of {fact.indicator}" if fact.indicator else "")
    unit = f" {fact.unit}" if fact.unit else ""
    parts = [f"{fact.surface or fact.value} — {what}", f"true value in {fact.interval}{unit}"]
    if fact.subject:
        parts.append(f"subject: {fact.subject}")
    if fact.period is not None:
        parts.append(f"period: {fact.period}")
    if fact.modality.value != "actual":
        parts.append(f"modality: {fact.modality.value}")
    return "\n".join(parts)


def _figure_title(fig: Figure, findings: Sequence[Finding]) -> str:
    parts = [_fact_title(f) for f in fig.facts]
    if fig.skipped is not None:
        parts.append(f"{fig.skipped.surface} — skipped: {fig.skipped.reason}")
    parts.extend(
        f"[{i + 1}] {findings[i].severity.value} {findings[i].code}: {findings[i].message}"
        for i in fig.findings
    )
    return "\n".join(parts)


def _open(fig: Figure, findings: Sequence[Finding], first: bool) -> str:
    classes = ["fig", fig.status.value]
    if fig.severity is not None:
        classes.append(fig.severity.value)
    if fig.status is FigureStatus.CONSISTENT and fig.findings:
        classes.append("noted")
    attrs = [
        f'class="{" ".join(classes)}"',
        f'data-status="{fig.status.value}"',
        f'data-start="{fig.start}"',
        f'data-end="{fig.end}"',
    ]
    if fig.severity is not None:
        attrs.append(f'data-severity="{fig.severity.value}"')
    if fig.findings:
        attrs.append(f'data-findings="{" ".join(str(i + 1) for i in fig.findings)}"')
    if first:
        attrs.append(f'id="fig-{fig.start}-{fig.end}"')
    attrs.append(f'title="{_e(_figure_title(fig, findings))}"')
    return f"<mark {' '.join(attrs)}>"


def _refs(fig: Figure, findings: Sequence[Finding]) -> str:
    flagged = [i for i in fig.findings if findings[i].severity.at_least(Severity.WARNING)]
    if not flagged:
        return ""
    links = ",".join(f'<a href="#finding-{i + 1}">{i + 1}</a>' for i in flagged)
    return f'<sup class="ref">{links}</sup>'


def _markup(
    text: str,
    lo: int,
    hi: int,
    figs: Sequence[Figure],
    *,
    findings: Sequence[Finding],
    seen: set[tuple[int, int]],
) -> str:
    """The text of [lo, hi) with the figures (sorted by start, longest first) as nested marks."""
    out: list[str] = []
    pos, i = lo, 0
    while i < len(figs):
        fig = figs[i]
        start, end = max(fig.start, pos), min(fig.end, hi)
        j = i + 1
        while j < len(figs) and figs[j].start < end:
            j += 1
        if start >= end:
            i += 1
            continue
        out.append(_e(text[pos:start]))
        key = (fig.start, fig.end)
        first = key not in seen
        seen.add(key)
        inner = _markup(text, start, end, figs[i + 1 : j], findings=findings, seen=seen)
        out.append(_open(fig, findings, first) + inner + "</mark>")
        if end == fig.end:
            out.append(_refs(fig, findings))
        pos, i = end, j
    out.append(_e(text[pos:hi]))
    return "".join(out)


def _evidence(finding: Finding) -> str:
    if not finding.evidence and not finding.suggestion:
        return ""
    rows = []
    for e in finding.evidence:
        value = ", ".join(e.value) if isinstance(e.value, tuple) else e.value
        rows.append(f"<dt>{_e(e.name)}</dt><dd>{_e(value)}</dd>")
    if finding.suggestion:
        rows.append(f"<dt>suggestion</dt><dd>{_e(finding.suggestion)}</dd>")
    return (
        f'<details><summary>evidence</summary><dl class="evidence">{"".join(rows)}</dl></details>'
    )


def _summary(report: Report, result: CheckResult) -> str:
    counts = result.counts
    badges = [
        f'<span class="badge {s.value}">{_plural(counts[s.value], s.value)}</span>'
        for s in Severity
    ]
    badges.append(
        f'<span class="badge facts">{_plural(len(report.facts), "fact")}, '
        f"{len(report.skipped)} skipped numbers</span>"
    )
    return f'<div class="badges">{"".join(badges)}</div>'


def _verdict(result: CheckResult, figs: Sequence[Figure]) -> str:
    flagged = sum(1 for g in figs if g.status is FigureStatus.FLAGGED)
    counts = result.counts
    notes = counts[Severity.INFO.value]
    noted = f"; {_plural(notes, 'note')} on what the figures imply" if notes else ""
    if flagged or counts[Severity.ERROR.value] or counts[Severity.WARNING.value]:
        problems = counts[Severity.ERROR.value] + counts[Severity.WARNING.value]
        text = f"{_plural(flagged, 'figure')} flagged by {_plural(problems, 'finding')}{noted}."
        return f'<p class="verdict bad">{_e(text)}</p>'
    return (
        f'<p class="verdict good">No figure is flagged: the figures are consistent{_e(noted)}.</p>'
    )


def _title(report: Report) -> str:
    if report.title:
        return report.title
    for line in report.text.splitlines():
        if line.strip():
            return line.strip() if len(line.strip()) <= _HEADING_MAX else ""
    return ""


def _legend() -> str:
    return (
        '<div class="legend"><span>Figures:</span>'
        '<mark class="fig flagged error">flagged (error)</mark>'
        '<mark class="fig flagged warning">flagged (warning)</mark>'
        '<mark class="fig consistent">consistent</mark>'
        '<mark class="fig consistent noted">consistent, with a note</mark>'
        '<mark class="fig skipped">skipped (not a measurement)</mark>'
        '<label class="toggle"><input type="checkbox" id="only-flagged"> '
        "only lines with findings</label></div>"
    )


def _figure_links(report: Report, finding: Finding) -> str:
    links = []
    for s in finding.spans:
        label = report.text[s.start : s.end] if s.end <= len(report.text) else f"{s.start}-{s.end}"
        links.append(f'<a href="#fig-{s.start}-{s.end}">{_e(label)}</a>')
    links.extend(_e(r) for r in finding.records)
    return "<br>".join(links)


def _findings_table(report: Report, result: CheckResult) -> str:
    if not result.findings:
        return '<p class="empty">No findings: every check passed.</p>'
    rows = []
    for i, f in enumerate(result.findings, start=1):
        where = f"{f.spans[0].line}:{f.spans[0].column}" if f.spans else ""
        rows.append(
            f'<tr id="finding-{i}" class="{f.severity.value}"><td class="num">{i}</td>'
            f'<td class="sev {f.severity.value}">{f.severity.value}</td>'
            f'<td class="code" title="{_e(f.check)}">{_e(f.code)}</td>'
            f'<td class="figs">{_figure_links(report, f)}</td>'
            f'<td class="num">{where}</td>'
            f"<td>{_e(f.message)}{_evidence(f)}</td></tr>"
        )
    head = (
        '<tr><th class="num">#</th><th>severity</th><th>code</th><th>figures</th>'
        '<th class="num">line:col</th><th>message and evidence</th></tr>'
    )
    return f'<table class="findings"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _faults(result: CheckResult) -> str:
    if not result.faults:
        return ""
    items = "".join(f"<li>{_e(str(f))}</li>" for f in result.faults)
    return f'<div class="banner">Plugins that did not run:<ul>{items}</ul></div>'


def _scorecard(card: Scorecard) -> str:
    parts = ['<section id="targets"><h2>Targets scorecard</h2>']
    against = ", ".join(card.actuals) or "no actuals"
    parts.append(
        f'<p class="meta">Targets of {_e(card.plan or "the plan")} against {_e(against)}</p>'
    )
    if card.illustrative:
        parts.append(
            '<p class="banner"><strong>Illustrative:</strong> some actual figures are made up for '
            "the example; they are not real data.</p>"
        )
    parts.extend(f'<p class="meta">{_e(note)}</p>' for note in card.notes)
    counts = ", ".join(f"{n} {status}" for status, n in card.counts().items())
    parts.append(f'<p class="meta">{_e(counts)}</p>')
    rows = []
    for r in scorecard_rows(card):
        target = _e(r.indicator)
        if r.start is not None and r.end is not None:
            target = f'<a href="#fig-{r.start}-{r.end}">{target}</a>'
        rows.append(
            f'<tr><td class="num">{r.number}</td><td class="target">{target}</td>'
            f"<td>{_e(r.strength)}</td>"
            f'<td class="nowrap">{_e(r.rule)}</td><td>{_e(r.actual)}</td>'
            f'<td class="status {_e(r.status)}">{_e(r.status)}</td>'
            f'<td class="num">{_e(r.margin)}</td><td>{_e(r.message)}</td></tr>'
        )
    head = (
        '<tr><th class="num">#</th><th>target</th><th>strength</th><th>rule</th><th>actual</th>'
        '<th>status</th><th class="num">margin</th><th>how it was scored</th></tr>'
    )
    body = "".join(rows) or '<tr><td colspan="8" class="empty">no targets</td></tr>'
    parts.append(f"<table><thead>{head}</thead><tbody>{body}</tbody></table></section>")
    return "".join(parts)


def _lines(text: str) -> Iterable[tuple[int, int, int]]:
    """(line number, start offset, end offset) of every line, without its line break."""
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, start, start + len(line)
        start += len(line) + 1


def _notes(line_findings: Sequence[int], findings: Sequence[Finding]) -> str:
    notes = []
    for i in line_findings:
        f = findings[i]
        notes.append(
            f'<div class="note {f.severity.value}"><a href="#finding-{i + 1}" '
            f'class="sev {f.severity.value}">{i + 1} · {_e(f.code)}</a> {_e(f.message)}'
            f"{_evidence(f)}</div>"
        )
    return f'<aside class="notes">{"".join(notes)}</aside>'


def _text_section(report: Report, result: CheckResult, figs: Sequence[Figure]) -> str:
    findings = result.findings
    if not report.text:
        return (
            '<section id="report"><h2>Report text</h2><p class="empty">This report has no text: '
            "its facts come from a table (see the facts below).</p></section>"
        )
    by_line: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        if f.spans:
            by_line.setdefault(f.spans[0].line, []).append(i)
    seen: set[tuple[int, int]] = set()
    parts = ['<section id="report"><h2>Report text</h2>']
    k = 0
    for number, lo, hi in _lines(report.text):
        while k < len(figs) and figs[k].end <= lo:
            k += 1
        on_line = [g for g in figs[k:] if g.start < hi and g.end > lo] if lo < hi else []
        line_text = report.text[lo:hi]
        if not line_text.strip() and not on_line:
            continue
        classes = ["para"]
        if number in by_line:
            classes.append("has-findings")
        if _HEADING.match(line_text.strip()) and len(line_text.strip()) <= _HEADING_MAX:
            classes.append("heading")
        body = _markup(report.text, lo, hi, on_line, findings=findings, seen=seen)
        notes = _notes(by_line.get(number, []), findings) if number in by_line else ""
        parts.append(
            f'<div class="{" ".join(classes)}" id="L{number}"><a class="ln" href="#L{number}">'
            f"{number}</a><p>{body}</p>{notes}</div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _facts_table(report: Report) -> str:
    if not report.facts:
        return ""
    rows = []
    for f in report.facts:
        where = f.location if f.span is None else f"{f.span.line}:{f.span.column}"
        figure = _e(f.surface or f.value)
        if f.span is not None:
            figure = f'<a href="#fig-{f.span.start}-{f.span.end}">{figure}</a>'
        unit = f" {f.unit}" if f.unit else ""
        rows.append(
            f"<tr><td class='code'>{_e(f.id)}</td><td>{figure}</td><td>{_e(f.kind.value)}</td>"
            f"<td>{_e(f.indicator or '')}</td><td>{_e(f.subject or '')}</td>"
            f"<td>{_e(f.interval)}{_e(unit)}</td><td>{_e(f.period or '')}</td>"
            f"<td>{_e(f.modality.value)}</td><td class='num'>{_e(where)}</td></tr>"
        )
    head = (
        "<tr><th>id</th><th>figure</th><th>kind</th><th>indicator</th><th>subject</th>"
        "<th>true value in</th><th>period</th><th>modality</th><th class='num'>where</th></tr>"
    )
    return (
        f'<section id="facts"><details><summary>All {len(report.facts)} facts</summary>'
        f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></details></section>"
    )


def render_html(report: Report, result: CheckResult, *, scorecard: Scorecard | None = None) -> str:
    """The report as one self-contained HTML page.

    Args:
        report: The report that was checked.
        result: The findings.
        scorecard: The targets scorecard, if targets were scored.

    Returns:
        The page, a complete HTML document.
    """
    name = PurePosixPath(report.source.replace("\\", "/")).name or report.source
    title = _title(report) or name
    figs = figures(report, result)
    meta = report.source
    if report.text:
        meta += f" · {report.encoding} · {len(report.text)} characters"
    version = _version()
    generator = f"townkpi {version}".strip()
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="zh-Hans"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f'<meta name="generator" content="{_e(generator)}">',
            f"<title>{_e(title)} · townkpi</title><style>{_CSS}</style></head><body>",
            f'<header><h1>{_e(title)}</h1><p class="meta">{_e(meta)}</p>',
            _summary(report, result),
            _verdict(result, figs),
            _legend(),
            "</header><main>",
            _faults(result),
            '<section id="findings"><h2>Findings</h2>',
            _findings_table(report, result),
            "</section>",
            _scorecard(scorecard) if scorecard is not None else "",
            _text_section(report, result, figs),
            _facts_table(report),
            f"</main><footer>Generated by {_e(generator)}. {_FOOTNOTE}</footer>",
            "</body></html>\n",
        ]
    )
