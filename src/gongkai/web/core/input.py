"""Control characters and lone surrogates are cleaned out of every input where it arrives.

Three doors, one rule (gongkai.plaintext): form and query values (`InputCleaningMiddleware`),
JSON bodies of the API (`CleanJSONParser`), and every row our models save (`clean_fields`,
a pre_save receiver — it also covers the admin, imports and the command line). A one-line
field keeps no line break (Word's soft break \\x0b becomes a space); a text area keeps its
line breaks and tabs (\\x0b becomes \\n). Nothing is refused for it: the text is what the
person meant, less characters no one can see.
"""

import json

from django.db import models
from django.http import QueryDict
from ninja.parser import Parser

from gongkai.plaintext import clean_line, clean_multiline, clean_tree

OUR_APPS = "gongkai.web."


def clean_querydict(data: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlist(clean_multiline(key), [clean_multiline(value) for value in values])
    cleaned._mutable = False
    return cleaned


class InputCleaningMiddleware:
    """Query strings and form posts: no NUL (PostgreSQL refuses it), no other control
    characters; line breaks are left for the field to judge (see clean_fields)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = clean_querydict(request.GET)
        if request.method == "POST" and request.content_type in FORM_TYPES:
            request.POST = clean_querydict(request.POST)
        return self.get_response(request)


FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class CleanJSONParser(Parser):
    """The API's bodies: "\\ud800" is valid JSON but no text a database can store."""

    def parse_body(self, request):
        return clean_tree(json.loads(request.body))


def clean_fields(sender, instance, **kwargs) -> None:
    """pre_save: every text field of our models, cleaned as one line or as a text area."""
    if not sender.__module__.startswith(OUR_APPS):
        return
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if not isinstance(value, str) or not value:
            continue
        if isinstance(field, models.TextField):
            setattr(instance, field.attname, clean_multiline(value))
        elif isinstance(field, models.CharField):
            setattr(instance, field.attname, clean_line(value))
