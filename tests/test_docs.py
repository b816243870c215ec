"""The README documents every command and every setting (a missing entry fails here)."""

import re
from pathlib import Path

import gongkai.web.settings
from gongkai.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"`gongkai {name}" in README, f"document `gongkai {name}` in README.md"


def test_every_environment_setting_is_in_the_readme():
    source = Path(gongkai.web.settings.__file__).read_text()
    names = set(re.findall(r'env(?:str|bool|int|list|choice)\("([A-Z_]+)"', source))
    names.add("SECRET_KEY")
    assert {name for name in names if f"`{name}`" not in README} == set()
