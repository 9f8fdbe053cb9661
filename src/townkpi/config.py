"""Configuration of a check run: ``[tool.townkpi]`` in ``pyproject.toml`` or a ``townkpi.toml``.

```toml
[tool.townkpi]
select = ["TK"]              # codes, code prefixes, check names or groups; default: all
ignore = ["TK102", "TK202"]  # the more specific of a select and an ignore entry wins
fail-on = "warning"          # exit 1 at or above this severity (default: error)
disable-plugins = ["economy"]

[tool.townkpi.severity]      # by code or code prefix
TK302 = "warning"

[tool.townkpi.checks.TK101]  # options a check declares
max-candidates = 3

[tool.townkpi.plugins.economy]  # options read by a plugin in townkpi_configure
strict = true
```

In a ``townkpi.toml`` the same keys stand at the top level. Option names may use ``-`` or ``_``.

Examples:
    >>> cfg = config_from_mapping({"select": ["TK1"], "ignore": ["TK102"]})
    >>> cfg.selects("TK101"), cfg.selects("TK102"), cfg.selects("TK201")
    (True, False, False)
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from townkpi.errors import TownkpiError
from townkpi.findings import Severity

__all__ = ["Config", "ConfigError", "config_from_mapping", "find_config", "load_config"]

_KEYS: Final = frozenset(
    {"select", "ignore", "fail-on", "severity", "disable-plugins", "checks", "plugins"}
)
#: How specific a match by check name is (more than any code prefix).
_NAME_MATCH: Final = 100
#: How specific a match by group is (less than any code prefix).
_GROUP_MATCH: Final = 0


class ConfigError(TownkpiError, ValueError):
    """The configuration is malformed.

    Args:
        source: The configuration file (or ``<arguments>``).
        reason: What is wrong, naming the key.
    """

    code = "E-CONFIG"

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.reason))


def _str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


def _specificity(entries: Sequence[str], code: str, name: str, groups: Iterable[str]) -> int:
    best = -1
    group_set = set(groups)
    for entry in entries:
        if entry in {"ALL", "all"}:
            best = max(best, 0)
        elif entry == name:
            best = max(best, _NAME_MATCH)
        elif code.startswith(entry):
            best = max(best, len(entry))
        elif entry in group_set:
            best = max(best, _GROUP_MATCH)
    return best


@attrs.frozen(slots=True, kw_only=True)
class Config:
    """The settings of a check run.

    Attributes:
        select: Codes, code prefixes, check names or groups to run; empty means all.
        ignore: Codes, prefixes, names or groups not to run. Between a matching select and ignore
            entry, the more specific wins (a full name over a code prefix over a group); at equal
            specificity, ignore wins.
        fail_on: The least severity that makes ``townkpi check`` exit with 1.
        severity: Severity overrides by code or code prefix (the longest matching entry wins).
        disabled_plugins: Plugins not to load, by name.
        checks: Options per check code.
        plugins: Options per plugin name, for ``townkpi_configure``.
        source: The file it was read from, if any.
    """

    select: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    fail_on: Severity = attrs.field(
        default=Severity.ERROR, validator=attrs.validators.instance_of(Severity)
    )
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_frozen_mapping)
    disabled_plugins: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    checks: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_frozen_mapping)
    plugins: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_frozen_mapping)
    source: str | None = None

    def selects(self, code: str, name: str = "", groups: Iterable[str] = ()) -> bool:
        """Whether a check (or a finding's code) is selected to run.

        Args:
            code: The check's code.
            name: The check's dotted name.
            groups: The check's groups.
        """
        if not self.select and not self.ignore:
            return True  # the usual case: every check runs (what the rule below gives)
        groups = tuple(groups)
        chosen = _specificity(self.select, code, name, groups) if self.select else 0
        dropped = _specificity(self.ignore, code, name, groups)
        return chosen >= 0 and chosen > dropped

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of findings with ``code`` (the longest matching prefix)."""
        best, found = -1, default
        for prefix, sev in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, found = len(prefix), sev
        return found

    def check_options(self, code: str) -> Mapping[str, Any]:
        """The options configured for a check code (names with ``_``)."""
        return self.checks.get(code, MappingProxyType({}))

    def plugin_options(self, name: str) -> Mapping[str, Any]:
        """The options configured for a plugin (``[tool.townkpi.plugins.NAME]``)."""
        return self.plugins.get(name, MappingProxyType({}))

    def overridden(
        self,
        *,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        fail_on: Severity | None = None,
        disabled_plugins: Sequence[str] = (),
    ) -> Config:
        """This configuration with command-line options applied.

        ``select`` replaces the configured selection; ``ignore`` and ``disabled_plugins`` add to
        the configured ones.
        """
        return attrs.evolve(
            self,
            select=self.select if select is None else tuple(select),
            ignore=(*self.ignore, *ignore),
            fail_on=self.fail_on if fail_on is None else fail_on,
            disabled_plugins=(*self.disabled_plugins, *disabled_plugins),
        )


def _norm_key(key: str) -> str:
    return key.replace("_", "-")


def _string_list(source: str, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(source, f"{key!r} must be a list of strings, not {value!r}")
    return tuple(value)


def _severity(source: str, key: str, value: object) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        raise ConfigError(
            source, f"{key!r}: {value!r} is not a severity (error, warning or info)"
        ) from None


def _tables(source: str, key: str, value: object) -> dict[str, Mapping[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(source, f"{key!r} must be a table of tables ([{key}.NAME])")
    return {
        str(k): MappingProxyType({kk.replace("-", "_"): vv for kk, vv in v.items()})
        for k, v in value.items()
    }


def config_from_mapping(data: Mapping[str, Any], source: str = "<config>") -> Config:
    """A configuration from a parsed TOML table.

    Raises:
        ConfigError: A key is unknown or a value has the wrong type.
    """
    table = {_norm_key(k): v for k, v in data.items()}
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            source, f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})"
        )
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(source, "'severity' must be a table of code = severity")
    return Config(
        select=_string_list(source, "select", table.get("select", [])),
        ignore=_string_list(source, "ignore", table.get("ignore", [])),
        fail_on=_severity(source, "fail-on", table.get("fail-on", "error")),
        severity={str(k): _severity(source, f"severity.{k}", v) for k, v in severity.items()},
        disabled_plugins=_string_list(source, "disable-plugins", table.get("disable-plugins", [])),
        checks=_tables(source, "checks", table.get("checks", {})),
        plugins=_tables(source, "plugins", table.get("plugins", {})),
        source=source,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}") from exc


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        found = tool.get("townkpi") if isinstance(tool, dict) else None
        return found if isinstance(found, dict) else None
    return data


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies to a directory, or None.

    That is the nearest ``townkpi.toml``, or ``pyproject.toml`` with a ``[tool.townkpi]`` table,
    in ``start`` (default: the working directory) or a parent directory.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "townkpi.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _table_of(pyproject, _read_toml(pyproject)) is not None:
            return pyproject
    return None


def load_config(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """Read the configuration.

    Args:
        path: A ``townkpi.toml`` or ``pyproject.toml``; when None, the nearest one found from
            ``start`` (default: the working directory) upwards, else the defaults.
        start: Where to start looking when ``path`` is None.

    Raises:
        ConfigError: The file cannot be read or is malformed.
    """
    if path is None:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    p = Path(path)
    if not p.is_file():
        raise ConfigError(str(p), "no such configuration file")
    table = _table_of(p, _read_toml(p))
    return config_from_mapping(table or {}, str(p))
