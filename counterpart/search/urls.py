from django.urls import path

from counterpart.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_view, name="page"),
]
