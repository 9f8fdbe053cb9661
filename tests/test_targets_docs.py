"""The Python examples of the how-to "Evaluate a plan's targets" run and print what it shows."""

import re

from conftest import REPO_ROOT

HOW_TO = REPO_ROOT / "docs" / "how-to" / "evaluate-targets.md"


def test_the_how_to_examples_run_and_print_what_they_show(capsys):
    text = HOW_TO.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 4
    namespace: dict[str, object] = {}
    exec(compile("\n".join(blocks), str(HOW_TO), "exec"), namespace)
    shown = [line[4:] for block in blocks for line in block.splitlines() if line.startswith("# > ")]
    assert capsys.readouterr().out.splitlines() == shown
