"""The plugin host: loads townkpi's built-in plugins and installed ones, and calls their hooks.

Built-in plugins are ordinary plugin modules listed in
[`DEFAULT_PLUGINS`][townkpi.plugins.DEFAULT_PLUGINS] and registered exactly like external ones.
Installed plugins are found through entry points of the group ``townkpi`` and loaded one at a time:
a plugin that fails to import, register or answer a hook becomes a
[`PluginFault`][townkpi.findings.PluginFault] naming it and its version, and the others still load.
A plugin can be blocked by name (configuration ``disable-plugins``, the option ``--disable-plugin``,
or the environment variable ``TOWNKPI_DISABLE_PLUGINS=a,b``); ``TOWNKPI_NO_ENTRY_POINTS=1`` loads no
installed plugins at all (the test suite sets it).

[`PluginHost`][townkpi.plugins.PluginHost] is a typed facade with one method per hook; it is the
only code that touches ``pm.hook``.

Examples:
    >>> host = PluginHost.create(entry_points=False)
    >>> "TK101" in {c.code for c in host.checks()}
    True
    >>> host.catalog().lookup("服务业增加值").part_of
    ('地区生产总值',)
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs
import pluggy

from townkpi import hookspecs
from townkpi.catalog import Catalog, Indicator
from townkpi.checks.base import Check
from townkpi.errors import TownkpiError
from townkpi.findings import PluginFault
from townkpi.lexicon import Phrase
from townkpi.units import UnitDefinition, define_units

if TYPE_CHECKING:
    from townkpi.config import Config
    from townkpi.extract import ExtractOptions

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "NO_ENTRY_POINTS_ENV",
    "PluginHost",
    "PluginInfo",
    "default_host",
    "reset_default_host",
]

DEFAULT_PLUGINS: Final = (
    "townkpi.catalog",
    "townkpi.checks.rates",
    "townkpi.checks.shares",
    "townkpi.checks.signs",
    "townkpi.checks.dimensions",
    "townkpi.checks.periods",
    "townkpi.checks.targets",
)
"""The built-in plugin modules, registered in this order like any other plugin."""

ENTRY_POINT_GROUP: Final = hookspecs.PROJECT_NAME
"""The entry-point group installed plugins declare."""

NO_ENTRY_POINTS_ENV: Final = "TOWNKPI_NO_ENTRY_POINTS"
"""Set to ``1`` to load no installed plugins (only the built-in ones)."""

DISABLE_ENV: Final = "TOWNKPI_DISABLE_PLUGINS"
"""Comma-separated names of plugins not to load."""


@attrs.frozen(slots=True, kw_only=True)
class PluginInfo:
    """One registered plugin, for ``townkpi plugins``.

    Attributes:
        name: Its name (the entry-point name, or the module for built-ins).
        version: Its distribution's version, when known.
        module: The module (or object) it was loaded from.
        builtin: Whether it ships with townkpi.
        hooks: The hooks it implements, sorted.
        checks: The codes of the checks it contributes, sorted.
        indicators: How many catalog entries it contributes.
    """

    name: str
    version: str | None
    module: str
    builtin: bool
    hooks: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    indicators: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The plugin as a JSON object."""
        return {
            "name": self.name,
            "version": self.version,
            "module": self.module,
            "builtin": self.builtin,
            "hooks": list(self.hooks),
            "checks": list(self.checks),
            "indicators": self.indicators,
        }


def _townkpi_version() -> str | None:
    try:
        return importlib.metadata.version("townkpi")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a checkout
        return None


def _one_line(exc: BaseException) -> str:
    text = " ".join(line.strip() for line in str(exc).strip().splitlines() if line.strip())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _is_unit(item: object) -> bool:
    """Whether a ``townkpi_add_units`` item is a definition line or a ``UnitDefinition``."""
    return isinstance(item, str | UnitDefinition)


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in os.environ.get(name, "").split(",") if p.strip())


class PluginHost:
    """The plugin manager behind a typed facade: one method per hook.

    Use [`create`][townkpi.plugins.PluginHost.create] (or
    [`default_host`][townkpi.plugins.default_host]) rather than the constructor, which starts
    with no plugin at all.

    Args:
        disabled: Plugin names to block.
    """

    def __init__(self, disabled: Iterable[str] = ()) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._info: dict[str, PluginInfo] = {}
        self._faults: list[PluginFault] = []
        self._cache: dict[str, Any] = {}
        self._units_applied: set[str] = set()
        for name in disabled:
            self._pm.set_blocked(name)

    # ------------------------------------------------------------------ loading
    @classmethod
    def create(
        cls,
        *,
        entry_points: bool | None = None,
        disabled: Iterable[str] = (),
        builtins: bool = True,
        plugins: Iterable[object] = (),
    ) -> PluginHost:
        """A host with the built-in plugins, the installed ones and any given plugins.

        Args:
            entry_points: Load installed plugins (entry points of the group ``townkpi``). Default:
                yes, unless ``TOWNKPI_NO_ENTRY_POINTS=1``.
            disabled: Plugin names to block, in addition to ``TOWNKPI_DISABLE_PLUGINS``.
            builtins: Register [`DEFAULT_PLUGINS`][townkpi.plugins.DEFAULT_PLUGINS].
            plugins: Further plugin objects (modules, classes, instances) to register.
        """
        host = cls(disabled=(*disabled, *_env_list(DISABLE_ENV)))
        if builtins:
            for module in DEFAULT_PLUGINS:
                host.register_module(module, builtin=True)
        if entry_points is None:
            entry_points = os.environ.get(NO_ENTRY_POINTS_ENV, "") not in {"1", "true", "yes"}
        if entry_points:
            host.load_entry_points()
        for plugin in plugins:
            host.register(plugin)
        host.check_pending()
        return host

    def register_module(self, module: str, *, builtin: bool = False) -> str | None:
        """Import a module by name and register it as a plugin named after it."""
        if self._pm.is_blocked(module):
            return None
        version = _townkpi_version() if builtin else None
        try:
            obj = importlib.import_module(module)
        except Exception as exc:  # any import error becomes a fault
            self._fault(module, f"cannot import: {_one_line(exc)}", version)
            return None
        return self.register(obj, name=module, version=version, builtin=builtin)

    def register(
        self,
        plugin: object,
        name: str | None = None,
        *,
        version: str | None = None,
        builtin: bool = False,
    ) -> str | None:
        """Register a plugin object; a plugin pluggy rejects becomes a fault.

        Args:
            plugin: A module, class or instance with hook implementations.
            name: Its name (default: pluggy's canonical name, the module name for a module).
            version: Its version, for messages and ``townkpi plugins``.
            builtin: Whether it ships with townkpi.

        Returns:
            The name it is registered under, or None when it is blocked or was rejected.
        """
        label = name or self._pm.get_canonical_name(plugin)
        if self._pm.is_blocked(label):
            return None
        try:
            registered = self._pm.register(plugin, name=label)
        except (pluggy.PluginValidationError, ValueError) as exc:
            self._fault(label, _one_line(exc), version)
            return None
        if registered is None:  # pragma: no cover - blocked between the check and the call
            return None
        module = getattr(plugin, "__name__", type(plugin).__module__)
        self._info[registered] = PluginInfo(
            name=registered, version=version, module=str(module), builtin=builtin
        )
        self._cache.clear()
        self._apply_units()
        return registered

    def load_entry_points(self) -> None:
        """Load every installed plugin (entry points of the group ``townkpi``), one at a time."""
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self._pm.is_blocked(ep.name) or self._pm.has_plugin(ep.name):
                continue
            version = ep.dist.version if ep.dist is not None else None
            try:
                obj = ep.load()
            except Exception as exc:  # a broken plugin must not stop the others
                self._fault(ep.name, f"cannot load {ep.value}: {_one_line(exc)}", version)
                continue
            self.register(obj, name=ep.name, version=version)

    def block(self, name: str) -> None:
        """Block a plugin by name, unregistering it if it is loaded."""
        self._pm.set_blocked(name)
        self._info.pop(name, None)
        self._cache.clear()

    def check_pending(self) -> None:
        """Drop plugins whose hook implementations match no hook, recording a fault for each."""
        while True:
            try:
                self._pm.check_pending()
            except pluggy.PluginValidationError as exc:
                name = self._pm.get_name(exc.plugin) or repr(exc.plugin)
                info = self._info.get(name)
                self._fault(name, _one_line(exc), info.version if info else None)
                self._pm.unregister(exc.plugin)
                self._info.pop(name, None)
                self._cache.clear()
                continue
            return

    @property
    def faults(self) -> tuple[PluginFault, ...]:
        """The plugins that could not be loaded or failed in a hook."""
        return tuple(self._faults)

    def _fault(
        self, plugin: str, reason: str, version: str | None, hook: str | None = None
    ) -> None:
        fault = PluginFault(plugin=plugin, reason=reason, version=version, hook=hook)
        if fault not in self._faults:
            self._faults.append(fault)

    def _version(self, plugin: str) -> str | None:
        info = self._info.get(plugin)
        return info.version if info else None

    # ------------------------------------------------------------------ calling hooks
    def _each(self, hook: str, **kwargs: object) -> Iterator[tuple[str, object]]:
        """Call each implementation of a hook in registration order, isolating failures."""
        caller: pluggy.HookCaller = getattr(self._pm.hook, hook)
        for impl in caller.get_hookimpls():  # in registration order
            args = {a: kwargs[a] for a in impl.argnames}
            try:
                result = impl.function(**args)
            except Exception as exc:  # a failing plugin must not stop the others
                self._fault(impl.plugin_name, _one_line(exc), self._version(impl.plugin_name), hook)
                continue
            yield impl.plugin_name, result

    def _collect(
        self, hook: str, accept: Callable[[object], bool], what: str
    ) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for plugin, result in self._each(hook):
            if result is None:
                continue
            if not isinstance(result, list | tuple) or not all(accept(r) for r in result):
                self._fault(plugin, f"{hook} must return a list of {what}",
                            self._version(plugin), hook)  # fmt: skip
                continue
            out.extend((plugin, r) for r in result)
        return out

    def _checks_by_plugin(self) -> dict[type[Check], str]:
        if "checks" not in self._cache:
            owners: dict[type[Check], str] = {}
            codes: dict[str, str] = {}
            for plugin, cls in self._collect(
                "townkpi_register_checks",
                lambda c: isinstance(c, type) and issubclass(c, Check),
                "Check subclasses",
            ):
                if cls.code in codes and owners.get(cls) is None:
                    self._fault(plugin, f"check code {cls.code} is already registered by plugin "
                                f"{codes[cls.code]}", self._version(plugin),
                                "townkpi_register_checks")  # fmt: skip
                    continue
                codes[cls.code] = plugin
                owners.setdefault(cls, plugin)
            self._cache["checks"] = owners
        result: dict[type[Check], str] = self._cache["checks"]
        return result

    def checks(self) -> tuple[type[Check], ...]:
        """Every check class contributed by a plugin (``townkpi_register_checks``), by code."""
        return tuple(sorted(self._checks_by_plugin(), key=lambda c: c.code))

    def plugin_of(self, check: type[Check]) -> str | None:
        """The name of the plugin that contributed a check class."""
        return self._checks_by_plugin().get(check)

    def version_of(self, plugin: str) -> str | None:
        """The version of a registered plugin (its distribution's), when known."""
        return self._version(plugin)

    def indicators(self) -> tuple[Indicator, ...]:
        """Every catalog entry contributed by a plugin (``townkpi_register_indicators``)."""
        if "indicators" not in self._cache:
            self._cache["indicators"] = tuple(
                (p, i)
                for p, i in self._collect(
                    "townkpi_register_indicators",
                    lambda i: isinstance(i, Indicator),
                    "Indicator entries",
                )
            )
        return tuple(i for _p, i in self._cache["indicators"])

    def catalog(self) -> Catalog:
        """The indicator catalog: every plugin's entries, in registration order."""
        if "catalog" not in self._cache:
            self._cache["catalog"] = Catalog(indicators=self.indicators())
        result: Catalog = self._cache["catalog"]
        return result

    def patterns(self) -> tuple[Phrase, ...]:
        """Every extraction lexicon entry a plugin contributes (``townkpi_register_patterns``)."""
        if "patterns" not in self._cache:
            self._cache["patterns"] = tuple(
                p
                for _plugin, p in self._collect(
                    "townkpi_register_patterns", lambda p: isinstance(p, Phrase), "Phrase entries"
                )
            )
        result: tuple[Phrase, ...] = self._cache["patterns"]
        return result

    def _apply_units(self) -> None:
        """Define the units of plugins not yet applied (the hook is historic)."""
        caller: pluggy.HookCaller = self._pm.hook.townkpi_add_units
        for impl in caller.get_hookimpls():  # in registration order
            name = impl.plugin_name
            if name in self._units_applied:
                continue
            self._units_applied.add(name)
            try:
                lines = impl.function()
                if not isinstance(lines, list | tuple) or not all(_is_unit(x) for x in lines):
                    raise TypeError(
                        "townkpi_add_units must return a list of strings and UnitDefinitions"
                    )
                define_units(lines)
            except (Exception, TownkpiError) as exc:  # a broken plugin is a fault
                self._fault(name, _one_line(exc), self._version(name), "townkpi_add_units")

    def units(self) -> tuple[str, ...]:
        """Every unit definition line a plugin contributes (``townkpi_add_units``), in order.

        Lines are given as the plugin returned them (``@group`` and ``@end`` included); a
        [`UnitDefinition`][townkpi.units.UnitDefinition] as its line.
        """
        return tuple(
            item.line if isinstance(item, UnitDefinition) else item
            for _plugin, item in self._collect(
                "townkpi_add_units", _is_unit, "unit definition strings and UnitDefinitions"
            )
        )

    def extract_options(self, year: int | None = None) -> ExtractOptions:
        """Options that let the extractor read what the plugins add: their units and phrases.

        Args:
            year: The year the report reviews, if the caller knows better than the text.

        Returns:
            [`ExtractOptions`][townkpi.extract.ExtractOptions] with the plugins' unit symbols and
            lexicon phrases (the units are defined in the registry first).
        """
        from townkpi.extract import ExtractOptions, unit_symbols  # noqa: PLC0415 - only when used

        self._apply_units()
        return ExtractOptions(year=year, units=unit_symbols(self.units()), phrases=self.patterns())

    def configure(self, config: Config) -> None:
        """Hand the run's configuration to every plugin (``townkpi_configure``)."""
        for _plugin, _result in self._each("townkpi_configure", config=config):
            pass

    # ------------------------------------------------------------------ listing
    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every registered plugin with its version, hooks and check codes, in load order."""
        owners = self._checks_by_plugin()
        self.indicators()
        indicators: dict[str, int] = {}
        for plugin, _ind in self._cache["indicators"]:
            indicators[plugin] = indicators.get(plugin, 0) + 1
        out: list[PluginInfo] = []
        for name, info in self._info.items():
            plugin = self._pm.get_plugin(name)
            if plugin is None:
                continue
            callers = self._pm.get_hookcallers(plugin) or []
            out.append(
                attrs.evolve(
                    info,
                    hooks=tuple(sorted(c.name for c in callers)),
                    checks=tuple(sorted(c.code for c, p in owners.items() if p == name)),
                    indicators=indicators.get(name, 0),
                )
            )
        return tuple(out)


@functools.lru_cache(maxsize=8)
def default_host(disabled: tuple[str, ...] = ()) -> PluginHost:
    """The shared host (built-ins and installed plugins), created once per set of blocked names.

    Args:
        disabled: Plugin names to block.
    """
    return PluginHost.create(disabled=disabled)


def reset_default_host() -> None:
    """Forget the shared hosts, so that the next call loads the plugins again.

    Call it after installing a plugin, or in tests.
    """
    default_host.cache_clear()
