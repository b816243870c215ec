"""The whole demo county, as `gongkai demo` loads it (src/gongkai/cli.py: demo)."""


def load_full_demo() -> None:
    from gongkai.web.annualreports.demo import load_demo_reports

    load_demo_without_reports()
    load_demo_reports()


def load_demo_without_reports() -> None:
    """The demo but its compiled and published annual reports (which take most of the time
    of loading it: a minute on a busy machine)."""
    from gongkai.web.agencies.demo import load_demo
    from gongkai.web.appeals.demo import load_demo_appeals
    from gongkai.web.applications.demo import load_demo_applications
    from gongkai.web.catalog.demo import load_demo_catalog
    from gongkai.web.catalog.demo_registry import load_demo_registry
    from gongkai.web.interpretations.demo import load_demo_interpretations
    from gongkai.web.kiosk.demo import load_demo_reading_points
    from gongkai.web.mailbox.demo import load_demo_questions

    load_demo()
    load_demo_applications()
    load_demo_catalog()
    load_demo_registry()
    load_demo_appeals()
    load_demo_reading_points()
    load_demo_interpretations()
    load_demo_questions()
