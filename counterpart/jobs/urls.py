from django.urls import path

from counterpart.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list_view, name="list"),
    path("<int:pk>/", views.job_view, name="detail"),
    path("<int:pk>/file/", views.job_file_view, name="file"),
]
