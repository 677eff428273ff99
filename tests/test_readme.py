"""The README's Python examples are executed, so the documentation cannot drift from the code."""

import doctest
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 7
    assert result.failed == 0


def test_quickstart_has_exactly_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Mulai cepat", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```bash\n")[1:]
    assert len(blocks) == 2
    assert blocks[1].split("```")[0].strip().endswith("python -m pytest")
