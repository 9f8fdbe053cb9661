"""Reports for the renderer tests: the hand reading with a broken rate, a tiny report, a hostile one.

Every figure and its place were read from the text by hand; the findings come from running the
real checks on these reports.
"""

from __future__ import annotations

import attrs

from reading import reading
from townkpi.model import Fact, FactKind, Report, Span, Value

#: 甲乙 on line 1; line 2 says 3 households were relocated at a completion rate of 70%, which no
#: whole total allows (3/4 = 75%, 3/5 = 60%). Offsets: 3户 is [5, 7) at 2:3, 70% is [11, 14) at 2:9.
TINY_TEXT = "甲乙\n拆迁3户，完成率70%。\n"

#: Input that must stay text in every output: a script, a javascript: link, unbalanced tags, an
#: event handler, and a terminal escape sequence.
SCRIPT = (
    "<script>document.title='pwned';document.body.append(document.createElement('blink'))</script>"
)
LINK = '<a href="javascript:alert(1)">点此查看</a>'
UNBALANCED = "<b><i>未闭合</div></table><!--"
HANDLER = "<img src=x onerror=\"document.title='pwned'\">"
ESCAPE = "\x1b[31m红\x1b[0m"


def tiny_report(text: str = TINY_TEXT, *, indicator: str = "拆迁", offset: int = 0) -> Report:
    """The tiny report's two facts; ``offset`` shifts them when text is put before line 2."""
    line = text.count("\n", 0, 5 + offset) + 1
    col = 5 + offset - (text.rfind("\n", 0, 5 + offset) + 1) + 1
    sentence = Span(start=5 + offset - 2, end=15 + offset, line=line, column=col - 2)
    done = Fact(
        id="f1",
        kind=FactKind.AMOUNT,
        value=Value.parse("3户"),
        surface="3户",
        indicator=indicator,
        span=Span(start=5 + offset, end=7 + offset, line=line, column=col),
        sentence=sentence,
    )
    rate = Fact(
        id="f2",
        kind=FactKind.RATE,
        value=Value.parse("70%"),
        surface="70%",
        indicator="完成率",
        span=Span(start=11 + offset, end=14 + offset, line=line, column=col + 6),
        sentence=sentence,
        refers_to="f1",
    )
    return Report(source="r.txt", text=text, facts=[done, rate])


def hostile_report() -> Report:
    """The tiny report after a first line of hostile markup, with a hostile indicator and title."""
    first = f"{SCRIPT}{LINK}{UNBALANCED}{HANDLER}{ESCAPE}\n"
    text = first + TINY_TEXT[3:]
    report = tiny_report(text, indicator=f"{HANDLER}{ESCAPE}拆迁", offset=len(first) - 3)
    return attrs.evolve(report, source="<b>bad</b>.txt", title=SCRIPT)


def broken_reading() -> Report:
    """The hand reading with 宁慈线's completion rate written 98.5% instead of 98.8%.

    169户 at 98.5% needs a total in (171.49, 171.66]: no whole number of households.
    """
    base = reading()
    [rate] = [f for f in base.facts if f.surface == "98.8%"]
    assert rate.span is not None
    text = base.text[: rate.span.start] + "98.5%" + base.text[rate.span.end :]
    facts = [
        attrs.evolve(f, value=Value.parse("98.5%"), surface="98.5%") if f is rate else f
        for f in base.facts
    ]
    return attrs.evolve(base, text=text, facts=facts)
