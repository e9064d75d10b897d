from django.urls import path

from counterpart.reports import views

app_name = "reports"
urlpatterns = [path("", views.report_view, name="builder")]
