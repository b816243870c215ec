"""What the charts read, kept on each imported report (derived.py): the rules it fails by kind
and its common indicators — in place of the RuleFailure rows of 0004, which made the heat map
a join. Reports imported before are filled in from their figures and their stored findings."""

from django.db import migrations, models

import gongkai.web.core.exact_json


def fill_in(apps, schema_editor):
    from gongkai.web.intelligence.derived import derive, document_findings

    reports = apps.get_model("intelligence", "PublishedReport")
    figures = apps.get_model("intelligence", "Figure")
    for report in reports.objects.only("pk", "generation", "document").iterator(chunk_size=200):
        rows = figures.objects.filter(report_id=report.pk).only("key", "value")
        derive(report, document_findings(report.document), rows)
        report.save(update_fields=["failures", "measures"])


class Migration(migrations.Migration):
    dependencies = [("intelligence", "0005_open_data_exports")]

    operations = [
        # first, so that `failures` names the new field, not the rows' reverse relation
        migrations.DeleteModel(name="RuleFailure"),
        migrations.AddField(
            model_name="publishedreport",
            name="failures",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="publishedreport",
            name="measures",
            field=models.JSONField(
                blank=True,
                decoder=gongkai.web.core.exact_json.ExactDecoder,
                default=dict,
                encoder=gongkai.web.core.exact_json.ExactEncoder,
            ),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
