from django.urls import path

from counterpart.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_log_view, name="log"),
    path("<int:pk>/", views.audit_event_view, name="event"),
    path("verify/", views.audit_verify_view, name="verify"),
]
