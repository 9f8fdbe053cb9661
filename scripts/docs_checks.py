"""mkdocs hook: the catalogue of checks and the indicator catalog, generated at build time.

``mkdocs.yml`` lists this file under ``hooks``. A page asks for a generated part with an HTML
comment marker on a line of its own:

- ``<!-- townkpi:checks-catalogue -->``: every check of every registered plugin (built-in first,
  then installed packs), with its code, name, severity, groups, explanation, 反例 (flagged) and
  正例 (accepted) examples, and options;
- ``<!-- townkpi:indicator-catalog -->``: every indicator of the catalog by sector, with its
  aliases, dimensions, temporality and relations.

Both come from the plugins as they are registered when the docs are built, so the pages list
exactly the checks and indicators that run.
"""

from __future__ import annotations

from collections.abc import Iterable

from townkpi.catalog import Indicator
from townkpi.checks.base import Check
from townkpi.plugins import PluginHost

CHECKS_MARKER = "<!-- townkpi:checks-catalogue -->"
INDICATORS_MARKER = "<!-- townkpi:indicator-catalog -->"


def _cell(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def _example(title: str, text: str) -> list[str]:
    if not text:
        return []
    return [f"**{title}**", "", "```text", text, "```", ""]


def check_entry(check: type[Check], plugin: str | None) -> str:
    """The Markdown section of one check."""
    examples = check.examples()
    lines = [
        f"### {check.code} `{check.name}`",
        "",
        f"{check.description}",
        "",
        f"- severity: **{check.default_severity.value}**",
        f"- groups: {', '.join(f'`{g}`' for g in check.groups) or '—'}",
        f"- plugin: `{plugin or 'unknown'}`",
    ]
    if check.aliases:
        lines.append(f"- former codes: {', '.join(check.aliases)}")
    lines += ["", check.summary(), ""]
    lines += _example("反例 (flagged)", examples.wrong)
    lines += _example("正例 (accepted)", examples.right)
    if check.parameters:
        lines += ["| option | default | meaning |", "| --- | --- | --- |"]
        lines += [
            f"| `{p.name}` | `{p.default}` | {_cell(p.description)} |" for p in check.parameters
        ]
        lines.append("")
    return "\n".join(lines)


def checks_catalogue(host: PluginHost | None = None) -> str:
    """Markdown for every registered check, built-in plugins first, each plugin's checks by code."""
    host = host or PluginHost.create()
    builtin = {p.name for p in host.plugins() if p.builtin}
    checks = sorted(host.checks(), key=lambda c: (host.plugin_of(c) not in builtin, c.code))
    summary = ["| code | name | severity | what it finds |", "| --- | --- | --- | --- |"]
    summary += [
        f"| [{c.code}](#{c.code.lower()}-{c.name.replace('.', '')}) | `{c.name}` "
        f"| {c.default_severity.value} | {_cell(c.description)} |"
        for c in checks
    ]
    parts = ["\n".join(summary), ""]
    parts += [check_entry(c, host.plugin_of(c)) for c in checks]
    return "\n".join(parts)


def _indicator_row(ind: Indicator) -> str:
    relations = "; ".join(str(r) for r in ind.relations())
    flags = [
        word
        for word, on in (
            ("bounded", ind.bounded),
            ("attainment", ind.attainment),
            ("cumulative", ind.cumulative),
            ("may be negative", ind.can_be_negative),
        )
        if on
    ]
    rng = ind.value_range
    if rng is not None and not ind.bounded:
        flags.append(f"range {rng}")
    return (
        f"| {ind.name} | {_cell('、'.join(ind.aliases))} | {', '.join(ind.dimensions) or 'any'} "
        f"| {ind.temporality.value} | {', '.join(flags)} | {_cell(relations)} |"
    )


def indicator_catalog(indicators: Iterable[Indicator] | None = None) -> str:
    """Markdown tables of the catalog, one per sector."""
    if indicators is None:
        indicators = PluginHost.create().catalog()
    by_sector: dict[str, list[Indicator]] = {}
    for ind in indicators:
        by_sector.setdefault(ind.sector, []).append(ind)
    parts: list[str] = []
    for sector in sorted(by_sector):
        parts += [
            f"### {sector} ({len(by_sector[sector])})",
            "",
            "| indicator | aliases | dimensions | temporality | flags | relations |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        parts += [_indicator_row(i) for i in by_sector[sector]]
        parts.append("")
    return "\n".join(parts)


def on_page_markdown(markdown: str, **_: object) -> str:
    """Replace the markers of generated parts in a page's Markdown."""
    if CHECKS_MARKER in markdown:
        markdown = markdown.replace(CHECKS_MARKER, checks_catalogue())
    if INDICATORS_MARKER in markdown:
        markdown = markdown.replace(INDICATORS_MARKER, indicator_catalog())
    return markdown
