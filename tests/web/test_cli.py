from click.testing import CliRunner

from gongkai.cli import main
from gongkai.web.agencies.models import Agency


def test_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ["serve", "demo", "migrate", "manage"]:
        assert f"  {command} " in result.output


def test_demo_loads_the_county_and_prints_the_logins(db):
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "zhangwei" in result.output and "gongkai-demo" in result.output
    assert Agency.objects.filter(name="青山县人民政府").exists()
