"""An index that holds all the audit reads of each published version (pk, number, first
publication, source hash: intelligence/audit_memo.version_heads), so that the audit of 600
agencies does not read the versions' rows — on SQLite, behind their document and HTML."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("annualreports", "0002_append_only_history")]

    operations = [
        migrations.AddIndex(
            model_name="reportversion",
            index=models.Index(
                fields=["report", "number", "published_on", "source_sha256"],
                name="report_version_heads",
            ),
        ),
    ]
