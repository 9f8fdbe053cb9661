"""The Python examples of the records how-to run, in order, as one script."""

import re

from conftest import REPO_ROOT

HOW_TO = REPO_ROOT / "docs" / "how-to" / "records.md"


def test_the_how_to_examples_run(capsys):
    text = HOW_TO.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    exec(compile("\n".join(blocks), str(HOW_TO), "exec"), namespace)
    printed = capsys.readouterr().out
    for line in re.findall(r"^# (TK9\d\d .*)$", text, re.MULTILINE):
        assert line in printed
