"""mkdocs hooks: parts of the docs generated from townkpi's own data at build time.

``mkdocs.yml`` lists this file under ``hooks``. A page asks for a generated part with an HTML
comment marker on a line of its own:

- ``<!-- townkpi:units-table -->``: every unit of ``units.txt`` (``townkpi.units.known_units``),
  grouped by category, with its symbols, definition and dimension;
- ``<!-- townkpi:unit-prefixes -->``: the scales written before a unit (万, 亿 …).
"""

from __future__ import annotations

from townkpi.interval import format_fraction
from townkpi.units import UnitCategory, known_prefixes, known_units, parse_unit

UNITS_MARKER = "<!-- townkpi:units-table -->"
PREFIXES_MARKER = "<!-- townkpi:unit-prefixes -->"

_CATEGORY_TITLES = {
    UnitCategory.CURRENCY: "Currencies",
    UnitCategory.AREA: "Area",
    UnitCategory.LENGTH: "Length",
    UnitCategory.VOLUME: "Volume",
    UnitCategory.MASS: "Mass",
    UnitCategory.ENERGY: "Energy",
    UnitCategory.POWER: "Power",
    UnitCategory.TIME: "Time",
    UnitCategory.PROPORTION: "Proportions",
    UnitCategory.PERCENTAGE_POINT: "Percentage points",
    UnitCategory.COUNT: "Counting units",
    UnitCategory.OTHER: "Other",
}


def _cell(text: str) -> str:
    return text.replace("|", r"\|")


def units_table() -> str:
    """Markdown tables of every unit in ``units.txt``, one table per category, in file order."""
    rows: dict[UnitCategory, list[str]] = {}
    for definition in known_units():
        unit = parse_unit(definition.symbols[0] if definition.symbols else definition.name)
        symbols = " ".join(f"`{_cell(s)}`" for s in definition.symbols)
        rows.setdefault(unit.category, []).append(
            f"| {symbols} | `{definition.name}` | `{_cell(definition.relation)}` "
            f"| `{_cell(unit.dimension)}` |"
        )
    parts: list[str] = []
    for category, title in _CATEGORY_TITLES.items():
        if category not in rows:
            continue
        parts.append(f"### {title}\n")
        parts.append("| written | name | defined as | dimension |")
        parts.append("| --- | --- | --- | --- |")
        parts.extend(rows[category])
        parts.append("")
    return "\n".join(parts)


def prefixes_table() -> str:
    """A Markdown table of the scales written before a unit."""
    lines = ["| written | factor | example |", "| --- | --- | --- |"]
    for word, factor in known_prefixes():
        lines.append(f"| `{word}` | {format_fraction(factor)} | {word}元, {word}个 |")
    return "\n".join(lines) + "\n"


def on_page_markdown(markdown: str, **_: object) -> str:
    """Replace the markers of generated parts in a page's Markdown."""
    if UNITS_MARKER in markdown:
        markdown = markdown.replace(UNITS_MARKER, units_table())
    if PREFIXES_MARKER in markdown:
        markdown = markdown.replace(PREFIXES_MARKER, prefixes_table())
    return markdown
