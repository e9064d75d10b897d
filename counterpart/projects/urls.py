from django.urls import path

from counterpart.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list_view, name="list"),
    path("new/", views.project_create_view, name="create"),
    path("sectors/options/", views.sector_options_view, name="sector-options"),
    path("places/options/", views.project_place_options_view, name="place-options"),
    path("<int:pk>/", views.project_detail_view, name="detail"),
    path("<int:pk>/edit/", views.project_edit_view, name="edit"),
]
