"""The rules each imported report fails, for the heat map of rule failures (replaced by the
counts kept on each report in 0006, which fills them in)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("intelligence", "0003_append_only_corrections")]

    operations = [
        migrations.CreateModel(
            name="RuleFailure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("rule", models.CharField(max_length=20)),
                ("kind", models.CharField(max_length=12)),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="failures",
                        to="intelligence.publishedreport",
                    ),
                ),
            ],
            options={"ordering": ["report", "id"]},
        ),
    ]
