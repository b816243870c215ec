"""Send an e-mail once per idempotency key and recipient, and keep a record of it.

    from gongkai.web.jobs.notify import notify

    notify([user, "office@example.gov.cn"], subject, body, key="annualreports.due:2026:7",
           about=report)

Users are written to at their e-mail address (inactive users and users without one are
skipped). Each recipient gets a message of their own, so no one sees the others' addresses.
A recipient already written to under `key` is skipped: a task that runs again after a
restart does not send twice. Call it outside a transaction: the record of a message is
committed before it is sent.
"""

import logging
from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from gongkai.web.jobs.models import Notification

logger = logging.getLogger(__name__)


def notify(
    recipients: Iterable, subject: str, body: str, key: str, *, about: models.Model | str = ""
) -> int:
    """Send `subject` and `body` to each recipient not yet written to under `key`; returns
    how many messages were sent."""
    sent = 0
    for address in addresses_of(recipients):
        notification = claim(key, address, subject, body, object_key(about))
        if notification is None:
            continue
        try:
            send_mail(subject, body, None, [address])
        except Exception:
            # Not sent: forget the claim so that the next run tries again.
            notification.delete()
            raise
        Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


def claim(key: str, address: str, subject: str, body: str, about: str) -> Notification | None:
    """Record the message before sending it; None if it was recorded before (sent already)."""
    try:
        with transaction.atomic():
            return Notification.objects.create(
                key=key, recipient=address, subject=subject[:200], body=body, about=about
            )
    except IntegrityError:
        return None


def addresses_of(recipients: Iterable) -> list[str]:
    """E-mail addresses of users and strings, each once, in order."""
    found: dict[str, None] = {}
    for recipient in recipients:
        if isinstance(recipient, str):
            address = recipient.strip()
        elif getattr(recipient, "is_active", False):
            address = (recipient.email or "").strip()
        else:
            address = ""
        if address:
            found.setdefault(address)
        else:
            logger.info("No e-mail address for %s: not notified", recipient)
    return list(found)


def object_key(about: models.Model | str) -> str:
    """The key of a saved object, e.g. applications.application:42; a string as it is."""
    if isinstance(about, models.Model):
        return f"{about._meta.label_lower}:{about.pk}"
    return about
