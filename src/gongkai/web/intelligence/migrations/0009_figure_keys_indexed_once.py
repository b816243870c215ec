"""The figures' foreign keys lose their own indexes: the unique (report, key) and the indexes
on (agency, year, key) and (external, year, key) begin with the same columns. Dropped by name
(the same on SQLite and PostgreSQL) rather than by altering the fields, which on SQLite would
copy the whole table three times."""

import django.db.models.deletion
from django.db import migrations, models

INDEXES = {  # Django's names for them: the table, the column and a hash of both
    "intelligence_figure_agency_id_915bd8cc": "agency_id",
    "intelligence_figure_external_id_062d4e86": "external_id",
    "intelligence_figure_report_id_27ebc33e": "report_id",
}


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0002_letters_and_ogi_office"),
        ("intelligence", "0008_latest_report_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    reverse_sql=f'CREATE INDEX "{name}" ON "intelligence_figure" ("{column}")',
                )
                for name, column in INDEXES.items()
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="figure",
                    name="agency",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="agencies.agency",
                    ),
                ),
                migrations.AlterField(
                    model_name="figure",
                    name="external",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="intelligence.externalagency",
                    ),
                ),
                migrations.AlterField(
                    model_name="figure",
                    name="report",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="figures",
                        to="intelligence.publishedreport",
                    ),
                ),
            ],
        )
    ]
