"""The agency picker: a plain select that reads as a tree and, for a province's thousands of
agencies, lists the tree opened along the chosen branch — usable without JavaScript — with
suggestions by name for the search field that JavaScript adds (the user's own agencies on
staff pages)."""

import re
import time

import pytest
from tests.web.conftest import make_person

from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.picker import FULL_LIST, INDENT, Node, picker, suggestions
from gongkai.web.agencies.roles import AgencyLevel, Role

CITIES, COUNTIES = 12, 14  # 1 + 12 + 168 agencies: more than FULL_LIST


@pytest.fixture
def province(db):
    """A province, its cities, and the counties of each city."""
    serial = iter(range(10_000_000, 20_000_000))

    def make(name: str, parent=None) -> Agency:
        code = make_uscc("1", "1", "360000", str(next(serial)))
        return Agency.objects.create(name=name, parent=parent, level=AgencyLevel.OTHER, code=code)

    root = make("江西省人民政府")
    cities = [make(f"第{c}市人民政府", root) for c in range(CITIES)]
    for c, city in enumerate(cities):
        for n in range(COUNTIES):
            make(f"第{c}市第{n}县人民政府", city)
    return root, cities


def agency_options(html: str) -> list[str]:
    select = re.search(r'<select id="agency" name="agency">(.*?)</select>', html, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_a_few_agencies_are_all_listed_indented_under_their_parents(client, treasury, land):
    options = agency_options(client.get("/catalog/").content.decode())
    assert options == ["全部", "青山县人民政府", f"{INDENT}青山县财政局",
                       f"{INDENT * 2}青山县财政局国库股", f"{INDENT}青山县自然资源局"]  # fmt: skip


def test_a_province_lists_its_cities_and_opens_the_branch_of_the_chosen_agency(client, province):
    _root, cities = province
    assert Agency.objects.count() > FULL_LIST
    page = client.get("/catalog/").content.decode()
    city_names = [f"{INDENT}第{c}市人民政府" for c in range(CITIES)]
    assert agency_options(page) == ["全部", "江西省人民政府", *city_names]
    assert "选择一个机构并点“筛选”，即可列出其下级机构" in page
    county = cities[3].children.order_by("path").first()
    page = client.get("/catalog/", {"agency": county.code}).content.decode()
    listed = agency_options(page)
    assert len(listed) == 1 + 1 + CITIES + COUNTIES  # 全部, the province, cities, one city's
    assert f'<option value="{county.code}" selected>{INDENT * 2}{county.name}</option>' in page
    assert f"{INDENT * 2}第3市第13县人民政府" in listed and "第4市第0县人民政府" not in page


def test_the_picker_of_thousands_of_agencies_is_short_and_quick():
    agencies = [Node(1, "P", "省", (1,))]
    for city in range(100):
        agencies.append(Node(2 + city, f"C{city}", f"市{city}", (1, 2 + city)))
        for county in range(60):
            pk = 1000 + city * 100 + county
            agencies.append(Node(pk, f"X{pk}", f"县{pk}", (1, 2 + city, pk)))
    started = time.perf_counter()
    made = picker(agencies, "X1505", value="code", shorten=True)
    assert time.perf_counter() - started < 0.25  # ~10 ms; a shared, busy machine
    assert made.shortened and made.options.count("<option") == 1 + 100 + 60
    assert len(suggestions(agencies, value="code")) == len(agencies) == 6101


def test_the_public_suggestions_name_every_agency_with_its_parent(client, treasury):
    answer = client.get("/agency-choices/")
    assert set(answer["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    choices = dict(answer.json()["choices"])
    assert choices[treasury.code] == "青山县财政局国库股（青山县财政局）"
    assert choices[treasury.parent.parent.code] == "青山县人民政府"


def test_staff_suggestions_are_the_users_own_agencies(client, finance, land, treasury):
    clerk = make_person("zhao", "赵六", finance, Role.CLERK)
    client.force_login(clerk)
    handled = dict(client.get("/work/agency-choices/", {"action": "handle"}).json()["choices"])
    assert handled == {str(finance.pk): "青山县财政局"}
    client.logout()
    assert client.get("/work/agency-choices/").status_code == 302  # to log in


def test_a_staff_form_lists_the_users_agencies_as_a_tree(client, finance, treasury, land):
    head = make_person("qian", "钱七", finance.parent, Role.SUPERVISOR)
    client.force_login(head)
    options = agency_options(client.get("/work/appeals/").content.decode())
    assert options == ["全部", "青山县人民政府", f"{INDENT}青山县财政局",
                       f"{INDENT * 2}青山县财政局国库股", f"{INDENT}青山县自然资源局"]  # fmt: skip
