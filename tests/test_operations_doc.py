"""docs/OPERATIONS.md stays true: the commands it tells operators to run exist, the settings
in its sample configuration are documented settings, and the README links to it."""

import re
from pathlib import Path

from gongkai.cli import main

ROOT = Path(__file__).resolve().parents[1]
OPERATIONS = (ROOT / "docs" / "OPERATIONS.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_it_names_exists():
    named = set(re.findall(r"(?:`|bin/)gongkai ([a-z][a-z-]*)", OPERATIONS))
    assert {"serve", "worker", "migrate", "backup", "restore", "catalog"} <= named
    assert named - set(main.commands) == set()


def test_the_sample_configuration_uses_documented_settings_only():
    block = OPERATIONS.split("/etc/gongkai/gongkai.env", 1)[1].split("```sh", 1)[1]
    names = re.findall(r"^([A-Z_]+)=", block.split("```", 1)[0], flags=re.MULTILINE)
    assert len(names) >= 8
    assert [name for name in names if f"`{name}`" not in README] == []


def test_the_readme_links_the_operations_manual():
    assert "(docs/OPERATIONS.md)" in README
