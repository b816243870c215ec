import pytest
from django.core.exceptions import ValidationError


def test_an_agency_knows_its_subtree(county, finance, land, town, neighbour):
    assert set(county.subtree()) == {county, finance, land, town}
    assert set(finance.subtree()) == {finance}


def test_an_agency_knows_its_ancestors_and_depth(county, finance):
    assert list(finance.ancestors()) == [county]
    assert (county.depth, finance.depth) == (0, 1)


def test_moving_an_agency_moves_its_whole_subtree(county, finance, treasury, neighbour):
    finance.parent = neighbour
    finance.save()
    treasury.refresh_from_db()
    assert treasury.path == f"{neighbour.path}{finance.pk}/{treasury.pk}/"
    assert set(neighbour.subtree()) == {neighbour, finance, treasury}
    assert treasury not in county.subtree()


def test_an_agency_cannot_be_placed_under_its_own_unit(county, finance):
    county.parent = finance
    with pytest.raises(ValidationError) as caught:
        county.full_clean()
    assert "parent" in caught.value.message_dict
