"""The privacy app's periodic job: the daily purge of personal data past its retention."""

from django.tasks import task

from gongkai.web.jobs.schedule import register
from gongkai.web.privacy.purge import purge


@task
def purge_personal_data() -> dict[str, int]:
    """Mask or delete what may no longer be kept (retention.py); returns how many records
    each rule changed. Idempotent: a second run the same day changes nothing."""
    return purge()


register("privacy.purge-personal-data", purge_personal_data, daily_at="04:00")
