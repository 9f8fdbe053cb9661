"""Adversarial report texts of about a given size, shared by tests/test_adversarial.py and the
benchmark ``benchmarks/adversarial.py``.

Each builder takes a size in bytes of UTF-8 and returns a text of about that size (never more
than one repetition unit over it) that stresses one part of the reader: very long digit runs,
runs of 万, long runs of %, deeply nested brackets, tens of thousands of commas, a sentence of
100,000 characters without punctuation, thousands of changes in one list, and so on. ``NORMAL``
builds ordinary report text (the Guanhaiwei report repeated) of the same size, the baseline.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

__all__ = ["BUILDERS", "MB", "build", "normal"]

#: One megabyte of UTF-8, as the benchmarks count it.
MB = 1_000_000

_REPORT = Path(__file__).resolve().parent.parent / "examples" / "guanhaiwei" / "report.txt"


def _repeat(unit: str, size: int, *, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit`` repeated to about ``size`` bytes + ``tail``."""
    n = max(1, (size - len((head + tail).encode())) // max(1, len(unit.encode())))
    return head + unit * n + tail


def normal(size: int) -> str:
    """Ordinary report text: the Guanhaiwei report repeated to about ``size`` bytes."""
    return _repeat(_REPORT.read_text(encoding="utf-8") + "\n", size)


def digits(size: int) -> str:
    """Runs of 100,000 ASCII digits (and one of full-width ones) between short sentences."""
    run = "1234567890" * 10_000
    wide = "１２３４５６７８９０" * 1_000
    return _repeat(f"全镇实现产值{run}亿元，{wide}。\n", size)


def one_digit_run(size: int) -> str:
    """One single run of digits as long as the whole text."""
    return "9" * size


def wan(size: int) -> str:
    """万万万… after a number, and runs of 万 and 亿 alone."""
    return _repeat("5" + "万" * 10_000 + "亿" * 1_000 + "元，", size)


def percent(size: int) -> str:
    """Ten thousand % signs (half-width and full-width) after a number."""
    return _repeat("同比增长5" + "%" * 5_000 + "％" * 5_000 + "。", size)


def brackets(size: int) -> str:
    """Deeply nested brackets of every kind around figures."""
    depth = 2_000
    return _repeat(
        "（" * depth + "(" * depth + "【" * depth + "5亿元" + "】" * depth + ")" * depth
        + "）" * depth + "，" + "《" * depth + "“12个”" + "》" * (depth // 2) + "\n",
        size,
    )  # fmt: skip


def commas(size: int) -> str:
    """Fifty thousand commas in one number, and runs of list and full-width commas."""
    return _repeat(
        "1" + ",000" * 50_000 + "元，" + "5," * 20_000 + "，" * 10_000 + "、" * 10_000 + "。\n",
        size,
    )


def no_punctuation(size: int) -> str:
    """Sentences of 100,000 characters without a single punctuation mark, full of figures."""
    clause = "全镇实现地区生产总值131.5亿元同比增长5.4%完成率98.8%拆迁169户新增企业12家"
    sentence = clause * (100_000 // len(clause))
    return _repeat(sentence + "。\n", size)


def no_punctuation_no_numbers(size: int) -> str:
    """A sentence of 100,000 characters of words without punctuation or figures."""
    return _repeat("全镇实现地区生产总值" * 10_000 + "\n", size)


def changes(size: int) -> str:
    """Ten thousand repetitions of 同比增长5%、 in one sentence."""
    return _repeat("工业总产值" + "同比增长5%、" * 10_000 + "同比下降3.2%。\n", size)


def respectively(size: int) -> str:
    """分别 lists of ten thousand amounts and ten thousand rates."""
    return _repeat(
        "一产、二产、三产增加值分别为" + "12.3亿元、" * 10_000 + "分别增长" + "5%、" * 10_000
        + "完成率分别为" + "98.8%、" * 5_000 + "。\n",
        size,
    )  # fmt: skip


def chinese_numerals(size: int) -> str:
    """Long runs of Chinese numeral characters, with and without units."""
    return _repeat("一二三四五六七八九十百千万亿" * 1_000 + "个，" + "三" * 10_000 + "家。", size)


def qualifiers(size: int) -> str:
    """Qualifier words stacked before and after figures: 约超过不少于近…以上左右."""
    return _repeat("约超过不少于近" * 500 + "5亿元" + "以上左右以内" * 500 + "，", size)


def html_tags(size: int) -> str:
    """Markup as plain text: unbalanced and nested tags, comments, entities around figures."""
    return _repeat(
        "<b>" * 500 + "<script>alert(1)</script><!--" + "5亿元" + "</div>" * 500
        + "&amp;&#x31;&#49;<a href='javascript:1'>12%</a>\n",
        size,
    )  # fmt: skip


def newlines(size: int) -> str:
    """Figures separated by hundreds of blank lines."""
    return _repeat("增长5%" + "\n" * 500 + "　" * 100, size)


def ranges(size: int) -> str:
    """Chains of ranges and ratios: 1-2-3-4…, 1:2:3:4…, 1/2/3/4…."""
    return _repeat(
        "-".join(["1"] * 5_000) + "个，" + ":".join(["2"] * 5_000) + "，"
        + "/".join(["3"] * 5_000) + "。\n",
        size,
    )  # fmt: skip


def dates(size: int) -> str:
    """Dates and years without end: 2023年2024年…, 1月2月…, 2023-01-01 2023-01-01…."""
    return _repeat("2023年" * 2_000 + "1月" * 2_000 + "2023-01-01" * 2_000 + "。\n", size)


def decimals(size: int) -> str:
    """Numbers with many decimal points and decimals: 1.2.3.4…, 0.000…1."""
    return _repeat(".".join(["1"] * 5_000) + "亿元，0." + "0" * 10_000 + "1%。\n", size)


#: Every adversarial builder by name (``normal`` is the baseline, not in here).
BUILDERS: dict[str, Callable[[int], str]] = {
    "digits": digits,
    "one_digit_run": one_digit_run,
    "wan": wan,
    "percent": percent,
    "brackets": brackets,
    "commas": commas,
    "no_punctuation": no_punctuation,
    "no_punctuation_no_numbers": no_punctuation_no_numbers,
    "changes": changes,
    "respectively": respectively,
    "chinese_numerals": chinese_numerals,
    "qualifiers": qualifiers,
    "html_tags": html_tags,
    "newlines": newlines,
    "ranges": ranges,
    "dates": dates,
    "decimals": decimals,
}


def build(name: str, size: int = MB) -> str:
    """The adversarial text ``name`` (a key of ``BUILDERS``, or ``normal``) of about ``size``."""
    return normal(size) if name == "normal" else BUILDERS[name](size)
