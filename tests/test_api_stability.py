"""The public API is pinned: every name in ``townkpi.__all__`` and its signature.

``tests/data/public_api.txt`` is the snapshot: one line per public name, then for a class its
constructor, public methods and properties, for an enum its members. A change to the public API
makes this test fail with the difference; when the change is deliberate, regenerate the snapshot
and review the diff in the commit:

    .venv/bin/python tests/test_api_stability.py > tests/data/public_api.txt
"""

from __future__ import annotations

import difflib
import enum
import inspect
import sys
from pathlib import Path

import townkpi

SNAPSHOT = Path(__file__).resolve().parent / "data" / "public_api.txt"


def _signature(obj: object) -> str:
    try:
        return str(inspect.signature(obj))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(...)"


def _class_lines(name: str, cls: type) -> list[str]:
    if issubclass(cls, enum.Enum):
        members = ", ".join(f"{m.name}={m.value!r}" for m in cls)
        return [f"enum {name}: {members}"]
    kind = "exception" if issubclass(cls, BaseException) else "class"
    lines = [f"{kind} {name}{_signature(cls)}"]
    for attr, value in sorted(vars(cls).items()):
        if attr.startswith("_"):
            continue
        if isinstance(value, property):
            lines.append(f"    property {name}.{attr}")
        elif isinstance(value, classmethod | staticmethod):
            lines.append(f"    classmethod {name}.{attr}{_signature(getattr(cls, attr))}")
        elif inspect.isfunction(value):
            lines.append(f"    method {name}.{attr}{_signature(value)}")
    return lines


def render_api() -> str:
    """The public API as the snapshot file holds it."""
    lines: list[str] = []
    for name in townkpi.__all__:
        obj = getattr(townkpi, name)
        if inspect.isclass(obj):
            lines.extend(_class_lines(name, obj))
        elif callable(obj):
            lines.append(f"function {name}{_signature(obj)}")
        else:
            lines.append(f"constant {name}: {type(obj).__name__}")
    return "\n".join(lines) + "\n"


def test_public_names_are_sorted_and_unique():
    assert list(townkpi.__all__) == sorted(set(townkpi.__all__), key=townkpi.__all__.index)
    assert len(set(townkpi.__all__)) == len(townkpi.__all__)


def test_every_public_name_is_documented():
    missing = [n for n in townkpi.__all__ if not inspect.getdoc(getattr(townkpi, n))]
    assert missing == []


def test_the_public_api_matches_its_snapshot():
    expected = SNAPSHOT.read_text(encoding="utf-8")
    actual = render_api()
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            "tests/data/public_api.txt",
            "townkpi now",
        )
    )
    assert actual == expected, (
        "the public API changed; if deliberately, regenerate the snapshot "
        "(python tests/test_api_stability.py > tests/data/public_api.txt):\n" + diff
    )


if __name__ == "__main__":
    sys.stdout.write(render_api())
