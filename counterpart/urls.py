from django.contrib import admin
from django.urls import include, path

from counterpart.api import api
from counterpart.portal.views import dashboard_view, glossary_view, home_view

urlpatterns = [
    path("", home_view, name="home"),
    path("dashboard/", dashboard_view, name="dashboard"),
    path("glossary/", glossary_view, name="glossary"),
    path("search/", include("counterpart.search.urls")),
    path("reports/", include("counterpart.reports.urls")),
    path("pairings/", include("counterpart.pairings.urls")),
    path("funding/", include("counterpart.funding.urls")),
    path("import/", include("counterpart.interchange.urls")),
    path("open-data/", include("counterpart.interchange.open_data_urls")),
    path("projects/", include("counterpart.projects.urls")),
    path("talent/", include("counterpart.talent.urls")),
    path("design/", include("counterpart.design.urls")),
    path("care/", include("counterpart.care.urls")),
    path("exchanges/", include("counterpart.exchanges.urls")),
    path("enterprise/", include("counterpart.enterprise.urls")),
    path("", include("counterpart.places.urls")),
    path("audit/", include("counterpart.audit.urls")),
    path("jobs/", include("counterpart.jobs.urls")),
    path("people/", include("counterpart.people.urls")),
    path("reporting/", include("counterpart.reporting.urls")),
    path("notifications/", include("counterpart.notifications.urls")),
    path("accounts/", include("counterpart.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler500 = "counterpart.core.errors.server_error"
