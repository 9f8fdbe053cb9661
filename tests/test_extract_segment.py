"""Sentences, parts and phrases: full-width and ASCII punctuation, numbers left whole."""

import random

import pytest

from townkpi.extract.segment import segment

GDP = "1-9月，全镇实现地区生产总值131.5亿元，同比增长5.4%；实现一般公共预算收入8.0亿元。下一句。"


def _text(text, span):
    return text[span[0] : span[1]]


def test_levels_nest_sentence_part_phrase():
    seg = segment(GDP)
    at = GDP.index("131.5")
    assert _text(GDP, seg.phrase(at)) == "全镇实现地区生产总值131.5亿元，"
    assert _text(GDP, seg.part(at)) == "1-9月，全镇实现地区生产总值131.5亿元，同比增长5.4%；"
    assert _text(GDP, seg.sentence(at)) == GDP[: GDP.index("。") + 1]
    later = GDP.index("8.0")
    assert _text(GDP, seg.part(later)) == "实现一般公共预算收入8.0亿元。"
    assert seg.sentence(later) == seg.sentence(at)


def test_a_list_with_dun_and_brackets_is_one_phrase():
    text = "其中刑事案件、行政（治安）案件分别下降24.3%、4.6%。"
    seg = segment(text)
    assert _text(text, seg.phrase(text.index("24.3"))) == text


def test_ascii_punctuation_ends_segments_as_full_width_does():
    text = "实现地区生产总值131.5亿元,同比增长5.4%;实现收入8.0亿元.下一句"
    seg = segment(text)
    assert _text(text, seg.phrase(text.index("131.5"))) == "实现地区生产总值131.5亿元,"
    assert _text(text, seg.part(text.index("5.4"))) == "实现地区生产总值131.5亿元,同比增长5.4%;"
    assert _text(text, seg.sentence(text.index("8.0"))) == text[: text.index("元.") + 2]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("共有3,500人参加,其中", "3,500"),  # a thousands separator
        ("增长5.4%的企业", "5.4"),  # a decimal point
        ("时间：2026-02-09 09:45:30来源", "09:45:30"),  # a clock time
    ],
)
def test_ascii_points_commas_and_colons_inside_numbers_end_nothing(text, number):
    seg = segment(text)
    at = text.index(number)
    start, end = seg.phrase(at)
    assert start <= at
    assert at + len(number) <= end


def test_a_line_break_ends_a_sentence():
    text = "一、2023年工作总结\n（一）综合施策推进经济发展。"
    seg = segment(text)
    assert _text(text, seg.sentence(3)) == "一、2023年工作总结\n"
    assert list(seg.sentences())[1] == (text.index("（"), len(text))


_DIGIT_CHARS = set("0123456789０１２３４５６７８９")
_SENTENCE_CHARS = set("。！？!?\n")
_PART_CHARS = _SENTENCE_CHARS | set("；;")
_PHRASE_CHARS = _PART_CHARS | set("，：")


def _ends_by_rule(text, level):
    """The ends of one level, read character by character from the rules of the module doc."""
    ends = []
    for i, ch in enumerate(text):
        before, after = text[i - 1 : i] if i else "", text[i + 1 : i + 2]
        if (
            ch in level
            or (ch == "." and before not in _DIGIT_CHARS and after not in _DIGIT_CHARS)
            or (level is _PHRASE_CHARS and ch == ":" and after not in _DIGIT_CHARS)
        ):
            ends.append(i)
        elif level is _PHRASE_CHARS and ch == ",":
            # A digit run of three after it (or of fewer when the text ends there).
            digits = text[i + 1 : i + 4]
            thousands = bool(digits) and set(digits) <= _DIGIT_CHARS
            if not (thousands and text[i + 4 : i + 5] not in _DIGIT_CHARS):
                ends.append(i)
    return ends


def _around_by_rule(ends, length, offset):
    before = [e for e in ends if e < offset]
    after = [e for e in ends if e >= offset]
    return (before[-1] + 1 if before else 0, after[0] + 1 if after else length)


def _assert_segments_follow_the_rules(text, offsets):
    seg = segment(text)
    phrases, parts, sentences = seg.locate(offsets)
    for level, found, single in (
        (_PHRASE_CHARS, phrases, seg.phrase),
        (_PART_CHARS, parts, seg.part),
        (_SENTENCE_CHARS, sentences, seg.sentence),
    ):
        ends = _ends_by_rule(text, level)
        expected = [_around_by_rule(ends, len(text), o) for o in offsets]
        assert found == expected, text
        assert [single(o) for o in offsets] == expected, text


def test_segments_follow_the_rules_on_random_punctuation():
    rnd = random.Random(20261128)
    alphabet = "09０.,:：，。；;！!?？\n 年元"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        offsets = list(range(len(text) + 1))
        rnd.shuffle(offsets)  # in any order, not only text order
        _assert_segments_follow_the_rules(text, offsets)


def test_segments_follow_the_rules_on_the_corpus(corpus_dir):
    rnd = random.Random(7)
    for path in sorted(corpus_dir.glob("*.txt"))[:4]:
        text = path.read_text(encoding="utf-8")[:6000]
        offsets = sorted(rnd.sample(range(len(text)), 400))
        _assert_segments_follow_the_rules(text, offsets)
