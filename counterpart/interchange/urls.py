from django.urls import path

from counterpart.interchange import views

app_name = "interchange"

urlpatterns = [
    path("", views.import_home_view, name="home"),
    path("files/<int:pk>/", views.import_file_view, name="file"),
    path("files/<int:pk>/problems.xlsx", views.marked_file_view, name="marked"),
    path("files/<int:pk>/import/", views.import_apply_view, name="apply"),
    path("<slug:slug>/", views.import_kind_view, name="kind"),
    path("files/<int:pk>/check/", views.import_recheck_view, name="recheck"),
    path("files/<int:pk>/map/", views.iati_map_view, name="map"),
    path(
        "<slug:slug>/template.xlsx",
        views.template_view,
        {"file_format": "xlsx"},
        name="template_xlsx",
    ),
    path(
        "<slug:slug>/template.csv", views.template_view, {"file_format": "csv"}, name="template_csv"
    ),
]
