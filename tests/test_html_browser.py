"""The HTML report in a real headless browser (Debian's chromium; ``.ci/run`` installs it).

The page is loaded from a file:// URL. ``--dump-dom`` gives the DOM after loading, which shows
that the page renders (the findings table is there), that the figures highlighted as flagged are
exactly the figures of the warnings and errors, and that markup in the report stays text: the
input's ``<script>`` would set the title and add a ``<blink>`` element, and neither happens.
``--screenshot`` keeps a picture of the page under the test's tmp path (its path is printed).

Outside CI a machine without chromium skips these tests with the reason; in CI (``CI=true``)
a missing chromium fails them. ``TOWNKPI_SAVE_SCREENSHOTS=1`` also copies the screenshots into
``docs/assets/`` (to regenerate the pictures in the docs deliberately; shrink them with
``pngquant --quality 70-90`` before committing).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reading import reading
from render_cases import SCRIPT, broken_reading, hostile_report
from townkpi.render import render_html
from townkpi.run import check

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSETS = REPO_ROOT / "docs" / "assets"
WINDOW = (1280, 2000)
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in _BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    reason = "chromium is not installed (apt-get install chromium); the HTML browser tests need it"
    if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
        pytest.fail(f"{reason}; in CI it must be installed by .ci/run")
    pytest.skip(reason)


def _browse(
    chromium: str, page: Path, tmp_path: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    argv = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *extra,
        page.as_uri(),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


class _Dom(HTMLParser):
    """The elements of a dumped DOM: tag, attributes, and the text inside each <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs_)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_title:
            self.title += data


def _dom(chromium: str, page: Path, tmp_path: Path) -> _Dom:
    dom = _Dom()
    dom.feed(_browse(chromium, page, tmp_path, "--dump-dom").stdout)
    return dom


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _screenshot(chromium: str, page: Path, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    _browse(
        chromium, page, tmp_path, f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}"
    )
    assert _png_size(shot) == WINDOW
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes
    print(f"screenshot: {shot}")
    if os.environ.get("TOWNKPI_SAVE_SCREENSHOTS") == "1":
        ASSETS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, ASSETS / name)
    return shot


def _write(tmp_path: Path, name: str, html: str) -> Path:
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    return page


def _marks(dom: _Dom, status: str) -> set[tuple[int, int]]:
    return {
        (int(a["data-start"] or 0), int(a["data-end"] or 0))
        for tag, a in dom.elements
        if tag == "mark" and a.get("data-status") == status
    }


def test_the_page_renders_and_flags_exactly_the_figures_of_the_findings(chromium, tmp_path):
    report = broken_reading()
    result = check(report)
    page = _write(tmp_path, "broken.html", render_html(report, result))
    dom = _dom(chromium, page, tmp_path)
    tables = [a for tag, a in dom.elements if tag == "table" and a.get("class") == "findings"]
    assert len(tables) == 1
    rows = [
        a["id"]
        for tag, a in dom.elements
        if tag == "tr" and (a.get("id") or "").startswith("finding-")
    ]
    assert rows == [f"finding-{i}" for i in range(1, len(result.findings) + 1)]
    flagging = {(s.start, s.end) for f in result.findings if f.severity != "info" for s in f.spans}
    assert _marks(dom, "flagged") == flagging
    # read from the text: the 宁慈线 relocation, 169户 at (now) 98.5%
    assert {report.text[a:b] for a, b in flagging} == {"169户", "98.5%"}
    consistent = {report.text[a:b] for a, b in _marks(dom, "consistent")}
    assert {"131.5亿元", "5.4%", "316户", "96%"} <= consistent
    assert _marks(dom, "skipped") == {(m.span.start, m.span.end) for m in report.skipped}
    _screenshot(chromium, page, tmp_path, "html-report-flagged.png")


def test_the_guanhaiwei_page_has_no_flagged_figure(chromium, tmp_path):
    report = reading()
    result = check(report)
    page = _write(tmp_path, "guanhaiwei.html", render_html(report, result))
    dom = _dom(chromium, page, tmp_path)
    assert _marks(dom, "flagged") == set()
    assert len(_marks(dom, "consistent")) >= len({f.span for f in report.facts})
    assert "No figure is flagged" in "".join(dom.text)
    _screenshot(chromium, page, tmp_path, "html-report.png")


def test_markup_in_the_report_stays_text_and_runs_nothing(chromium, tmp_path):
    report = hostile_report()
    result = check(report)
    page = _write(tmp_path, "hostile.html", render_html(report, result))
    dom = _dom(chromium, page, tmp_path)
    tags = [tag for tag, _ in dom.elements]
    assert "script" not in tags
    assert "blink" not in tags  # the input's script would have added one
    assert "img" not in tags
    assert not [a for _, a in dom.elements if any(k.startswith("on") for k in a)]
    hrefs = [a.get("href") or "" for tag, a in dom.elements if tag == "a"]
    assert all(h.startswith("#") for h in hrefs)
    assert dom.title == f"{SCRIPT} · townkpi"  # shown as text, not run: 'pwned' was never set
    text = "".join(dom.text)
    assert SCRIPT in text
    assert '<a href="javascript:alert(1)">点此查看</a>' in text
    assert "<b><i>未闭合</div></table><!--" in text
    # the unbalanced tags did not swallow the rest of the page
    assert _marks(dom, "flagged") == {(f.span.start, f.span.end) for f in report.facts if f.span}
    assert any(tag == "footer" for tag in tags)


def test_the_scorecard_renders_when_given(chromium, tmp_path):
    from townkpi.targets import score, targets_from_report  # noqa: PLC0415

    plan = reading()
    card = score(targets_from_report(plan), [], plan="plan", sources=["none"])
    page = _write(tmp_path, "card.html", render_html(plan, check(plan), scorecard=card))
    dom = _dom(chromium, page, tmp_path)
    assert any(tag == "section" and a.get("id") == "targets" for tag, a in dom.elements)
    assert "no-actual" in "".join(dom.text)
