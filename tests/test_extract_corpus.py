"""The extractor over the 16 provincial 2026 work reports: no exception, nothing lost, and counts
per kind that a reader of such reports would find plausible."""

import itertools
from collections import Counter

import pytest

from townkpi.document import read_document
from townkpi.extract import accounted_for, extract
from townkpi.model import FactKind, Modality

#: A provincial work report states well over fifty amounts and ten changes (GDP growth, fiscal
#: revenue, investment, retail, income …); each file of the corpus holds one such report.
MIN_AMOUNTS = 50
MIN_CHANGES = 10


@pytest.fixture(scope="module")
def reports(corpus_dir):
    paths = sorted(corpus_dir.glob("*.txt"))
    assert paths, f"no reports in {corpus_dir}"
    return {p.name: extract(read_document(p)) for p in paths}


def _summary(reports):
    lines = []
    for name, r in reports.items():
        kinds = Counter(f.kind.value for f in r.facts)
        skips = Counter(s.reason for s in r.skipped)
        lines.append(f"{name}: year {r.year}, {dict(kinds)}, skipped {dict(skips)}")
    return "\n".join(lines)


def test_every_run_of_digits_is_accounted_for(reports):
    missing = {
        name: [r.text[s.start : s.end] for s in accounted_for(r)] for name, r in reports.items()
    }
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}


def test_counts_per_kind_are_plausible(reports):
    summary = _summary(reports)
    for r in reports.values():
        kinds = Counter(f.kind for f in r.facts)
        assert kinds[FactKind.AMOUNT] > MIN_AMOUNTS, summary
        assert kinds[FactKind.CHANGE] > MIN_CHANGES, summary
        assert kinds[FactKind.RATE] + kinds[FactKind.SHARE] > 0, summary


def test_each_report_reviews_2025_and_plans_2026(reports):
    summary = _summary(reports)
    for name, r in reports.items():
        assert r.year == 2025, f"{name}: year {r.year}\n{summary}"
        modalities = Counter(f.modality for f in r.facts)
        assert modalities[Modality.ACTUAL] > modalities[Modality.TARGET] > 0, (name, modalities)
        assert any(str(f.period) == "2026" and f.modality is Modality.TARGET for f in r.facts)


def test_facts_are_well_formed(reports):
    for name, r in reports.items():
        assert [f.id for f in r.facts] == [f"f{i}" for i in range(1, len(r.facts) + 1)], name
        ids = {f.id for f in r.facts}
        for f in r.facts:
            assert r.text[f.span.start : f.span.end] == f.surface, (name, f)
            assert f.sentence.start <= f.span.start, (name, f)
            assert f.span.end <= f.sentence.end, (name, f)
            assert f.unit is not None or f.kind in {FactKind.RATIO, FactKind.RANK}, (name, f)
            assert f.refers_to is None or f.refers_to in ids, (name, f)
            if f.refers_to is not None:
                assert f.kind in {FactKind.CHANGE, FactKind.SHARE, FactKind.RATE}, (name, f)
                assert r.fact(f.refers_to).kind is FactKind.AMOUNT, (name, f)
        for s in r.skipped:
            assert r.text[s.span.start : s.span.end] == s.surface, (name, s)


def test_most_changes_name_what_changed_and_most_facts_have_a_period(reports):
    for name, r in reports.items():
        changes = [f for f in r.facts if f.kind is FactKind.CHANGE]
        named = sum(1 for f in changes if f.indicator)
        assert named >= 0.9 * len(changes), (name, [f.surface for f in changes if not f.indicator])
        dated = sum(1 for f in r.facts if f.period is not None)
        assert dated == len(r.facts), name


def test_facts_and_mentions_do_not_overlap(reports):
    for name, r in reports.items():
        spans = sorted(
            [(f.span.start, f.span.end) for f in r.facts]
            + [(s.span.start, s.span.end) for s in r.skipped]
        )
        for (s1, e1), (s2, e2) in itertools.pairwise(spans):
            assert e1 <= s2, (name, r.text[s1:e1], r.text[s2:e2])
