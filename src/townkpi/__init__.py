"""townkpi: typed, unit-checked facts from Chinese local-government work reports.

The public API, in the order a reader meets it:

- values: [`parse_numeral`][townkpi.parse_numeral] reads a written number,
  [`Interval`][townkpi.Interval] is the exact set of true values a rounded or qualified figure
  stands for, and [`parse_unit`][townkpi.parse_unit] resolves a unit against the one pint
  registry;
- the model: [`Value`][townkpi.Value], [`Fact`][townkpi.Fact], [`Period`][townkpi.Period],
  [`Span`][townkpi.Span], [`SkippedMention`][townkpi.SkippedMention] and [`Report`][townkpi.Report];
- input: [`read_document`][townkpi.read_document] and [`decode`][townkpi.decode];
  [`extract`][townkpi.extract.extract] reads a report's text into facts and skipped mentions
  ([`ExtractOptions`][townkpi.extract.ExtractOptions] sets the report year, rounding and the
  band of 约);
  [`load`][townkpi.load] reads a report's text or a table of records alike;
- facts in code: [`fact`][townkpi.fact], [`change`][townkpi.change], [`share`][townkpi.share]
  and [`rate`][townkpi.rate] build facts from figures as a report writes them;
- records in, records out: [`Record`][townkpi.Record],
  [`facts_from_records`][townkpi.facts_from_records], the loaders
  [`load_csv`][townkpi.load_csv], [`load_json`][townkpi.load_json],
  [`load_toml`][townkpi.load_toml], [`load_sqlite`][townkpi.load_sqlite] and
  [`read_records`][townkpi.read_records], the writers [`write_csv`][townkpi.write_csv] and
  [`write_sqlite`][townkpi.write_sqlite], and `Report.from_records` / `Report.to_records`; a bad
  row is a [`RecordProblem`][townkpi.RecordProblem];
- checks: [`check`][townkpi.check] runs every check contributed by a plugin over a report and
  returns a [`CheckResult`][townkpi.CheckResult] of [`Finding`][townkpi.Finding]s with their
  [`Evidence`][townkpi.Evidence]; a check is a [`Check`][townkpi.Check] subclass that receives a
  [`CheckContext`][townkpi.CheckContext]; [`Config`][townkpi.Config] and
  [`load_config`][townkpi.load_config] select checks and set severities;
- writing checks: the helpers that townkpi's checks and the sector packs share
  ([`townkpi.checks.helpers`][townkpi.checks.helpers]) say which figures are comparable
  ([`same_scope`][townkpi.same_scope], [`same_subject`][townkpi.same_subject],
  [`counterparts`][townkpi.counterparts] (and [`CounterpartIndex`][townkpi.CounterpartIndex], the
  nearest of each figure's), [`amounts_in_sentence`][townkpi.amounts_in_sentence],
  [`amounts_before`][townkpi.amounts_before], [`related_in_catalog`][townkpi.related_in_catalog]),
  read their wording ([`figure_words`][townkpi.figure_words],
  [`amounts_with_words`][townkpi.amounts_with_words],
  [`is_increment`][townkpi.is_increment], [`is_cumulative`][townkpi.is_cumulative],
  [`is_under_way`][townkpi.is_under_way], [`is_list_item`][townkpi.is_list_item]), compute with
  their intervals ([`interval_in_unit`][townkpi.interval_in_unit],
  [`unit_category`][townkpi.unit_category], [`proportion_interval`][townkpi.proportion_interval],
  [`quotient`][townkpi.quotient], [`surely_greater`][townkpi.surely_greater], and the GRIM
  test's [`whole_totals`][townkpi.whole_totals] and [`whole_parts`][townkpi.whole_parts] giving
  [`WholeCounts`][townkpi.WholeCounts]) and phrase messages
  ([`describe_fact`][townkpi.describe_fact], [`format_number`][townkpi.format_number],
  [`format_interval`][townkpi.format_interval]); two bases of checks
  ([`townkpi.checks.counts`][townkpi.checks.counts]) compare a count of a whole and a count of its
  part in one statement, with a pack's words as class attributes:
  [`RateOfCountsCheck`][townkpi.RateOfCountsCheck] (a rate against the two counts) and
  [`PartNotAboveWholeCheck`][townkpi.PartNotAboveWholeCheck] (a part above its whole), with
  [`CountRate`][townkpi.CountRate] and [`CountTerms`][townkpi.CountTerms];
- plugins: [`hookimpl`][townkpi.hookimpl] marks hook implementations, the
  [`PluginHost`][townkpi.PluginHost] loads plugins, the [`Catalog`][townkpi.Catalog] of
  [`Indicator`][townkpi.Indicator]s is extended with
  [`indicators_from_toml`][townkpi.indicators_from_toml], a
  [`UnitDefinition`][townkpi.UnitDefinition] adds a unit (a counting one too), and
  [`Phrase`][townkpi.Phrase] adds extraction lexicon entries;
- targets: [`targets_from_report`][townkpi.targets_from_report] turns a plan's target facts into
  [`Target`][townkpi.Target]s (a [`TargetKind`][townkpi.TargetKind] and a
  [`Strength`][townkpi.Strength]; figures that are no target are
  [`NotTarget`][townkpi.NotTarget]s); `Target.evaluate` compares one with an
  [`Actual`][townkpi.Actual] into a [`TargetOutcome`][townkpi.TargetOutcome]
  ([`TargetStatus`][townkpi.TargetStatus], [`OutcomeReason`][townkpi.OutcomeReason]);
  [`score`][townkpi.score] matches a plan against actual facts, such as those of an
  [`ActualsFile`][townkpi.ActualsFile] from [`load_actuals`][townkpi.load_actuals], into a
  [`Scorecard`][townkpi.Scorecard] of [`ScorecardEntry`][townkpi.ScorecardEntry]s;
- errors: everything raised derives from [`TownkpiError`][townkpi.TownkpiError].
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Final

from townkpi.errors import (
    DimensionMismatchError,
    InputError,
    NumberFormatError,
    PluginError,
    TownkpiError,
    UnitError,
)

if TYPE_CHECKING:
    from townkpi.build import change, fact, rate, share
    from townkpi.catalog import Catalog, Indicator, indicators_from_toml
    from townkpi.checks.base import Check, CheckContext, Parameter
    from townkpi.checks.counts import (
        CountRate,
        CountTerms,
        PartNotAboveWholeCheck,
        RateOfCountsCheck,
    )
    from townkpi.checks.helpers import (
        CounterpartIndex,
        WholeCounts,
        amounts_before,
        amounts_in_sentence,
        amounts_with_words,
        counterparts,
        describe_fact,
        figure_words,
        interval_in_unit,
        is_cumulative,
        is_increment,
        is_list_item,
        is_under_way,
        proportion_interval,
        quotient,
        related_in_catalog,
        same_scope,
        same_subject,
        surely_greater,
        unit_category,
        whole_parts,
        whole_totals,
    )
    from townkpi.config import Config, ConfigError, load_config
    from townkpi.document import Document, decode, read_document
    from townkpi.extract import ExtractOptions, extract
    from townkpi.findings import (
        CheckResult,
        Evidence,
        Finding,
        PluginFault,
        Severity,
        format_interval,
        format_number,
    )
    from townkpi.hookspecs import hookimpl
    from townkpi.interval import Interval, Rounding
    from townkpi.lexicon import Phrase
    from townkpi.loading import load
    from townkpi.model import (
        Fact,
        FactKind,
        Modality,
        Period,
        Report,
        SkippedMention,
        SkipReason,
        Span,
        Value,
    )
    from townkpi.numbers import Comparator, Numeral, parse_numeral
    from townkpi.plugins import PluginHost
    from townkpi.records import (
        ProblemKind,
        Record,
        RecordProblem,
        RecordsError,
        RecordsResult,
        facts_from_records,
        load_csv,
        load_json,
        load_sqlite,
        load_toml,
        read_records,
        write_csv,
        write_sqlite,
    )
    from townkpi.run import check
    from townkpi.targets import (
        Actual,
        ActualsFile,
        NotTarget,
        OutcomeReason,
        Scorecard,
        ScorecardEntry,
        Strength,
        Target,
        TargetKind,
        TargetOutcome,
        TargetStatus,
        load_actuals,
        score,
        targets_from_report,
    )
    from townkpi.units import (
        Unit,
        UnitCategory,
        UnitDefinition,
        conversion_factor,
        convert,
        format_quantity,
        parse_unit,
        quantity,
    )

#: Where each public name lives, by module. `import townkpi` imports only `townkpi.errors`; every
#: other name is imported on first use (PEP 562), so that start-up does not pay for pint, pluggy,
#: the extractor or the checks. A test checks that these names and ``__all__`` agree.
_LAZY_MODULES: Final[dict[str, tuple[str, ...]]] = {
    "townkpi.build": (
        "change",
        "fact",
        "rate",
        "share",
    ),
    "townkpi.catalog": (
        "Catalog",
        "Indicator",
        "indicators_from_toml",
    ),
    "townkpi.checks.base": (
        "Check",
        "CheckContext",
        "Parameter",
    ),
    "townkpi.checks.counts": (
        "CountRate",
        "CountTerms",
        "PartNotAboveWholeCheck",
        "RateOfCountsCheck",
    ),
    "townkpi.checks.helpers": (
        "CounterpartIndex",
        "WholeCounts",
        "amounts_before",
        "amounts_in_sentence",
        "amounts_with_words",
        "counterparts",
        "describe_fact",
        "figure_words",
        "interval_in_unit",
        "is_cumulative",
        "is_increment",
        "is_list_item",
        "is_under_way",
        "proportion_interval",
        "quotient",
        "related_in_catalog",
        "same_scope",
        "same_subject",
        "surely_greater",
        "unit_category",
        "whole_parts",
        "whole_totals",
    ),
    "townkpi.config": (
        "Config",
        "ConfigError",
        "load_config",
    ),
    "townkpi.document": (
        "Document",
        "decode",
        "read_document",
    ),
    "townkpi.extract": (
        "ExtractOptions",
        "extract",
    ),
    "townkpi.findings": (
        "CheckResult",
        "Evidence",
        "Finding",
        "PluginFault",
        "Severity",
        "format_interval",
        "format_number",
    ),
    "townkpi.hookspecs": ("hookimpl",),
    "townkpi.interval": (
        "Interval",
        "Rounding",
    ),
    "townkpi.lexicon": ("Phrase",),
    "townkpi.loading": ("load",),
    "townkpi.model": (
        "Fact",
        "FactKind",
        "Modality",
        "Period",
        "Report",
        "SkippedMention",
        "SkipReason",
        "Span",
        "Value",
    ),
    "townkpi.numbers": (
        "Comparator",
        "Numeral",
        "parse_numeral",
    ),
    "townkpi.plugins": ("PluginHost",),
    "townkpi.records": (
        "ProblemKind",
        "Record",
        "RecordProblem",
        "RecordsError",
        "RecordsResult",
        "facts_from_records",
        "load_csv",
        "load_json",
        "load_sqlite",
        "load_toml",
        "read_records",
        "write_csv",
        "write_sqlite",
    ),
    "townkpi.run": ("check",),
    "townkpi.targets": (
        "Actual",
        "ActualsFile",
        "NotTarget",
        "OutcomeReason",
        "Scorecard",
        "ScorecardEntry",
        "Strength",
        "Target",
        "TargetKind",
        "TargetOutcome",
        "TargetStatus",
        "load_actuals",
        "score",
        "targets_from_report",
    ),
    "townkpi.units": (
        "Unit",
        "UnitCategory",
        "UnitDefinition",
        "conversion_factor",
        "convert",
        "format_quantity",
        "parse_unit",
        "quantity",
    ),
}
_LAZY: Final = {name: module for module, names in _LAZY_MODULES.items() for name in names}

__all__ = [
    "Actual",
    "ActualsFile",
    "Catalog",
    "Check",
    "CheckContext",
    "CheckResult",
    "Comparator",
    "Config",
    "ConfigError",
    "CountRate",
    "CountTerms",
    "CounterpartIndex",
    "DimensionMismatchError",
    "Document",
    "Evidence",
    "ExtractOptions",
    "Fact",
    "FactKind",
    "Finding",
    "Indicator",
    "InputError",
    "Interval",
    "Modality",
    "NotTarget",
    "NumberFormatError",
    "Numeral",
    "OutcomeReason",
    "Parameter",
    "PartNotAboveWholeCheck",
    "Period",
    "Phrase",
    "PluginError",
    "PluginFault",
    "PluginHost",
    "ProblemKind",
    "RateOfCountsCheck",
    "Record",
    "RecordProblem",
    "RecordsError",
    "RecordsResult",
    "Report",
    "Rounding",
    "Scorecard",
    "ScorecardEntry",
    "Severity",
    "SkipReason",
    "SkippedMention",
    "Span",
    "Strength",
    "Target",
    "TargetKind",
    "TargetOutcome",
    "TargetStatus",
    "TownkpiError",
    "Unit",
    "UnitCategory",
    "UnitDefinition",
    "UnitError",
    "Value",
    "WholeCounts",
    "amounts_before",
    "amounts_in_sentence",
    "amounts_with_words",
    "change",
    "check",
    "conversion_factor",
    "convert",
    "counterparts",
    "decode",
    "describe_fact",
    "extract",
    "fact",
    "facts_from_records",
    "figure_words",
    "format_interval",
    "format_number",
    "format_quantity",
    "hookimpl",
    "indicators_from_toml",
    "interval_in_unit",
    "is_cumulative",
    "is_increment",
    "is_list_item",
    "is_under_way",
    "load",
    "load_actuals",
    "load_config",
    "load_csv",
    "load_json",
    "load_sqlite",
    "load_toml",
    "parse_numeral",
    "parse_unit",
    "proportion_interval",
    "quantity",
    "quotient",
    "rate",
    "read_document",
    "read_records",
    "related_in_catalog",
    "same_scope",
    "same_subject",
    "score",
    "share",
    "surely_greater",
    "targets_from_report",
    "unit_category",
    "whole_parts",
    "whole_totals",
    "write_csv",
    "write_sqlite",
]


def __getattr__(name: str) -> object:
    """A public name, imported on first use; or the package version, from its metadata."""
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - lazy, as pluggy does

        return version("townkpi")
    raise AttributeError(f"module 'townkpi' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """The package module: a public function keeps its name when its submodule is imported.

    ``townkpi.extract`` is the function ``extract``; importing the subpackage ``townkpi.extract``
    (which the import system records as an attribute of this package) must not replace it.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return  # the submodule stays in sys.modules; the public name is looked up lazily
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
