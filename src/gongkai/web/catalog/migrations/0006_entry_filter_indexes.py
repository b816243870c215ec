"""The 目录 filtered by one subject, 第二十条 item or validity, newest first, read in order off
an index of its own (catalog/listing.py: without one, a rare value meant walking the whole
date index). A rare agency has had such an index since 0001."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_entry_tally")]

    operations = [
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(fields=[field, "state", "published_on"], name=f"catalog_entry_{name}"),
        )
        for field, name in [("subject", "subject"), ("article20_item", "item"),
                            ("validity", "validity")]
    ]  # fmt: skip
