from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency, Membership, User
from gongkai.web.agencies.roles import Action

admin.site.site_header = _("Gongkai administration")
admin.site.site_title = _("Gongkai")
admin.site.index_title = _("Administration")


class AgencyScopedAdmin(admin.ModelAdmin):
    """Admin for objects that belong to an agency: staff see and edit only their agencies'.

    `agency_via` is the lookup from the object to its agency ("" for Agency itself). Later
    apps register their models with a subclass of this. Objects outside the user's agencies
    answer 404, as if they did not exist.
    """

    agency_via = "agency"

    def agency_of(self, obj) -> Agency:
        for part in filter(None, self.agency_via.split("__")):
            obj = getattr(obj, part)
        return obj

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return permissions.scope(queryset, request.user, Action.VIEW, via=self.agency_via)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def allowed(self, request, action: Action, obj=None) -> bool:
        if obj is None:
            return permissions.agencies_for(request.user, action).exists()
        return permissions.can(request.user, action, self.agency_of(obj))

    def has_module_permission(self, request):
        return self.allowed(request, Action.VIEW)

    def has_view_permission(self, request, obj=None):
        return self.allowed(request, Action.VIEW, obj)

    def has_change_permission(self, request, obj=None):
        return self.allowed(request, Action.MANAGE, obj)

    def has_add_permission(self, request):
        return self.allowed(request, Action.MANAGE)

    def has_delete_permission(self, request, obj=None):
        return self.allowed(request, Action.MANAGE, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Agency and not request.user.is_superuser:
            kwargs["queryset"] = permissions.agencies_for(request.user, Action.MANAGE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReadOnlyScopedAdmin(AgencyScopedAdmin):
    """For records that change only through their workflow, so that every change is in a
    history: the admin shows them and their agency's scope, and changes nothing."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdmin):
    agency_via = ""
    list_display = ["indented_name", "short_name", "code", "level"]
    list_filter = ["level"]
    search_fields = ["name", "short_name", "code"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "code", "level", "parent"]}),
        (
            _("Contact details (used by the disclosure guide and letters)"),
            {
                "fields": [
                    "office_address",
                    "postal_code",
                    "office_hours",
                    "phone",
                    "fax",
                    "email",
                    "website",
                ]
            },
        ),
    ]

    @admin.display(description=_("name"), ordering="path")
    def indented_name(self, agency: Agency) -> str:
        return "\u3000" * agency.depth + agency.name

    def get_readonly_fields(self, request, obj=None):
        # The tree and the codes belong to the platform's superusers; an agency's own
        # administrator keeps its contact details up to date.
        if request.user.is_superuser:
            return []
        return ["name", "code", "level", "parent"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(AgencyScopedAdmin):
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__full_name", "agency__name"]
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Staff accounts. An agency administrator may create accounts and edit those whose every
    role lies in agencies they manage; only superusers grant superuser or staff status."""

    list_display = ["username", "full_name", "email", "is_active", "last_login"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "email", "phone"]}),
        (_("Status"), {"fields": ["is_active", "is_staff", "is_superuser", "last_login"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "full_name", "password1", "password2"]}),
    ]
    filter_horizontal = []
    list_filter = ["is_active", "is_superuser"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # Accounts with no role yet are visible too, so that an agency administrator who has
        # just created one can go on to give it a role.
        managed = permissions.agencies_for(request.user, Action.MANAGE)
        in_scope = Q(memberships__agency__in=managed) | Q(memberships__isnull=True)
        return queryset.filter(in_scope, is_superuser=False).distinct()

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ["last_login"]
        return ["is_staff", "is_superuser", "last_login"]

    def manages_all_roles_of(self, request, user: User) -> bool:
        managed = permissions.agencies_for(request.user, Action.MANAGE)
        return not user.is_superuser and not user.memberships.exclude(agency__in=managed).exists()

    def has_module_permission(self, request):
        return request.user.is_superuser or self.has_add_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_add_permission(self, request):
        if request.user.is_superuser:
            return True
        return permissions.agencies_for(request.user, Action.MANAGE).exists()

    def has_change_permission(self, request, obj=None):
        if request.user.is_superuser:
            return True
        if obj is None:
            return self.has_add_permission(request)
        return self.has_add_permission(request) and self.manages_all_roles_of(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if not change:
            obj.is_staff = True  # every account here is a staff account
        super().save_model(request, obj, form, change)
