"""Dates go into the browser's date picker as ISO dates in every language: in Chinese, Django
would write 2025/03/03, which an <input type="date"> shows as empty."""

from datetime import date

from django.utils import translation

from gongkai.web.appeals.forms import DATE as APPEAL_DATE
from gongkai.web.catalog.forms import DATE as CATALOG_DATE
from gongkai.web.core.widgets import DateInput


def test_a_date_is_written_as_an_iso_date_in_chinese_and_english():
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for widget in (DateInput(), APPEAL_DATE, CATALOG_DATE):
                html = widget.render("on", date(2025, 3, 3))
                assert 'type="date"' in html and 'value="2025-03-03"' in html, language
