from django.urls import path

from counterpart.interchange import open_data_views as views

app_name = "opendata"

urlpatterns = [
    path("", views.open_data_view, name="home"),
    path("publish/", views.open_data_publish_view, name="publish"),
    path("files/<str:name>", views.published_file_view, name="file"),
    path("audit-checkpoints.json", views.audit_checkpoints_view, name="checkpoints"),
]
