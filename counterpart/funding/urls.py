from django.urls import path

from counterpart.funding import views

app_name = "funding"
urlpatterns = [
    path("", views.transaction_list_view, name="list"),
    path("record/", views.transaction_create_view, name="record"),
    path("record/preview/", views.transaction_preview_view, name="preview"),
    path("record/projects/", views.transaction_project_options_view, name="record-projects"),
    path("<int:pk>/", views.transaction_detail_view, name="detail"),
    path("settings/", views.settings_view, name="settings"),
    path("scorecard/", views.scorecard_view, name="scorecard"),
    path("projects/<int:pk>/", views.project_money_view, name="project_money"),
]
