from django.urls import path

from gongkai.web.applications import chain_pages, public, service_proof, staff

urlpatterns = [
    path("agencies/<str:code>/apply/", public.apply, name="application-apply"),
    path("apply/receipt/<str:query_code>/", public.receipt, name="application-receipt"),
    path("track/", public.track, name="application-track"),
    path("track/<str:query_code>/", public.status, name="application-status"),
    path("track/<str:query_code>/letters/<int:letter_id>.pdf", public.letter,
         name="application-public-letter"),
    path("work/applications/", staff.inbox, name="application-inbox"),
    path("work/applications/new/", staff.new_case, name="application-new"),
    path("work/applications/sign-off/", chain_pages.chains, name="application-sign-off-chains"),
    path("work/applications/sign-off/<str:code>/", chain_pages.chain_page,
         name="application-sign-off"),
    path("work/applications/<int:pk>/", staff.case_page, name="application-case"),
    path("work/applications/<int:pk>/draft-letter.<str:fmt>", staff.draft_letter,
         name="application-draft-letter"),
    path("work/applications/<int:pk>/<str:action>/", staff.perform_action,
         name="application-action"),
    path("work/applications/<int:pk>/letters/<int:letter_id>.<str:fmt>", staff.letter_file,
         name="application-letter"),
    path("work/applications/<int:pk>/letters/<int:letter_id>/service-proof.<str:fmt>",
         service_proof.service_proof, name="application-service-proof"),
    path("work/applications/<int:pk>/attachments/<int:attachment_id>/", staff.attachment_file,
         name="application-attachment"),
]  # fmt: skip
