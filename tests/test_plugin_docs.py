"""The how-to 'Write a plugin' runs, in order, as one module, and prints what it says."""

import re
import sys
import types

from conftest import REPO_ROOT

HOW_TO = REPO_ROOT / "docs" / "how-to" / "write-a-plugin.md"


def test_the_how_to_examples_run(capsys, monkeypatch):
    text = HOW_TO.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 4
    module = types.ModuleType("townkpi_villages_howto")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile("\n".join(blocks), str(HOW_TO), "exec"), module.__dict__)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "townkpi_villages_howto"
    for expected in re.findall(r"^# (VIL\d{3} .*|\d+)$", text, re.MULTILINE):
        assert expected in printed
