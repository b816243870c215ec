import copy

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group, Permission
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency, Membership, User
from gongkai.web.agencies.roles import Action, Role


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


def accounts_managed_by(user):
    """The accounts an agency administrator may edit and give roles to: those with at least
    one role, every one at an agency they manage. An account with no role belongs to no
    agency yet (new, or its roles removed), so only a superuser may take it on."""
    accounts = User.objects.all()
    if user.is_superuser:
        return accounts
    managed = permissions.agencies_for(user, Action.MANAGE)
    return (
        accounts.filter(is_superuser=False, memberships__agency__in=managed)
        .exclude(memberships__in=Membership.objects.exclude(agency__in=managed))
        .distinct()
    )


class ManagedAccountsOnly:
    """A role can be given only to an account the administrator manages (see above)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is User:
            kwargs["queryset"] = accounts_managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MembershipInline(ManagedAccountsOnly, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Agency and not request.user.is_superuser:
            kwargs["queryset"] = permissions.agencies_for(request.user, Action.MANAGE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdmin):
    agency_via = ""
    list_display = ["indented_name", "short_name", "code", "level"]
    list_filter = ["level"]
    search_fields = ["name", "short_name", "code"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "letter_code", "code", "level", "parent"]}),
        (
            _("Contact details (used by the disclosure guide and letters)"),
            {
                "fields": [
                    "ogi_office",
                    "ogi_office_phone",
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
class MembershipAdmin(ManagedAccountsOnly, AgencyScopedAdmin):
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__full_name", "agency__name"]
    autocomplete_fields = ["user"]


class StaffCreationForm(AdminUserCreationForm):
    """A new account and its first role, in one step: an agency administrator's new account
    belongs to one of their agencies from the start (a superuser may leave the role out)."""

    agency = forms.ModelChoiceField(Agency.objects.all(), label=_("agency"), required=False)
    role = forms.ChoiceField(choices=[("", "---------"), *Role.choices], label=_("role"),
                             required=False)  # fmt: skip

    def clean(self):
        data = super().clean()
        if bool(data.get("agency")) != bool(data.get("role")):
            raise forms.ValidationError(_("Give both the agency and the role, or neither."))
        return data


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Staff accounts. Who may do what (defect 5 of issue 14):

    - a superuser creates any account, grants any role, and alone grants superuser status and
      edits accounts that have no role;
    - an agency administrator (管理员) creates an account only together with its first role at
      an agency they manage, and sees, edits and sets the password of an account only while
      every role it holds is at agencies they manage (accounts_managed_by);
    - nobody but a superuser deletes an account; roles are removed instead.
    """

    add_form = StaffCreationForm
    list_display = ["username", "full_name", "email", "is_active", "last_login"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "email", "phone"]}),
        (_("Status"), {"fields": ["is_active", "is_staff", "is_superuser", "last_login"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "full_name", "password1", "password2"]}),
        (_("First role"), {"fields": ["agency", "role"]}),
    ]
    filter_horizontal = []
    list_filter = ["is_active", "is_superuser"]

    def get_queryset(self, request):
        return accounts_managed_by(request.user).order_by("username")

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return ["last_login"]
        return ["is_staff", "is_superuser", "last_login"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None and not request.user.is_superuser:
            # Copies: the fields are shared with StaffCreationForm, and so with superusers.
            agency, role = (copy.deepcopy(form.base_fields[name]) for name in ["agency", "role"])
            agency.queryset = permissions.agencies_for(request.user, Action.MANAGE)
            agency.required = role.required = True
            form.base_fields.update(agency=agency, role=role)
        return form

    def has_module_permission(self, request):
        return self.has_add_permission(request)

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
        return (
            self.has_add_permission(request)
            and accounts_managed_by(request.user).filter(pk=obj.pk).exists()
        )

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if not change:
            obj.is_staff = True  # every account here is a staff account
        super().save_model(request, obj, form, change)
        if not change and form.cleaned_data.get("agency"):
            Membership.objects.create(
                user=obj, agency=form.cleaned_data["agency"], role=form.cleaned_data["role"]
            )


# Django stores its permissions' names in English ("Can add group"): the groups' form names
# each by its model and action in the reader's language instead. (The platform's own roles
# are memberships of agencies; groups are there for the superuser alone.)
PERMISSION_ACTIONS = {
    "add": _("add"),
    "change": _("change"),
    "delete": _("delete"),
    "view": _("view"),
}


class PermissionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, permission: Permission) -> str:
        model = permission.content_type.model_class()
        name = model._meta.verbose_name if model else permission.content_type.model
        action, _sep, _rest = permission.codename.partition("_")
        return f"{name}｜{PERMISSION_ACTIONS.get(action, permission.name)}"


class GroupAdmin(DjangoGroupAdmin):
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "permissions":
            kwargs["form_class"] = PermissionChoiceField
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)
