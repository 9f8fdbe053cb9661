"""The Guanhaiwei report read by hand, and the extractor measured against that reading.

``tests/data/guanhaiwei_expected.toml`` lists every quantity of ``examples/guanhaiwei/report.txt``
(value, unit, kind, modality, comparator, period, indicator, refers_to) and every number that is
not a measurement; ``tests/data/guanhaiwei_targets.toml`` lists the targets of its 2024 plan. Both
were written by reading the report, not by running townkpi (see ``tests/data/README.md``).

The first half of this module checks the files themselves: every entry is found in the text, every
run of digits is covered exactly once, every numeral character is accounted for, every link and
every value is well-formed. The second half runs ``townkpi.extract`` on the report and measures it
against the reading (run ``pytest -s`` to see the per-field summary):

(a) every expected fact is found and there is no other fact;
(b) every value and unit is exactly right;
(c) kind and modality are each right for at least 97% of the facts;
(d) at least 95% of the expected refers_to links are right (and of all change/share/rate links);
(e) every expected skipped mention is covered by a skipped mention, with the same reason for at
    least 90% of them.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from townkpi.model import FactKind, Modality, Period, SkipReason, Value
from townkpi.numbers import Comparator

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
REPORT_PATH = REPO_ROOT / "examples" / "guanhaiwei" / "report.txt"

TEXT = REPORT_PATH.read_text(encoding="utf-8")
with (DATA_DIR / "guanhaiwei_expected.toml").open("rb") as _f:
    EXPECTED = tomllib.load(_f)
with (DATA_DIR / "guanhaiwei_targets.toml").open("rb") as _f:
    TARGETS = tomllib.load(_f)

#: Where the plan section (二、2024年工作思路) starts.
PLAN_START = TEXT.index("二、2024年工作思路")

DIGITS = "0123456789"
CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
#: Characters that begin a written number: the anchor of a mention is its first such character.
ANCHOR_CHARS = frozenset(DIGITS + "零〇一二两三四五六七八九十百千")
#: Characters of a skipped mention that an extractor's skipped mention must cover.
CORE_CHARS = frozenset(DIGITS + CHINESE_NUMERALS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ")

KIND_ACCURACY = Decimal("0.97")
LINK_ACCURACY = Decimal("0.95")
REASON_AGREEMENT = Decimal("0.90")


# ============================================================================ locating mentions
def locate(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """The span of the ``occurrence``-th match of ``surface`` in ``text``.

    A match glued to a longer number does not count: one that starts right after a digit, "." or
    "-" (when the surface starts with a digit), or runs on into a digit or "." (when it ends with
    one). So "5家" is not found inside "15家", while "10%" is found at the start of "10%以上".
    """
    count = 0
    start = text.find(surface)
    while start != -1:
        end = start + len(surface)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        glued = (surface[0] in DIGITS and before != "" and before in DIGITS + ".-") or (
            surface[-1] in DIGITS and after != "" and after in DIGITS + "."
        )
        if not glued:
            count += 1
            if count == occurrence:
                return start, end
        start = text.find(surface, start + 1)
    raise LookupError(f"{surface!r} occurs {count} time(s), not {occurrence}")


def anchor_of(text: str, start: int, end: int) -> int | None:
    """The offset of the first numeral character in ``text[start:end]``, or None."""
    for i in range(start, end):
        if text[i] in ANCHOR_CHARS:
            return i
    return None


@dataclass(frozen=True)
class Mention:
    """One entry of the expected file, located in the report."""

    entry: Mapping[str, Any]
    start: int
    end: int

    @property
    def surface(self) -> str:
        return str(self.entry["surface"])

    @property
    def occurrence(self) -> int:
        return int(self.entry.get("occurrence", 1))

    @property
    def anchor(self) -> int:
        a = anchor_of(TEXT, self.start, self.end)
        assert a is not None, f"{self.surface!r} has no numeral"
        return a

    @property
    def label(self) -> str:
        return f"{self.surface}#{self.occurrence}@{self.start}"


def _located(entries: Sequence[Mapping[str, Any]]) -> list[Mention]:
    out = []
    for e in entries:
        start, end = locate(TEXT, e["surface"], int(e.get("occurrence", 1)))
        out.append(Mention(entry=e, start=start, end=end))
    return out


@functools.cache
def expected_facts() -> tuple[Mention, ...]:
    return tuple(_located(EXPECTED["fact"]))


@functools.cache
def expected_skipped() -> tuple[Mention, ...]:
    return tuple(_located(EXPECTED["skipped"]))


def fact_at(surface: str, occurrence: int = 1) -> Mention:
    for m in expected_facts():
        if m.surface == surface and m.occurrence == occurrence:
            return m
    raise LookupError(f"no expected fact {surface}#{occurrence}")


def _referent(m: Mention) -> Mention | None:
    ref = m.entry.get("refers_to")
    if ref is None:
        return None
    return fact_at(ref, int(m.entry.get("refers_to_occurrence", 1)))


# ============================================================================ the files themselves
@pytest.mark.parametrize("section", ["fact", "skipped"])
def test_every_entry_is_found_in_the_report(section):
    problems = []
    for e in EXPECTED[section]:
        try:
            locate(TEXT, e["surface"], int(e.get("occurrence", 1)))
        except LookupError as exc:
            problems.append(f"{e['surface']}: {exc}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("section", ["fact", "skipped"])
def test_entries_are_in_text_order(section):
    mentions = expected_facts() if section == "fact" else expected_skipped()
    out_of_order = [
        f"{b.label} comes after {a.label} in the file but before it in the text"
        for a, b in itertools.pairwise(mentions)
        if b.start < a.start
    ]
    assert not out_of_order, "\n".join(out_of_order)


def test_mentions_do_not_overlap():
    mentions = sorted([*expected_facts(), *expected_skipped()], key=lambda m: m.start)
    overlaps = [
        f"{a.label} overlaps {b.label}" for a, b in itertools.pairwise(mentions) if b.start < a.end
    ]
    assert not overlaps, "\n".join(overlaps)


def test_every_digit_run_is_covered_exactly_once():
    mentions = [*expected_facts(), *expected_skipped()]
    problems = []
    for run in re.finditer(r"[0-9]+", TEXT):
        covering = [m for m in mentions if m.start <= run.start() and run.end() <= m.end]
        if len(covering) != 1:
            context = TEXT[max(0, run.start() - 8) : run.end() + 8]
            problems.append(
                f"digits {run.group()!r} at {run.start()} ({context!r}) covered by "
                f"{[m.label for m in covering]}"
            )
    assert not problems, "\n".join(problems)


def test_every_numeral_character_is_accounted_for():
    covered = set()
    for m in [*expected_facts(), *expected_skipped()]:
        covered.update(range(m.start, m.end))
    for word in EXPECTED["lexical"]:
        assert word in TEXT, f"lexical word {word!r} is not in the report"
        for hit in re.finditer(re.escape(word), TEXT):
            covered.update(range(hit.start(), hit.end()))
    stray = [
        f"{ch!r} at {i} ({TEXT[max(0, i - 6) : i + 6]!r})"
        for i, ch in enumerate(TEXT)
        if ch in CHINESE_NUMERALS and i not in covered
    ]
    assert not stray, "numerals in no fact, skipped mention or lexical word:\n" + "\n".join(stray)


def _surface_core(m: Mention) -> str:
    """The surface without what Value.parse does not read: the 第…名 of a rank."""
    if m.entry["kind"] == "rank":
        return m.surface.removeprefix("第").removesuffix("名")
    return m.surface


def test_fact_fields_are_well_formed():
    kinds = {k.value for k in FactKind}
    modalities = {m.value for m in Modality}
    comparators = {c.value for c in Comparator}
    problems = []
    for m in expected_facts():
        e = m.entry
        where = m.label
        if e["kind"] not in kinds:
            problems.append(f"{where}: kind {e['kind']!r}")
        if e["modality"] not in modalities:
            problems.append(f"{where}: modality {e['modality']!r}")
        if e["comparator"] not in comparators:
            problems.append(f"{where}: comparator {e['comparator']!r}")
        try:
            Period.parse(e["period"])
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
        if not str(e.get("indicator", "")).strip():
            problems.append(f"{where}: no indicator")
        split = e.get("split", [])
        if split and e["indicator"] not in split:
            problems.append(f"{where}: indicator not among split {split}")
        if "refers_to" in e and e["kind"] not in {"change", "share", "rate"}:
            problems.append(f"{where}: refers_to on a {e['kind']}")
        if e["modality"] == "target" and m.start < PLAN_START:
            problems.append(f"{where}: a target before the plan section")
        if e["modality"] == "estimate" and m.start > PLAN_START:
            problems.append(f"{where}: an estimate in the plan section")
    assert not problems, "\n".join(problems)


def test_fact_values_and_units_parse_and_agree_with_the_surface():
    problems = []
    for m in expected_facts():
        e = m.entry
        value, unit = e["value"], e.get("unit")
        # value + unit, as written in the file
        v = Value.parse(value + (unit or ""))
        if (v.text, v.unit) != (value, unit):
            problems.append(f"{m.label}: {value!r}+{unit!r} parses as {v.text!r} {v.unit!r}")
        # the surface as it stands in the text gives the same value, unit and comparator
        negative = value.startswith("-")
        s = Value.parse(_surface_core(m), negative=negative)
        if (s.text, s.unit, s.comparator.value) != (value, unit, e["comparator"]):
            problems.append(
                f"{m.label}: the surface parses as {s.text!r} {s.unit!r} {s.comparator.value!r}, "
                f"the file says {value!r} {unit!r} {e['comparator']!r}"
            )
        if negative and e["kind"] != "change":
            problems.append(f"{m.label}: a negative {e['kind']}")
    assert not problems, "\n".join(problems)


def test_every_refers_to_resolves_to_an_amount_in_the_same_sentence():
    problems = []
    links = 0
    for m in expected_facts():
        try:
            ref = _referent(m)
        except LookupError as exc:
            problems.append(f"{m.label}: {exc}")
            continue
        if ref is None:
            continue
        links += 1
        if ref.entry["kind"] != "amount":
            problems.append(f"{m.label} refers to a {ref.entry['kind']}")
        if ref.start > m.start:
            problems.append(f"{m.label} refers forward to {ref.label}")
        if "。" in TEXT[ref.end : m.start]:
            problems.append(f"{m.label} refers to {ref.label} across a sentence end")
        if (ref.entry["period"], ref.entry["modality"]) != (m.entry["period"], m.entry["modality"]):
            problems.append(f"{m.label}: period/modality differ from its referent {ref.label}")
    assert not problems, "\n".join(problems)
    assert links >= 15, f"only {links} refers_to links: the reading of the summary lost some"


def test_skipped_reasons_are_skip_reasons():
    reasons = {r.value for r in SkipReason}
    bad = [f"{m.label}: {m.entry['reason']!r}" for m in expected_skipped()
           if m.entry["reason"] not in reasons]  # fmt: skip
    assert not bad, "\n".join(bad)


# ---------------------------------------------------------------------------- targets file
TARGET_KINDS = {"amount": "level", "change": "growth", "rate": "rate", "ratio": "ratio"}
STRENGTHS = {"力争", "争取", "确保", "努力", "none"}


def test_target_fields_are_well_formed():
    problems = []
    for t in TARGETS["target"]:
        where = f"target {t['indicator']}"
        if t["kind"] not in {"level", "growth", "rate", "ratio"}:
            problems.append(f"{where}: kind {t['kind']!r}")
        if t["comparator"] not in {">=", ">", "<=", "<", "range"}:
            problems.append(f"{where}: comparator {t['comparator']!r}")
        if t["strength"] not in STRENGTHS:
            problems.append(f"{where}: strength {t['strength']!r}")
        if t["period"] != "2024":
            problems.append(f"{where}: period {t['period']!r}")
        try:
            Decimal(t["bound"])
            if t["comparator"] == "range":
                assert Decimal(t["upper"]) > Decimal(t["bound"])
            else:
                assert "upper" not in t
        except (InvalidOperation, KeyError, AssertionError):
            problems.append(f"{where}: bound {t.get('bound')!r} / upper {t.get('upper')!r}")
    assert not problems, "\n".join(problems)


def test_every_target_is_a_target_fact_of_the_plan_and_agrees_with_it():
    problems = []
    previous = -1
    for t in TARGETS["target"]:
        where = f"target {t['indicator']} ({t['surface']}#{t['occurrence']})"
        m = fact_at(t["surface"], t["occurrence"])
        e = m.entry
        if m.start < PLAN_START:
            problems.append(f"{where}: not in the plan section")
        if m.start < previous:
            problems.append(f"{where}: out of text order")
        previous = m.start
        if e["modality"] != "target":
            problems.append(f"{where}: its fact is {e['modality']}")
        if TARGET_KINDS.get(e["kind"]) != t["kind"]:
            problems.append(f"{where}: kind {t['kind']} for a {e['kind']} fact")
        if t.get("unit") != e.get("unit"):
            problems.append(f"{where}: unit {t.get('unit')!r} vs the fact's {e.get('unit')!r}")
        written = t["bound"] + ("-" + t["upper"] if "upper" in t else "")
        if written != e["value"]:
            problems.append(f"{where}: bound {written!r} vs the fact's value {e['value']!r}")
        # a plain figure in a plan is an "at least" target; a qualified one keeps its comparator
        rule = ">=" if e["comparator"] == "=" else e["comparator"]
        if t["comparator"] != rule:
            problems.append(f"{where}: comparator {t['comparator']} for a fact written {rule}")
        if t["indicator"] not in e.get("split", [e["indicator"]]):
            problems.append(f"{where}: indicator differs from the fact's {e['indicator']!r}")
    assert not problems, "\n".join(problems)


def test_plan_facts_are_each_a_target_or_a_listed_non_target():
    targets: dict[tuple[str, int], int] = {}
    for t in TARGETS["target"]:
        key = (t["surface"], t["occurrence"])
        targets[key] = targets.get(key, 0) + 1
    not_targets = {(n["surface"], n["occurrence"]) for n in TARGETS["not_target"]}
    problems = [f"{k} is both a target and a non-target" for k in targets.keys() & not_targets]
    for m in expected_facts():
        if m.start < PLAN_START:
            continue
        key = (m.surface, m.occurrence)
        expected_count = len(m.entry.get("split", [None]))
        if key in targets:
            if targets[key] != expected_count:
                problems.append(f"{m.label}: {targets[key]} targets, {expected_count} expected")
        elif key not in not_targets:
            problems.append(f"{m.label}: a plan figure neither a target nor a listed non-target")
    for key in [*targets, *not_targets]:
        fact_at(*key)  # raises for an entry that is no fact
    assert not problems, "\n".join(problems)


# ============================================================================ measuring the extractor
def _extract_function() -> Callable[[str], Any]:
    import townkpi  # noqa: PLC0415 - the extractor is looked up at test time, not import time

    fn = getattr(townkpi, "extract", None)
    if callable(fn) and not isinstance(fn, ModuleType):
        return fn  # type: ignore[no-any-return]
    try:
        module = importlib.import_module("townkpi.extract")
    except ImportError as exc:
        problem = str(exc)
    else:
        problem = ""
    if problem:
        pytest.fail(
            f"townkpi.extract does not exist yet ({problem}): the extractor cannot be measured "
            "against the Guanhaiwei reading",
            pytrace=False,
        )
    fn = getattr(module, "extract", None)
    if not callable(fn):
        pytest.fail("townkpi.extract has no extract(text) function", pytrace=False)
    return fn  # type: ignore[no-any-return]


@dataclass
class Measurement:
    """The extractor's output compared with the reading."""

    report: Any
    matched: dict[int, list[Any]] = field(default_factory=dict)  # expected index → facts
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    field_right: dict[str, int] = field(default_factory=dict)
    field_wrong: dict[str, list[str]] = field(default_factory=dict)
    links_expected: int = 0
    links_right: int = 0
    link_slots: int = 0
    link_slots_right: int = 0
    skipped_covered: int = 0
    skipped_uncovered: list[str] = field(default_factory=list)
    reasons_agree: int = 0
    reason_disagreements: list[str] = field(default_factory=list)
    summary: str = ""

    def score(self, name: str, ok: bool, detail: str) -> None:
        self.field_right.setdefault(name, 0)
        self.field_wrong.setdefault(name, [])
        if ok:
            self.field_right[name] += 1
        else:
            self.field_wrong[name].append(detail)

    def rate(self, name: str) -> Decimal:
        right = self.field_right.get(name, 0)
        total = right + len(self.field_wrong.get(name, []))
        return Decimal(right) / Decimal(total) if total else Decimal(1)


def _fact_anchor(f: Any) -> int | None:
    if f.span is None:
        return None
    return anchor_of(TEXT, f.span.start, f.span.end)


def _describe(f: Any) -> str:
    where = "no span" if f.span is None else f"{f.span.start}"
    return f"{f.surface or f.value}@{where} ({f.kind.value})"


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f}%)" if total else "0/0"


def _match_facts(meas: Measurement) -> None:
    """Pair each expected fact with the extracted facts at its anchor (its first numeral)."""
    by_anchor: dict[int | None, list[Any]] = {}
    for f in meas.report.facts:
        by_anchor.setdefault(_fact_anchor(f), []).append(f)
    for i, m in enumerate(expected_facts()):
        got = by_anchor.pop(m.anchor, [])
        allowed = {1, len(m.entry.get("split", [None]))}
        if not got:
            meas.missing.append(f"{m.label} ({m.entry['indicator']})")
            continue
        if len(got) not in allowed:
            keep = max(n for n in allowed if n <= len(got))
            meas.extra += [f"{_describe(f)} (a second fact at {m.label})" for f in got[keep:]]
            got = got[:keep]
        meas.matched[i] = got
    for anchor, rest in by_anchor.items():
        meas.extra += [_describe(f) + ("" if anchor is not None else " [no numeral]") for f in rest]


def _score_fields(meas: Measurement) -> None:
    """Score value, unit, kind, modality (asserted) and comparator, period, indicator (info)."""
    for i, m in enumerate(expected_facts()):
        e = m.entry
        got = meas.matched.get(i, [])
        fields = {
            "value": (e["value"], [f.value.text for f in got]),
            "unit": (e.get("unit"), [f.value.unit for f in got]),
            "kind": (e["kind"], [f.kind.value for f in got]),
            "modality": (e["modality"], [f.modality.value for f in got]),
            "comparator": (e["comparator"], [f.value.comparator.value for f in got]),
            "period": (e["period"], [None if f.period is None else str(f.period) for f in got]),
            "indicator": (e["indicator"], [f.indicator for f in got]),
        }
        for name, (want, have) in fields.items():
            accepted = e.get("split", [want]) if name == "indicator" else [want]
            ok = bool(have) and all(h in accepted for h in have)
            meas.score(name, ok, f"{m.label}: want {want!r}, got {have or 'nothing'}")


def _score_links(meas: Measurement) -> None:
    """Score refers_to of every change, share and rate: the referent's anchor must agree."""
    by_id = {f.id: f for f in meas.report.facts}
    for i, m in enumerate(expected_facts()):
        if m.entry["kind"] not in {"change", "share", "rate"}:
            continue
        got = meas.matched.get(i, [])
        ref = _referent(m)
        want = None if ref is None else ref.anchor
        have = [_fact_anchor(by_id[f.refers_to]) if f.refers_to in by_id else None for f in got]
        ok = bool(got) and all(a == want for a in have)
        meas.link_slots += 1
        meas.link_slots_right += ok
        if ref is not None:
            meas.links_expected += 1
            meas.links_right += ok
        shown = [None if a is None else TEXT[a : a + 8] for a in have]
        meas.score("refers_to", ok, f"{m.label}: want {ref.label if ref else None}, got {shown}")


def _score_skipped(meas: Measurement) -> None:
    """Every numeral (and label letter) of an expected skipped mention must be inside a skipped one."""
    spans = [(s.span.start, s.span.end, str(s.reason)) for s in meas.report.skipped]
    for m in expected_skipped():
        core = [i for i in range(m.start, m.end) if TEXT[i] in CORE_CHARS]
        covering = [[sp for sp in spans if sp[0] <= i < sp[1]] for i in core]
        if not core or not all(covering):
            meas.skipped_uncovered.append(f"{m.label} ({m.entry['reason']})")
            continue
        meas.skipped_covered += 1
        reasons = {sp[2] for cover in covering for sp in cover}
        if m.entry["reason"] in reasons:
            meas.reasons_agree += 1
        else:
            meas.reason_disagreements.append(f"{m.label}: want {m.entry['reason']}, got {reasons}")


def _summary(meas: Measurement) -> str:
    n = len(expected_facts())
    given = f"{len(meas.report.facts)} facts, {len(meas.report.skipped)} skipped"
    found = f"{_pct(len(meas.matched), n)}; missing {len(meas.missing)}, extra {len(meas.extra)}"
    lines = [
        (
            f"Guanhaiwei: {n} expected facts, {len(expected_skipped())} expected skipped "
            f"mentions; the extractor gave {given}"
        ),
        f"  facts found           {found}",
    ]
    for name in ("value", "unit", "kind", "modality", "comparator", "period", "indicator"):
        note = "  (info)" if name in {"comparator", "period", "indicator"} else ""
        lines.append(f"  {name:<21} {_pct(meas.field_right.get(name, 0), n)}{note}")
    lines += [
        f"  refers_to (links)     {_pct(meas.links_right, meas.links_expected)}",
        f"  refers_to (all c/s/r) {_pct(meas.link_slots_right, meas.link_slots)}",
        f"  skipped covered       {_pct(meas.skipped_covered, len(expected_skipped()))}",
        f"  skip reason agrees    {_pct(meas.reasons_agree, meas.skipped_covered)}",
    ]
    return "\n".join(lines)


@functools.cache
def measurement() -> Measurement:
    """Run the extractor on the report once and compare it with the reading."""
    meas = Measurement(report=_extract_function()(TEXT))
    _match_facts(meas)
    _score_fields(meas)
    _score_links(meas)
    _score_skipped(meas)
    meas.summary = _summary(meas)
    return meas


def _listing(title: str, items: Sequence[str], limit: int = 60) -> Iterator[str]:
    if items:
        yield f"{title} ({len(items)}):"
        yield from (f"  - {x}" for x in items[:limit])
        if len(items) > limit:
            yield f"  … and {len(items) - limit} more"


def _message(meas: Measurement, *parts: tuple[str, Sequence[str]]) -> str:
    lines = [meas.summary]
    for title, items in parts:
        lines += list(_listing(title, items))
    return "\n".join(lines)


def test_extractor_finds_every_expected_fact_and_no_other():
    meas = measurement()
    print(meas.summary)
    message = _message(meas, ("missing facts", meas.missing), ("extra facts", meas.extra))
    assert not meas.missing, message
    assert not meas.extra, message


def test_extracted_values_and_units_are_exact():
    meas = measurement()
    wrong = meas.field_wrong["value"] + meas.field_wrong["unit"]
    assert not wrong, _message(
        meas, ("wrong values", meas.field_wrong["value"]), ("wrong units", meas.field_wrong["unit"])
    )


@pytest.mark.parametrize("name", ["kind", "modality"])
def test_extracted_kind_and_modality_are_right_for_97_percent(name):
    meas = measurement()
    assert meas.rate(name) >= KIND_ACCURACY, _message(
        meas, (f"wrong {name}", meas.field_wrong[name])
    )


def test_extracted_refers_to_links_are_right_for_95_percent():
    meas = measurement()
    message = _message(meas, ("wrong refers_to", meas.field_wrong["refers_to"]))
    links = Decimal(meas.links_right) / Decimal(meas.links_expected)
    slots = Decimal(meas.link_slots_right) / Decimal(meas.link_slots)
    assert links >= LINK_ACCURACY, message
    assert slots >= LINK_ACCURACY, message


def test_extracted_skipped_mentions_cover_the_expected_ones():
    meas = measurement()
    message = _message(
        meas,
        ("skipped mentions not covered", meas.skipped_uncovered),
        ("different reasons", meas.reason_disagreements),
    )
    covered = meas.skipped_covered
    agreement = Decimal(meas.reasons_agree) / Decimal(covered) if covered else Decimal(0)
    assert not meas.skipped_uncovered, message
    assert agreement >= REASON_AGREEMENT, message
