import pytest

from gongkai.statute.fees import FeeMethod, processing_fee


@pytest.mark.parametrize(
    ("quantity", "amount"),
    [(0, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (35, 3000), (40, 4000), (41, 4300)],
)
def test_per_item_fees_are_progressive_per_band_of_ten(quantity, amount):
    # ≤10 free; 11–30 at 100; 31–40 at 200; 41–50 at 300 … (第四条, literal reading).
    # The spec's worked example says 35 件 → 2,500元, but its own terms 10×0 + 20×100 + 5×200
    # add up to 3,000元.
    assert processing_fee(FeeMethod.PER_ITEM, quantity).amount == amount


@pytest.mark.parametrize(
    ("pages", "amount"), [(30, 0), (31, 10), (100, 700), (150, 1700), (201, 2740), (250, 4700)]
)
def test_per_page_fees_are_progressive_on_the_excess(pages, amount):
    assert processing_fee(FeeMethod.PER_PAGE, pages).amount == amount


def test_the_breakdown_shows_every_band_used():
    lines = processing_fee(FeeMethod.PER_PAGE, 150).explain()
    assert lines[1] == "第1页至30页：30页，免费，计0元"
    assert lines[3] == "第101页至200页：50页，20元/页，计1000元"
    assert lines[-1] == "合计：1700元"


def test_a_negative_quantity_is_refused():
    with pytest.raises(ValueError):
        processing_fee(FeeMethod.PER_ITEM, -1)
