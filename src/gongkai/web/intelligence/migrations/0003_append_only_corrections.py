"""Corrections of imported figures refuse UPDATE and DELETE in the database itself: who
changed which figure, when, from what to what, stays — like every other history here."""

from django.db import migrations

from gongkai.web.core.append_only import AppendOnly

CORRECTIONS = AppendOnly("intelligence_correction")
SQLITE = CORRECTIONS.sqlite  # read by tests/conftest.py


class Migration(migrations.Migration):
    dependencies = [("intelligence", "0002_review_and_place")]
    operations = [CORRECTIONS.operation()]
