from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """A periodic job enqueued for one period. The unique (job, period) pair is what makes
    several workers' schedulers enqueue each job once: the second insert fails."""

    job = models.CharField(_("job"), max_length=100)
    period = models.CharField(_("period"), max_length=40)
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True)
    task_id = models.CharField(_("task result"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-enqueued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="one_run_per_job_and_period")
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"


class Notification(models.Model):
    """One e-mail to one recipient. The idempotency key with the recipient is unique, so a
    message is sent once however often the task that sends it runs. A row without sent_at
    was being sent when its worker stopped: it is not sent again (at most once)."""

    key = models.CharField(_("idempotency key"), max_length=200)
    recipient = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    about = models.CharField(_("related object"), max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["key", "recipient"], name="one_message_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"


class WorkerHeartbeat(models.Model):
    """A running `gongkai worker`, seen every few seconds. A task left RUNNING by a worker
    that is no longer seen (or whose process is gone) is handed to the queue again."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
