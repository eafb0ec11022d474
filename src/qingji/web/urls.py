from __future__ import annotations

from django.contrib.auth.views import LogoutView
from django.urls import path
from django.views.i18n import set_language

from qingji.web import (
    audit_views,
    campaign_backlog_views,
    campaign_export_views,
    campaign_views,
    case_views,
    document_views,
    export_views,
    forecast_views,
    holiday_views,
    home_views,
    import_views,
    inbox_views,
    integrity_views,
    outbox_views,
    stats_views,
    views,
)
from qingji.web.casework_views import CASEWORK_URLS
from qingji.web.letter_views import supervision_letter

app_name = "web"

urlpatterns = [
    path("", home_views.home, name="home"),
    path("login/", views.QingjiLoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(next_page="web:login"), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("ledger/", views.ledger_page, name="ledger"),
    path("ledger/export/", export_views.ledger_export, name="ledger_export"),
    path("case/<case:case_number>/", case_views.case_page, name="case"),
    path("import/", import_views.import_page, name="import"),
    path("import/report/", import_views.import_report, name="import_report"),
    path("audit/", audit_views.audit_page, name="audit"),
    path("audit/export.csv", audit_views.audit_export, name="audit_export"),
    path("stats/", stats_views.stats_page, name="stats"),
    path("forecast/", forecast_views.forecast_page, name="forecast"),
    path("holidays/", holiday_views.holidays_page, name="holidays"),
    path("integrity/", integrity_views.integrity_page, name="integrity"),
    path("integrity/export/", integrity_views.integrity_export, name="integrity_export"),
    path("campaigns/", campaign_views.campaign_list, name="campaigns"),
    path("campaigns/<id:pk>/", campaign_views.campaign_page, name="campaign"),
    path(
        "campaigns/<id:pk>/case/<case:case_number>/", campaign_views.campaign_case_page, name="campaign_case"
    ),
    path(
        "campaigns/<id:pk>/supervision/<id:action_id>/letter.docx",
        supervision_letter,
        name="campaign_letter",
    ),
    path("campaigns/<id:pk>/print/", campaign_export_views.campaign_print, name="campaign_print"),
    path(
        "campaigns/<id:pk>/determinations.xlsx",
        campaign_export_views.determinations_export,
        name="campaign_determinations_export",
    ),
    path(
        "campaigns/<id:pk>/ranking.xlsx", campaign_export_views.ranking_export, name="campaign_ranking_export"
    ),
    path(
        "campaigns/<id:pk>/new-backlog/", campaign_backlog_views.new_backlog_page, name="campaign_new_backlog"
    ),
    *CASEWORK_URLS,
    path("inbox/", inbox_views.inbox_page, name="inbox"),
    path("inbox/<id:message>/", inbox_views.inbox_message, name="inbox_message"),
    path("documents/", document_views.documents_page, name="documents"),
    path("documents/<id:document>/<str:fmt>/", document_views.document_file, name="document_file"),
    path("outbox/", outbox_views.outbox_page, name="outbox"),
    path("outbox/<id:delivery>/retry/", outbox_views.outbox_retry, name="outbox_retry"),
    path("favicon.ico", views.favicon, name="favicon"),
]
