"""Strings that Django and the third-party apps show in our pages and admin, but that their
简体中文 catalogues lack (Django 6.1; django-axes and django-tasks-db have none) or translate
awkwardly. Listed here, they are extracted into our catalogue (`make messages`,
scripts/translate.py), which takes precedence over every other (settings.LOCALE_PATHS).
tests/web/test_catalogue_gaps.py checks every string of Django's own catalogues and of these
apps against the result, so a Django upgrade that adds strings fails until they are here.
"""

from django.utils.translation import gettext, ngettext, ngettext_lazy, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

# Django's Python strings: gettext finds them in our catalogue when Django's code asks.
DJANGO = (
    _("- Select an option -"),  # the empty choice of a <select>
    _(":"),  # the suffix of form labels: full-width in Chinese
    _(":?.!"),  # labels ending in these take no suffix: the full-width ones too
    _("…"),
    _("IPv4"),
    _("IPv6"),
    _("URL"),
    _("“%(value)s” is not a valid binary value."),
    _("No %s matches the given query."),
    _("%s KB"),
    _("%s MB"),
    _("%s GB"),
    _("%s TB"),
    _("%s PB"),
    _("p.m."),
    _("a.m."),
    _("PM"),
    _("AM"),
    _('The app "%s" could not be found.'),
    _("%(class_name)s %(instance)s"),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
    _("Filter by %(field_name)s"),
    _("Logout"),
    _(" By %(filter_title)s "),  # Django's "以 年份" reads better as "按年份"
)

# django-axes (login lockouts) and django-tasks-db (queued tasks): the admin's superusers see
# their records.
THIRD_PARTY = (
    _("Form Data"),
    _("Meta Data"),
    _("Account locked: too many login attempts. Please try again later."),
    _("User Agent"),
    _("IP Address"),
    _("Username"),
    _("HTTP Accept"),
    _("Path"),
    _("Attempt Time"),
    _("Access lock out"),
    _("access failure"),
    _("access failures"),
    _("GET Data"),
    _("POST Data"),
    _("Failed Logins"),
    _("access attempt"),
    _("access attempts"),
    _("Access Attempt"),
    _("Expires At"),
    _("The time when access attempt expires and is no longer valid."),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("Session key hash (sha256)"),
    _("Clean up expired attempts"),
    _("Logout Time"),
    _("access log"),
    _("access logs"),
    _("Not set"),
    _("Attempt Remaining"),
    _("Locked Out"),
    _("status"),
    _("enqueued at"),
    _("started at"),
    _("finished at"),
    _("args kwargs"),
    _("priority"),
    _("task path"),
    _("worker id"),
    _("queue name"),
    _("backend name"),
    _("run after"),
    _("return value"),
    _("exception class path"),
    _("traceback"),
    _("Task Result"),
    _("Task Results"),
)

# The admin's scripts (calendar, clock, selection counter): catalogue key -> the string marked
# for extraction. A key is the msgid, with its context before "\x04" where it has one.
JAVASCRIPT = {
    "You have selected an action, and you haven’t made any changes on individual fields. "
    "You’re probably looking for the Run button rather than the Save button.": _(
        "You have selected an action, and you haven’t made any changes on individual fields. "
        "You’re probably looking for the Run button rather than the Save button."
    ),
    "server": _("server"),
    "Today (%(date)s)": _("Today (%(date)s)"),
    "Yesterday (%(date)s)": _("Yesterday (%(date)s)"),
    "Tomorrow (%(date)s)": _("Tomorrow (%(date)s)"),
    "Previous (%(month)s %(year)s)": _("Previous (%(month)s %(year)s)"),
    "Next (%(month)s %(year)s)": _("Next (%(month)s %(year)s)"),
    "one letter Sunday\x04S": pgettext_lazy("one letter Sunday", "S"),
    "one letter Monday\x04M": pgettext_lazy("one letter Monday", "M"),
    "one letter Tuesday\x04T": pgettext_lazy("one letter Tuesday", "T"),
    "one letter Wednesday\x04W": pgettext_lazy("one letter Wednesday", "W"),
    "one letter Thursday\x04T": pgettext_lazy("one letter Thursday", "T"),
    "one letter Friday\x04F": pgettext_lazy("one letter Friday", "F"),
    "one letter Saturday\x04S": pgettext_lazy("one letter Saturday", "S"),
    "%(month)s %(day)s, %(year)s": _("%(month)s %(day)s, %(year)s"),
    "%s (today, current selection)": _("%s (today, current selection)"),
    "%s (today)": _("%s (today)"),
    "%s (current selection)": _("%s (current selection)"),
}
# Plural strings of the admin's scripts: singular -> (plural, the pair marked for extraction).
JAVASCRIPT_PLURALS = {
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)": (
        "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)",
        ngettext_lazy(
            "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)",
            "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)",
            "offset",
        ),
    ),
    "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)": (
        "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)",
        ngettext_lazy(
            "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)",
            "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)",
            "offset",
        ),
    ),
}
# A number that selects each plural form, for the languages served (one form in Chinese,
# two in English).
PLURAL_NUMBERS = (1, 2)


def javascript_translations(num_plurals: int) -> dict[str, str | list[str]]:
    """The JavaScript catalogue's entries for JAVASCRIPT, in the active language."""
    entries: dict[str, str | list[str]] = {}
    for key in JAVASCRIPT:
        context, _separator, message = key.rpartition("\x04")
        entries[key] = pgettext(context, message) if context else gettext(message)
    for singular, (plural, _marked) in JAVASCRIPT_PLURALS.items():
        entries[singular] = [ngettext(singular, plural, n) for n in PLURAL_NUMBERS[:num_plurals]]
    return entries
