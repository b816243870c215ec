"""Admin of the 规章 / 行政规范性文件 registry and of the yearly section-二 figures.

The document list shows each document's status and the counts on a chosen day (`?as_of=`,
default today). A 废止 / 失效 recorded here changes the linked catalogue entry's 有效性
(validity.py). Yearly figures are changed only through registry.record_figure(), so that
every value is kept in the figure's history with who entered it.
"""

from datetime import date

from django import forms
from django.contrib import admin
from django.utils.dateparse import parse_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies import permissions
from gongkai.web.agencies.admin import AgencyScopedAdmin
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.models.registry import (
    DocumentKind,
    NormativeDocument,
    NormativeEvent,
    YearlyFigure,
    YearlyFigureRevision,
    figure_choices,
)
from gongkai.web.catalog.registry import counts_by_kind, record_figure, status_on
from gongkai.web.catalog.validity import acting_as
from gongkai.web.core import params


def as_of_date(request) -> date:
    return parse_date(request.GET.get(AsOfFilter.parameter_name) or "") or date.today()


class AsOfFilter(admin.SimpleListFilter):
    """Not a filter: the day on which statuses and counts are shown."""

    title = _("status on")
    parameter_name = "as_of"

    def lookups(self, request, model_admin):
        this_year = date.today().year
        year_ends = [date(year, 12, 31) for year in range(this_year - 1, this_year - 6, -1)]
        return [(day.isoformat(), day.isoformat()) for day in year_ends]

    def queryset(self, request, queryset):
        return queryset


class ScopedAgencyFilter(admin.SimpleListFilter):
    """Lists only the agencies the user may see, unlike a plain foreign-key filter."""

    title = _("agency")
    parameter_name = "agency"

    def lookups(self, request, model_admin):
        # As text: the admin's counts (?_facets) run queryset() with these very values.
        agencies = permissions.agencies_for(request.user, Action.VIEW)
        return [(str(a.pk), a.name) for a in agencies]

    def queryset(self, request, queryset):
        agency = params.number(self.value(), 1)
        return queryset.filter(agency_id=agency) if agency else queryset


class NormativeEventInline(admin.TabularInline):
    """A document's events, for whoever may change the document (Django's model permissions
    would leave them to superusers)."""

    model = NormativeEvent
    extra = 0
    fields = ["kind", "on", "doc_no", "note"]

    def allowed(self, request, action: Action, document=None) -> bool:
        if document is None:
            return permissions.agencies_for(request.user, action).exists()
        return permissions.can(request.user, action, document.agency)

    def has_view_permission(self, request, obj=None):
        return self.allowed(request, Action.VIEW, obj)

    def has_add_permission(self, request, obj=None):
        return self.allowed(request, Action.MANAGE, obj)

    def has_change_permission(self, request, obj=None):
        return self.allowed(request, Action.MANAGE, obj)

    def has_delete_permission(self, request, obj=None):
        return self.allowed(request, Action.MANAGE, obj)


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(AgencyScopedAdmin):
    list_display = ["title", "doc_no", "kind", "agency", "issued_on", "published_on"]
    list_filter = [AsOfFilter, "kind", ScopedAgencyFilter]
    search_fields = ["title", "doc_no"]
    date_hierarchy = "issued_on"
    raw_id_fields = ["entry"]
    inlines = [NormativeEventInline]
    fields = ["agency", "kind", "title", "doc_no", "issued_on", "published_on", "effective_on",
              "entry"]  # fmt: skip

    def get_list_display(self, request):
        as_of = as_of_date(request)

        @admin.display(description=gettext("Status on %(date)s") % {"date": as_of})
        def status(document: NormativeDocument) -> str:
            return status_on(document, as_of).label

        return [*self.list_display, status]

    def changelist_view(self, request, extra_context=None):
        as_of = as_of_date(request)
        documents = self.get_queryset(request)
        if agency := params.number(request.GET.get(ScopedAgencyFilter.parameter_name), 1):
            documents = documents.filter(agency_id=agency)
        extra_context = {**(extra_context or {}), "subtitle": counts_text(documents, as_of)}
        with acting_as(request.user):  # the bulk delete action
            return super().changelist_view(request, extra_context)

    # A linked catalogue entry's 有效性 follows the document (validity.py): its history
    # records who changed the registry.
    def changeform_view(self, request, *args, **kwargs):
        with acting_as(request.user):
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with acting_as(request.user):
            return super().delete_view(request, *args, **kwargs)


def counts_text(documents, as_of: date) -> str:
    counts = counts_by_kind(documents, as_of)
    parts = [
        gettext(
            "%(kind)s: %(issued)s issued, %(repealed)s repealed, %(lapsed)s lapsed, "
            "%(in_force)s in force"
        )
        % {
            "kind": kind.label,
            "issued": counts[kind].issued,
            "repealed": counts[kind].repealed,
            "lapsed": counts[kind].lapsed,
            "in_force": counts[kind].in_force,
        }
        for kind in DocumentKind
    ]
    return gettext("On %(date)s: %(counts)s") % {"date": as_of, "counts": "; ".join(parts)}


class YearlyFigureForm(forms.ModelForm):
    class Meta:
        model = YearlyFigure
        fields = ["agency", "year", "key", "value", "provenance"]


class RevisionInline(admin.TabularInline):
    model = YearlyFigureRevision
    extra = 0
    can_delete = False
    fields = readonly_fields = ["entered_at", "value", "source", "provenance", "entered_by"]
    verbose_name_plural = _("history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(YearlyFigure)
class YearlyFigureAdmin(AgencyScopedAdmin):
    form = YearlyFigureForm
    # A figure is shown by its label in the report format, never by its key (s2.fees.amount).
    list_display = ["agency", "year", "label", "value_entered", "source", "entered_by",
                    "entered_at"]  # fmt: skip
    list_filter = ["year", "source", ScopedAgencyFilter]
    search_fields = ["key", "agency__name"]
    inlines = [RevisionInline]

    @admin.display(description=_("figure"), ordering="key")
    def label(self, figure: YearlyFigure) -> str:
        return figure.label

    @admin.display(description=_("value"), ordering="value")
    def value_entered(self, figure: YearlyFigure):
        return figure.typed_value

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "key":
            return forms.ChoiceField(label=_("figure"), choices=figure_choices)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["agency", "year", "key", "value", "provenance"]
        return ["agency", "year", "label", "value", "provenance", "source", "entered_by",
                "entered_at"]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        readonly = ["source", "entered_by", "entered_at"]
        return readonly if obj is None else ["agency", "year", "label", *readonly]

    def has_delete_permission(self, request, obj=None):
        return False  # a figure's history is kept; correct the value instead

    def save_model(self, request, obj, form, change):
        record_figure(obj.agency, obj.year, obj.key, obj.value, request.user,
                      provenance=obj.provenance)  # fmt: skip
        saved = YearlyFigure.objects.get(agency=obj.agency, year=obj.year, key=obj.key)
        obj.pk, obj.entered_at = saved.pk, saved.entered_at
