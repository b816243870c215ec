"""The rules each imported report fails (failures.py), for the heat map of rule failures;
reports imported before this migration get theirs from the findings stored with them."""

import django.db.models.deletion
from django.db import migrations, models


def fill_in(apps, schema_editor):
    from gongkai.web.intelligence.failures import document_findings, failures_of

    reports = apps.get_model("intelligence", "PublishedReport")
    failures = apps.get_model("intelligence", "RuleFailure")
    for report in reports.objects.only("pk", "document").iterator(chunk_size=200):
        found = failures_of(document_findings(report.document))
        failures.objects.bulk_create(
            [failures(report_id=report.pk, rule=rule, kind=kind) for rule, kind in found]
        )


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
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
