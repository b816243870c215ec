"""How many public entries there are per agency, year, 主题分类, 第二十条 item and 有效性.

The 目录 shows a total and a list of years on every page; at a million entries counting them
from `catalog_entry` costs seconds. These few rows answer both. Database triggers (migration
0005) keep them right whatever changed an entry — the workflow, an import, the admin, a bulk
insert — so the numbers never lag behind the list. Read them through catalog/tally.py.
"""

from django.db import models

from gongkai.web.agencies.models import Agency


class EntryTally(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()  # of 发布日期; 0 if an entry has none
    # The SubjectCategory id, 0 for none: not a foreign key, whose NULL would never match the
    # unique constraint that the triggers' upsert relies on.
    subject = models.PositiveIntegerField()
    item = models.PositiveSmallIntegerField()  # 第二十条 item, 0 for none
    validity = models.CharField(max_length=10)
    entries = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "subject", "item", "validity"], name="one_tally"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year} {self.subject} {self.item} {self.validity}"
