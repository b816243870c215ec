"""The catalogue's background work: counting the common words ahead, nightly."""

from django.tasks import task

from gongkai.web.catalog.search import warm_counts
from gongkai.web.jobs.schedule import register


@task
def warm_search() -> int:
    """What `gongkai catalog warm-search` does: count the most common words ahead of their
    first search and keep the counts; returns how many. Idempotent: a second run counts
    the same words again and keeps the same counts."""
    return warm_counts()


register("catalog.warm-search", warm_search, daily_at="02:30")
