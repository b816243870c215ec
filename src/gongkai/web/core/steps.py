"""Taking a workflow step from a staff page: the same feedback on every page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def form_errors(form) -> str:
    return "; ".join(error for errors in form.errors.values() for error in errors)


def take_step(request, form, perform, refused: type[Exception]) -> bool:
    """Validate `form`, call perform(cleaned_data) and report the outcome as a message.

    `refused` is the workflow's own error (a step the rules do not allow now)."""
    if not form.is_valid():
        messages.error(request, _("Please correct the form: %(errors)s") % {
            "errors": form_errors(form)})  # fmt: skip
        return False
    try:
        perform(form.cleaned_data)
    except refused as error:
        messages.error(request, str(error))
    except PermissionDenied:
        messages.error(request, _("Your role does not allow this step."))
    else:
        messages.success(request, _("Done."))
        return True
    return False
