"""The demo's published reports: three real reports of agencies outside the demo county
(copies of seeds of ../shared/corpus), imported as the county's 政务公开办 would import
them; one of them has a figure whose prose and table disagree, waiting in the review queue.
Then 濉溪县's departments over several years and as peers (demo_series.py), for the
comparison pages. Idempotent: the files are recognised by their hash the second time."""

from importlib.resources import files

from gongkai.web.agencies.models import User
from gongkai.web.intelligence.demo_series import series_files
from gongkai.web.intelligence.matching import AgencyIndex
from gongkai.web.intelligence.reading import read_file
from gongkai.web.intelligence.storing import store_read

SUPERVISOR = "lina"


def load_demo_published_reports() -> int:
    """Import the demo reports; returns how many the platform holds of them."""
    folder = files("gongkai.web.intelligence").joinpath("demo_reports")
    actor = User.objects.filter(username=SUPERVISOR).first()
    index, held = AgencyIndex(), 0
    real = sorted((s for s in folder.iterdir() if s.name.endswith(".txt")), key=lambda s: s.name)
    for name, data in [(source.name, source.read_bytes()) for source in real] + series_files():
        read = read_file(name, data)
        if read.report is not None:
            store_read(read, index, actor)
            held += 1
    return held
