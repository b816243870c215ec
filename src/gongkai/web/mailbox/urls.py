from django.urls import path

from gongkai.web.mailbox import public, staff

urlpatterns = [
    path("mailbox/", public.index, name="mailbox"),
    path("mailbox/questions/<int:pk>/", public.question_page, name="mailbox-question"),
    path("mailbox/receipt/<str:query_code>/", public.receipt, name="mailbox-receipt"),
    path("mailbox/track/", public.track, name="mailbox-track"),
    path("mailbox/track/<str:query_code>/", public.status, name="mailbox-status"),
    path("agencies/<str:code>/mailbox/", public.agency_mailbox, name="mailbox-agency"),
    path("agencies/<str:code>/mailbox/ask/", public.ask, name="mailbox-ask"),
    path("work/mailbox/", staff.inbox, name="mailbox-inbox"),
    path("work/mailbox/<int:pk>/", staff.question_page, name="mailbox-staff-question"),
    path("work/mailbox/<int:pk>/<str:action>/", staff.perform_action, name="mailbox-action"),
]
