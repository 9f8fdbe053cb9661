"""Reading a report: encodings, HTML, unreadable input, lines and columns."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townkpi import Document, InputError, decode, read_document

EXAMPLE_REPORT = Path(__file__).resolve().parent.parent / "examples" / "guanhaiwei" / "report.txt"
SENTENCE = "1-9月，全镇实现地区生产总值131.5亿元，同比增长5.4%；实现一般公共预算收入8.0亿元。"


# --------------------------------------------------------------------------- encodings


def test_utf8_without_bom():
    doc = decode(SENTENCE.encode("utf-8"), "r.txt")
    assert doc.text == SENTENCE
    assert doc.encoding == "utf-8"
    assert doc.source == "r.txt"


def test_utf8_with_bom_drops_the_bom():
    doc = decode(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))
    assert doc.text == SENTENCE
    assert doc.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + SENTENCE.encode("utf-16-le"),
        b"\xfe\xff" + SENTENCE.encode("utf-16-be"),
    ],
    ids=["le", "be"],
)
def test_utf16_with_bom(data):
    doc = decode(data)
    assert doc.text == SENTENCE
    assert doc.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_gb_encodings_are_detected(codec, guanhaiwei_text):
    head = guanhaiwei_text[:400]
    doc = decode(head.encode(codec))
    assert doc.text == head
    assert doc.encoding == "gb18030"


def test_whole_report_in_gbk_decodes_to_the_same_text(guanhaiwei_text):
    doc = decode(guanhaiwei_text.encode("gb18030"), "report.txt")
    assert doc.text == guanhaiwei_text.replace("\r\n", "\n")


def test_line_breaks_are_normalised():
    doc = decode("第一行\r\n第二行\r第三行\n".encode())
    assert doc.text == "第一行\n第二行\n第三行\n"


# --------------------------------------------------------------------------- HTML

HTML = (
    "<!DOCTYPE html><html><head><title>观海卫镇</title><style>p {color: red}</style></head>"
    "<body><p>全镇实现地区生产总值<b>131.5亿元</b>，同比增长5.4&#37;。</p>"
    "<script>var x = '999亿元';</script><p>实际利用外资216万美元&nbsp;。</p></body></html>"
)


def test_html_is_reduced_to_its_text():
    doc = decode(HTML.encode("utf-8"), "r.html")
    assert doc.encoding == "utf-8+html"
    assert "<" not in doc.text
    assert "999亿元" not in doc.text  # scripts are dropped
    assert "color" not in doc.text  # styles are dropped
    assert "同比增长5.4%" in doc.text  # character references resolved
    assert "观海卫镇" in doc.text


def test_html_offsets_refer_to_the_decoded_text():
    doc = decode(HTML.encode("utf-8"))
    start = doc.text.index("131.5")
    end = start + len("131.5亿元")
    span = doc.span(start, end)
    assert doc.text[span.start : span.end] == "131.5亿元"
    line, column = doc.line_column(start)
    assert doc.line_text(line)[column - 1 :].startswith("131.5亿元")


def test_html_in_gbk():
    doc = decode(HTML.encode("gbk"))
    assert doc.encoding == "gb18030+html"
    assert "131.5亿元" in doc.text


# --------------------------------------------------------------------------- unreadable input


@pytest.mark.parametrize(
    ("data", "code", "position"),
    [
        (b"", "E-EMPTY", None),
        (b"  \n\t\r\n ", "E-EMPTY", None),
        (b"<html><body>  </body></html>", "E-EMPTY", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "E-BINARY", 6),
        (b"text\x00more", "E-BINARY", 4),
        (b"abc\xffdef", "E-DECODE", 3),
        (b"\xef\xbb\xbfabc\xff", "E-DECODE", 3),
    ],
    ids=["empty", "blank", "empty-html", "png", "nul", "undecodable", "bad-utf8-after-bom"],
)
def test_unreadable_bytes(data, code, position):
    with pytest.raises(InputError) as info:
        decode(data, "bad.txt")
    error = info.value
    assert error.code == code
    assert error.position == position
    assert error.source == "bad.txt"
    message = str(error)
    assert message.startswith("bad.txt: ")
    assert "\n" not in message
    if position is not None:
        assert str(position) in message


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "nope.txt")
    assert info.value.code == "E-MISSING"
    assert "no such file" in str(info.value)
    assert isinstance(info.value, OSError)


def test_directory(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path)
    assert info.value.code == "E-DIRECTORY"
    assert "\n" not in str(info.value)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("一" * 100, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=50)
    assert info.value.code == "E-TOO-LARGE"
    assert "300 bytes" in str(info.value)
    assert "50 bytes" in str(info.value)


def test_read_document(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(SENTENCE.encode("gb18030"))
    doc = read_document(path)
    assert doc.text == SENTENCE
    assert doc.source == str(path)
    assert doc.encoding == "gb18030"


def test_read_document_of_the_example(guanhaiwei_text):
    doc = read_document(EXAMPLE_REPORT)
    assert doc.text == guanhaiwei_text
    assert doc.encoding == "utf-8"


# --------------------------------------------------------------------------- lines and columns


def test_line_and_column_of_spans():
    doc = Document(source="x", text="第一行\n第二行131.5亿元\n\n末行")
    start = doc.text.index("131.5")
    span = doc.span(start, start + 7)
    assert (span.line, span.column) == (2, 4)
    assert doc.line_column(0) == (1, 1)
    assert doc.line_column(doc.text.index("末")) == (4, 1)
    assert doc.line_text(2) == "第二行131.5亿元"
    assert doc.line_text(3) == ""
    assert doc.line_text(4) == "末行"


@given(
    st.lists(st.text(alphabet="观海卫镇亿元1.5%，", max_size=12), min_size=1, max_size=8), st.data()
)
def test_line_column_agrees_with_splitting(lines, data):
    text = "\n".join(lines)
    doc = Document(source="x", text=text)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    line, column = doc.line_column(offset)
    before = text[:offset]
    assert line == before.count("\n") + 1
    assert column == len(before) - (before.rfind("\n") + 1) + 1
    assert doc.line_text(line) == lines[line - 1]
