"""Staff logins that cannot be guessed at speed, nor used to slow the platform down.

django-axes counts failed logins in the database, per account and per client address
(settings AXES_*): after GONGKAI_LOGIN_FAILURE_LIMIT failures either is locked for
GONGKAI_LOGIN_LOCKOUT_MINUTES, even for the right password, and the page says how long to
wait. Checking a password costs about half a second of both cores (Argon2), so at most
GONGKAI_LOGIN_SLOTS checks run at once across all server processes (slots in the shared
cache); an attempt that finds none free is turned away at once instead of queueing behind
the others, and pages keep answering while a script hammers the login form.
Every failure is logged (account, address, path — never the password).
"""

import logging
import math
from contextlib import contextmanager

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.db.models import Max, Q
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.web.core.client_address import UNKNOWN_ADDRESS, client_address

log = logging.getLogger("gongkai.security")
SLOT_KEY = "gongkai:login-slot:{}"
SLOT_SECONDS = 30  # a slot left by a killed process frees itself


@contextmanager
def password_check_slot():
    """Yield True holding one of the slots, or False when all are taken."""
    for number in range(settings.GONGKAI_LOGIN_SLOTS):
        key = SLOT_KEY.format(number)
        if cache.add(key, 1, timeout=SLOT_SECONDS):
            try:
                yield True
            finally:
                cache.delete(key)
            return
    yield False


def lockout_address(request) -> str | None:
    """The client address axes counts failures by (AXES_CLIENT_IP_CALLABLE): None when the
    request has none (a test client's login), which an inet column cannot hold as text."""
    address = client_address(request)
    return None if address == UNKNOWN_ADDRESS else address


class ThrottledLoginBackend(AxesStandaloneBackend, ModelBackend):
    """The only authentication backend: lockouts first, then the password in a slot.

    Authentication without a request (the command line, the test client's login()) is not
    throttled: there is no one at an address to lock out.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return ModelBackend.authenticate(self, request, username, password, **kwargs)
        AxesStandaloneBackend.authenticate(self, request, username, password, **kwargs)
        with password_check_slot() as free:
            if not free:
                # Refused unchecked: not a failure of the account, so axes must not count it.
                request.gongkai_login_busy = request.axes_locked_out = True
                raise AxesBackendPermissionDenied("no free slot to check a password")
            return ModelBackend.authenticate(self, request, username, password, **kwargs)


def minutes_to_wait(request, username: str | None) -> int:
    """Until the failures that locked this account or address expire, rounded up."""
    cool_off = get_cool_off(request)
    matching = Q(ip_address=getattr(request, "axes_ip_address", None))
    if username:
        matching |= Q(username=username)
    latest = AccessAttempt.objects.filter(matching).aggregate(latest=Max("attempt_time"))
    if cool_off is None or latest["latest"] is None:
        return 1
    remaining = latest["latest"] + cool_off - timezone.now()
    return max(1, math.ceil(remaining.total_seconds() / 60))


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, saying why the attempt was refused and how long to wait."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    if getattr(request, "gongkai_login_busy", False):
        message = _("The login service is busy. Please try again in a few seconds.")
    else:
        minutes = minutes_to_wait(request, username)
        message = _(
            "Too many failed logins for this account or from this network address. "
            "Please try again in %(minutes)s minutes."
        ) % {"minutes": minutes}
    form = AuthenticationForm(request, initial={"username": username})
    context = {"form": form, "refusal": message, "next": request.POST.get("next", "")}
    return render(request, "registration/login.html", context, status=429)


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    if request is None or getattr(request, "gongkai_login_busy", False):
        return
    username, address = credentials.get("username", ""), client_address(request)
    log.warning(
        "login failed: account %r from %s at %s", username, address, request.path,
        extra={"event": "login_failed", "username": username, "client_address": address},
    )  # fmt: skip


@receiver(user_locked_out)
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    if request is not None and getattr(request, "gongkai_login_busy", False):
        return
    log.warning(
        "login locked: account %r or address %s failed too often", username, ip_address,
        extra={"event": "login_locked", "username": username, "client_address": ip_address},
    )  # fmt: skip
