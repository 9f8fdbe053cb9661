"""Units of measure on pint: one registry for the package, defined as data in ``units.txt``.

Currencies (元 with 万元/亿元; 美元 with 万美元) are dimensions of their own, as are area (亩, 公顷,
平方米), length (公里, 米) and each counting unit (户, 人/名, 家, 个, 件 …): adding 户 to 人 raises
[`DimensionMismatchError`][townkpi.errors.DimensionMismatchError]. A 万/亿 written before any unit
scales it (2.2万个, 20.9万平方米). ``%`` and ``个百分点`` never mix.

Every unit string is resolved once and cached ([`parse_unit`][townkpi.units.parse_unit]);
magnitudes are exact `fractions.Fraction`, so ``131.5亿元`` is exactly ``1315000万元``.

Units in the group ``counting`` count whole things: a whole number of them is exact (169户 is
exactly 169), which the checks of fractional counts and of rates over counts rely on. A plugin adds
units, counting ones included, with [`define_units`][townkpi.units.define_units]: pint lines (an
``@group counting`` … ``@end`` block puts units in the group) or
[`UnitDefinition`][townkpi.units.UnitDefinition]s.

Example:
    >>> from decimal import Decimal
    >>> q = quantity(Decimal("131.5"), "亿元")
    >>> format_quantity(convert(q, "万元"))
    '1315000万元'
    >>> parse_unit("名").dimension == parse_unit("人").dimension
    True
"""

from __future__ import annotations

import enum
import functools
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from townkpi.errors import DimensionMismatchError, UnitError
from townkpi.interval import format_fraction

if TYPE_CHECKING:
    import pint

__all__ = [
    "Unit",
    "UnitCategory",
    "UnitDefinition",
    "conversion_factor",
    "convert",
    "define_units",
    "format_quantity",
    "known_prefixes",
    "known_units",
    "parse_unit",
    "quantity",
    "registry",
]

_LOCK = threading.Lock()
_REGISTRY: pint.UnitRegistry[Any] | None = None
#: The definitions added by ``define_units``, in order (replayed if the registry is built later).
_EXTRA_DEFINITIONS: list[UnitDefinition] = []
COUNTING_GROUP: Final = "counting"
"""The pint group of the units that count whole things (户, 人, 家 …)."""
_UNIT_NORMALIZE: Final = str.maketrans({"％": "%", "‰": "‰", "／": "/"})


class UnitCategory(enum.StrEnum):
    """The broad kind of a unit, used by checks to decide what arithmetic makes sense."""

    CURRENCY = "currency"
    AREA = "area"
    LENGTH = "length"
    VOLUME = "volume"
    MASS = "mass"
    ENERGY = "energy"
    POWER = "power"
    TIME = "time"
    COUNT = "count"
    PROPORTION = "proportion"
    PERCENTAGE_POINT = "percentage-point"
    OTHER = "other"


def registry() -> pint.UnitRegistry[Any]:
    """The package's one pint registry, built on first use from ``units.txt`` (exact Fractions).

    Returns:
        The shared `pint.UnitRegistry`. Quantities from another registry cannot be mixed with it.
    """
    global _REGISTRY  # noqa: PLW0603 - the registry is built lazily, once, for start-up time
    if _REGISTRY is None:
        with _LOCK:
            if _REGISTRY is None:
                import pint  # noqa: PLC0415 - importing pint costs ~0.1 s; only when units are used

                text = resources.files("townkpi").joinpath("units.txt").read_text("utf-8")
                reg: pint.UnitRegistry[Any] = pint.UnitRegistry(
                    None, non_int_type=Fraction, on_redefinition="raise"
                )
                reg.load_definitions(text.splitlines())
                for definition in _EXTRA_DEFINITIONS:
                    _define(reg, definition)
                _REGISTRY = reg
    return _REGISTRY


def define_units(definitions: Iterable[str | UnitDefinition]) -> None:
    """Add unit definitions to the registry, e.g. from a plugin.

    Each item is a line of pint's definition syntax (``name = relation = symbol = alias …``) or a
    [`UnitDefinition`][townkpi.units.UnitDefinition]. Lines between ``@group NAME`` and ``@end``
    put their units in the group ``NAME``, as in ``units.txt``; a unit in the group ``counting``
    counts whole things (its category is ``count``, and a whole number of it is exact). A line
    already defined is skipped, so two plugins may contribute the same unit.

    Args:
        definitions: Lines such as ``"mu_yield = kilogram / mu = 公斤每亩"``, blocks such as
            ``["@group counting", "basket = [basket] = 筐", "@end"]``, or
            ``UnitDefinition(name="basket", relation="[basket]", symbols=("筐",),
            group="counting")``.

    Raises:
        UnitError: A line cannot be parsed, redefines a unit, or a group block is malformed.
    """
    parsed = list(_parse_definitions(definitions))
    reg = registry()
    with _LOCK:
        for definition in parsed:
            if definition in _EXTRA_DEFINITIONS:
                continue
            _define(reg, definition, defined={d.line for d in _EXTRA_DEFINITIONS})
            _EXTRA_DEFINITIONS.append(definition)
    parse_unit.cache_clear()
    _pint_unit.cache_clear()
    _factor.cache_clear()
    _text_factor.cache_clear()
    _counting_dimensions.cache_clear()
    _names.cache_clear()


def _parse_definitions(items: Iterable[str | UnitDefinition]) -> Iterator[UnitDefinition]:
    """Definitions from lines (with ``@group`` blocks) and ``UnitDefinition``s, in order."""
    group: str | None = None
    for item in items:
        if isinstance(item, UnitDefinition):
            if group is not None:
                raise UnitError(item.line, f"a UnitDefinition inside the @group {group} block")
            yield item
            continue
        line = item.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@group"):
            name = line.removeprefix("@group").strip()
            if group is not None or not _NAME_RE.fullmatch(name):
                raise UnitError(line, "expected '@group NAME' outside any other group block")
            group = name
        elif line == "@end":
            if group is None:
                raise UnitError(line, "'@end' without '@group'")
            group = None
        elif line.startswith("@"):
            raise UnitError(line, "only @group … @end blocks are supported")
        else:
            yield UnitDefinition.parse(line, group=group or "")
    if group is not None:
        raise UnitError(f"@group {group}", "the block is not closed with '@end'")


def _define(
    reg: pint.UnitRegistry[Any], definition: UnitDefinition, defined: Iterable[str] = ()
) -> None:
    """Define one unit in ``reg`` (unless its line is in ``defined``) and put it in its group."""
    line = definition.line
    try:
        if line not in defined:
            reg.define(line)
        if definition.group:
            reg.get_group(definition.group).add_units(definition.name)
    except Exception as exc:  # pint raises several unrelated types for bad lines
        raise UnitError(line, f"cannot define unit ({exc})") from exc


def _exact(x: object) -> Fraction:
    """A pint magnitude or exponent as an exact Fraction (the registry computes in Fractions)."""
    if isinstance(x, Fraction | int | Decimal):
        return Fraction(x)
    if isinstance(x, float):  # pint writes integral exponents as floats in some paths
        return Fraction(x).limit_denominator()
    raise TypeError(f"not a real number: {x!r}")


def _power_text(name: str, power: object) -> str:
    p = _exact(power)
    return name if p == 1 else f"{name}^{format_fraction(p)}"


def _dimension_key(dims: Mapping[str, object]) -> str:
    return "*".join(_power_text(name, power) for name, power in sorted(dims.items())) or "[]"


def _name_dimension(reg: pint.UnitRegistry[Any], name: str) -> str:
    """The dimension key of a unit by its name in the registry, without parsing a string."""
    return _dimension_key(reg.get_dimensionality(reg.UnitsContainer({name: Fraction(1)})))


@functools.cache
def _counting_dimensions() -> frozenset[str]:
    reg = registry()
    members = reg.get_group(COUNTING_GROUP).members
    return frozenset(_name_dimension(reg, m) for m in members)


_SIMPLE_CATEGORIES: Final = {
    "[length]": UnitCategory.LENGTH,
    "[length]^2": UnitCategory.AREA,
    "[length]^3": UnitCategory.VOLUME,
    "[mass]": UnitCategory.MASS,
    "[energy]": UnitCategory.ENERGY,
    "[energy_coal]": UnitCategory.ENERGY,
    "[power]": UnitCategory.POWER,
    "[time]": UnitCategory.TIME,
    "[percentage_point]": UnitCategory.PERCENTAGE_POINT,
    "[]": UnitCategory.PROPORTION,
}


def _category(key: str) -> UnitCategory:
    if key in _SIMPLE_CATEGORIES:
        return _SIMPLE_CATEGORIES[key]
    if re.fullmatch(r"\[currency_\w+\]", key):
        return UnitCategory.CURRENCY
    if key in _counting_dimensions():
        return UnitCategory.COUNT
    return UnitCategory.OTHER


@attrs.frozen(slots=True, kw_only=True)
class Unit:
    """A unit as written in a report, resolved against the registry.

    Attributes:
        text: The unit as written, scale included (``万平方米``).
        dimension: A stable key of its dimensionality (``[length]^2``, ``[household]``).
        category: Its broad kind (area, currency, count …).
        factor: The scale its 万/亿 prefixes add, exactly (万平方米 → 10000, 平方米 → 1).
        base: The symbol of the unit without those prefixes (平方米, 元, 户).
    """

    text: str = attrs.field(validator=attrs.validators.min_len(1))
    dimension: str
    category: UnitCategory
    factor: Fraction
    base: str

    @property
    def is_count(self) -> bool:
        """Whether it counts whole things (户, 人, 家, 万个 …)."""
        return self.category is UnitCategory.COUNT

    @property
    def counts_whole_things(self) -> bool:
        """Whether a whole number of it is exact: a count without a 万/亿 scale.

        169户 counts whole households; 2万户 is a rounded number of them.
        """
        return self.category is UnitCategory.COUNT and self.factor == 1

    @property
    def pint_unit(self) -> pint.Unit:
        """The pint unit (from the package registry), resolved once per unit string."""
        return _pint_unit(_normalize(self.text))

    def __str__(self) -> str:
        return self.text


def _normalize(text: str) -> str:
    return text.strip().translate(_UNIT_NORMALIZE)


@functools.lru_cache(maxsize=4096)
def _pint_unit(normalized: str) -> pint.Unit:
    """The registry's unit for a normalized unit string (pint parses a string in ~100 µs)."""
    return registry().Unit(normalized)


def _terms(reg: pint.UnitRegistry[Any], unit: pint.Unit) -> tuple[tuple[str, object], ...]:
    """The ``(name, exponent)`` terms of a unit: 万元/户 → ``(万yuan, 1), (household, -1)``."""
    return tuple(reg.Quantity(Fraction(1), unit).unit_items())


def _split_prefix(reg: pint.UnitRegistry[Any], name: str) -> tuple[str, str]:
    """Split a canonical unit name into its prefix and base name (万亿yuan → 万亿, yuan)."""
    candidates = reg.parse_unit_name(name)
    prefix, base_name, _suffix = max(candidates, key=lambda c: len(c[0]))
    return prefix, base_name


def _base_symbol(reg: pint.UnitRegistry[Any], unit: pint.Unit) -> tuple[Fraction, str]:
    """The factor of ``unit`` in its unprefixed units, and their Chinese symbols."""
    factor = Fraction(1)
    names: list[str] = []
    for name, power in _terms(reg, unit):
        prefix, base_name = _split_prefix(reg, name)
        if prefix:
            scale = reg.Quantity(Fraction(1), name).to(base_name).magnitude
            factor *= _exact(scale) ** int(_exact(power))
        names.append(_power_text(reg.get_symbol(base_name), power))
    return factor, "·".join(names)


#: One name of letters: a unit pint reads as one token (台, 万亩, 亿元, 万千瓦时, PF).
_ONE_NAME: Final = re.compile("[A-Za-z\u4e00-\u9fff]+")


@functools.cache
def _prefix_factors() -> dict[str, Fraction]:
    return dict(known_prefixes())


@attrs.frozen(slots=True)
class _Names:
    """The words of the definitions, as pint's registry reads them, for splitting a unit name.

    Attributes:
        units: Each unit's name, symbols and aliases → its (name, relation, symbol).
        prefixes: Each prefix's name, symbol and aliases → its name; ``""`` for none.
    """

    units: dict[str, tuple[str, str, str]]
    prefixes: dict[str, str]


@functools.cache
def _names() -> _Names:
    """The words of ``units.txt`` and of the plugins' definitions (rebuilt by define_units)."""
    units: dict[str, tuple[str, str, str]] = {}
    prefixes = {"": ""}
    for line in _definition_lines():
        if line.startswith("@"):  # @group, @end
            continue
        name, *rest = (p.strip() for p in line.split("="))
        if name.endswith("-"):  # prefix- = factor = symbol- = alias- …
            for word in (name, *rest[1:]):
                prefixes[word.removesuffix("-")] = name[:-1]
            continue
        _add_names(units, name, rest)
    for definition in _EXTRA_DEFINITIONS:
        _add_names(units, definition.name, [definition.relation, *definition.symbols])
    return _Names(units, prefixes)


def _add_names(units: dict[str, tuple[str, str, str]], name: str, rest: list[str]) -> None:
    relation, symbols = (rest[0], rest[1:]) if rest else ("", [])
    symbol = symbols[0] if symbols and symbols[0] != "_" else ""  # "" when pint has none
    entry = (name, relation, symbol)
    for word in (name, *symbols):
        if word != "_":
            # A word of two units is marked ambiguous (left to pint).
            units[word] = entry if units.get(word, entry) == entry else ("", "", "")


#: A relation that makes a unit the base of a dimension of its own (``[household]``).
_BASE_RELATION: Final = re.compile(r"\[\w+\]")


def _split_name(norm: str) -> tuple[str, tuple[str, str, str]] | None:
    """``pint``'s split of a unit name into prefix and unit, from the definitions' words.

    Like ``registry().parse_unit_name`` (every prefix, or none, before a unit's name, symbol or
    alias, maybe with a plural ``s``; a unit name that is one prefixed unit dropped) without its
    generic walk: the prefix's name and the unit's (name, relation, symbol), or None when there
    is not exactly one split or its unit's word is ambiguous.
    """
    names = _names()
    units = names.units
    found: dict[tuple[str, str], tuple[str, str, str]] = {}
    for word, prefix in names.prefixes.items():
        if not norm.startswith(word):
            continue
        rest = norm[len(word) :]
        words = [rest]
        stem = rest[:-1]
        if rest.endswith("s") and len(stem) != 1:  # pint's plural s, not after one letter
            words.append(stem)
        for unit_word in words:
            entry = units.get(unit_word)
            if entry is not None:
                found[prefix, entry[0]] = entry
    for prefix, name in list(found):
        if prefix:
            found.pop(("", prefix + name), None)
    if len(found) != 1:
        return None
    (((prefix, _name), entry),) = found.items()
    return (prefix, entry) if entry[0] else None


def _named(reg: pint.UnitRegistry[Any], text: str, norm: str) -> Unit | None:
    """A unit written as one name (台, 标准箱), maybe after a 万/亿 scale (万亩, 亿元), or None.

    A full pint parse of a new unit string is slow. Here a name is split into its prefix and
    unit from the definitions' words (what pint's ``parse_unit_name`` finds); a unit defined as
    a dimension of its own (``[household]``) has that dimension, any other asks pint for its
    dimensionality only; a scaled unit is resolved from the (cached) entry of the unit behind
    its prefix. Anything but one unambiguous ``prefix + unit`` name is left to pint (None); the
    result is the Unit pint's parse of ``norm`` gives.
    """
    if not _ONE_NAME.fullmatch(norm):
        return None
    split = _split_name(norm)
    if split is None:
        return None
    prefix, (name, relation, symbol) = split
    if not prefix:  # the unit itself, to the first power: no scale, its own symbol
        key = relation if _BASE_RELATION.fullmatch(relation) else _name_dimension(reg, name)
        return Unit(text=text, dimension=key, category=_category(key), factor=Fraction(1),
                    base=symbol or reg.get_symbol(name))  # fmt: skip
    scale = _prefix_factors().get(prefix)
    if scale is None:
        return None
    unit = parse_unit(symbol or reg.get_symbol(name))
    if unit.factor != 1:
        return None
    return Unit(text=text, dimension=unit.dimension, category=unit.category, factor=scale,
                base=unit.base)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """Resolve a unit as written (``亿元``, ``万平方米``, ``名``, ``％``), cached per string.

    Args:
        text: The unit as written, including any 万/亿 scale before it.

    Returns:
        The resolved unit.

    Raises:
        UnitError: The registry does not know the unit.

    Example:
        >>> u = parse_unit("万平方米")
        >>> u.category.value, u.factor, u.base
        ('area', Fraction(10000, 1), '平方米')
    """
    norm = _normalize(text)
    if not norm:
        raise UnitError(text, "empty unit")
    reg = registry()
    named = _named(reg, text, norm)
    if named is not None:
        return named
    return _parsed(reg, text, norm)


def _parsed(reg: pint.UnitRegistry[Any], text: str, norm: str) -> Unit:
    """``parse_unit`` by pint's parse of the whole string (any unit expression)."""
    try:
        unit = reg.Unit(norm)
    except Exception as exc:  # pint raises UndefinedUnitError, AssertionError, ValueError …
        raise UnitError(text) from exc
    key = _dimension_key(unit.dimensionality)
    try:
        factor, base = _base_symbol(reg, unit)
    except Exception as exc:  # pragma: no cover - a definition pint accepts but we cannot resolve
        raise UnitError(text, "cannot resolve unit") from exc
    return Unit(text=text, dimension=key, category=_category(key), factor=factor, base=base)


def _as_unit(unit: str | Unit) -> Unit:
    return unit if isinstance(unit, Unit) else parse_unit(unit)


def conversion_factor(source: str | Unit, target: str | Unit) -> Fraction:
    """The exact number of ``target`` units in one ``source`` unit.

    Raises:
        DimensionMismatchError: The two units measure different things (户 and 人, 元 and 美元).

    Example:
        >>> conversion_factor("亿元", "万元")
        Fraction(10000, 1)
    """
    if isinstance(source, str) and isinstance(target, str):
        return _text_factor(source, target)
    return _factor(_as_unit(source), _as_unit(target))


@functools.lru_cache(maxsize=4096)
def _text_factor(source: str, target: str) -> Fraction:
    """``conversion_factor`` of two units as written, cached by their text (cheap to hash)."""
    return _factor(parse_unit(source), parse_unit(target))


@functools.lru_cache(maxsize=4096)
def _factor(a: Unit, b: Unit) -> Fraction:
    """``conversion_factor`` of two resolved units, cached (a pint conversion costs ~100 µs)."""
    if a.dimension != b.dimension:
        raise DimensionMismatchError(a.text, b.text, "convert")
    if a.factor and b.factor and a.base == b.base:
        return a.factor / b.factor
    q = registry().Quantity(Fraction(1), a.pint_unit).to(b.pint_unit)
    return _exact(q.magnitude)


def quantity(magnitude: Decimal | Fraction | int, unit: str | Unit) -> pint.Quantity[Fraction]:
    """An exact pint quantity in the package registry.

    Args:
        magnitude: The number (converted exactly to a Fraction).
        unit: The unit as written.
    """
    u = _as_unit(unit)
    return registry().Quantity(Fraction(magnitude), u.pint_unit)


def convert(q: pint.Quantity[Fraction], unit: str | Unit) -> pint.Quantity[Fraction]:
    """Convert a quantity exactly.

    Raises:
        DimensionMismatchError: The quantity cannot be expressed in ``unit``.
    """
    u = _as_unit(unit)
    try:
        return q.to(u.pint_unit)
    except Exception as exc:
        raise DimensionMismatchError(str(q.units), u.text, "convert") from exc


def format_quantity(q: pint.Quantity[Fraction]) -> str:
    """A quantity in Chinese, as a report would write it: ``131.5亿元``, ``98.8%``, ``2个百分点``.

    pint's own formatters are not used: they print ``亿yuan``, and they fail on the exact Fraction
    exponents of this registry.

    Example:
        >>> format_quantity(quantity(Decimal("20.9"), "万平方米"))
        '20.9万平方米'
    """
    reg = registry()
    mag = format_fraction(_exact(q.magnitude))
    terms = tuple(q.unit_items())
    symbols: list[str] = []
    for name, _power in terms:
        prefix, base_name = _split_prefix(reg, name)
        symbols.append(prefix + reg.get_symbol(base_name))
    powers = [_exact(power) for _name, power in terms]
    if powers == [1, -1]:  # a rate per unit: 万元/起
        return f"{mag}{symbols[0]}/{symbols[1]}"
    return mag + "·".join(_power_text(s, p) for s, p in zip(symbols, powers, strict=True))


_NAME_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _symbol_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _check_name(_inst: object, _attr: object, value: str) -> None:
    if not _NAME_RE.fullmatch(value):
        raise ValueError(f"a unit name is ASCII letters, digits and _, not {value!r}")


def _check_group(_inst: object, _attr: object, value: str) -> None:
    if value and not _NAME_RE.fullmatch(value):
        raise ValueError(f"a group name is ASCII letters, digits and _, not {value!r}")


@attrs.frozen(slots=True, kw_only=True)
class UnitDefinition:
    """One unit definition: a line of ``units.txt`` or a unit a plugin adds.

    Example:
        >>> basket = UnitDefinition(
        ...     name="basket", relation="[basket]", symbols=("筐",), group="counting"
        ... )
        >>> basket.line
        'basket = [basket] = 筐'
        >>> UnitDefinition.parse("dan = 50 * kilogram = 担").symbols
        ('担',)

    Attributes:
        name: The canonical ASCII name.
        symbols: The Chinese symbol (used for display) and aliases.
        relation: How it is defined: a dimension of its own in brackets (``[basket]``) or an exact
            multiple of another unit (``50 * kilogram``).
        group: ``counting`` for a unit that counts whole things, else empty (or another pint
            group's name).
    """

    name: str = attrs.field(validator=_check_name)
    symbols: tuple[str, ...] = attrs.field(converter=_symbol_tuple)
    relation: str = attrs.field(validator=attrs.validators.min_len(1))
    group: str = attrs.field(default="", validator=_check_group)

    @property
    def line(self) -> str:
        """The definition in pint's one-line syntax: ``name = relation = symbol = alias …``."""
        return " = ".join((self.name, self.relation, *self.symbols))

    @property
    def counting(self) -> bool:
        """Whether the unit counts whole things (it is in the group ``counting``)."""
        return self.group == COUNTING_GROUP

    @classmethod
    def parse(cls, line: str, group: str = "") -> UnitDefinition:
        """A definition from a line of pint's syntax.

        Args:
            line: ``name = relation = symbol = alias …``.
            group: The group the line stands in (``counting``), or empty.

        Raises:
            UnitError: The line is not a unit definition (a prefix, or too few parts).
        """
        name, *rest = (p.strip() for p in line.split("="))
        relation, symbols = (rest[0], rest[1:]) if rest else ("", [])
        if not name or not relation or name.endswith("-"):
            raise UnitError(line, "expected 'name = relation = symbol …' (not a prefix)")
        try:
            return cls(name=name, relation=relation, symbols=symbols, group=group)
        except ValueError as exc:
            raise UnitError(line, str(exc)) from exc


def _definition_lines() -> Iterator[str]:
    text = resources.files("townkpi").joinpath("units.txt").read_text("utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield line


def known_prefixes() -> tuple[tuple[str, Fraction], ...]:
    """The scales ``units.txt`` defines to be written before a unit (万, 亿 …), in file order.

    Example:
        >>> dict(known_prefixes())["亿"]
        Fraction(100000000, 1)
    """
    out: list[tuple[str, Fraction]] = []
    for line in _definition_lines():
        name, _, factor = (p.strip() for p in line.partition("="))
        if name.endswith("-"):
            out.append((name[:-1], Fraction(Decimal(factor.split("=")[0].strip()))))
    return tuple(out)


def known_units() -> tuple[UnitDefinition, ...]:
    """Every unit defined in ``units.txt`` (prefixes excluded), in file order."""
    lines = (
        line for line in _definition_lines() if not line.partition("=")[0].strip().endswith("-")
    )
    return tuple(_parse_definitions(lines))
