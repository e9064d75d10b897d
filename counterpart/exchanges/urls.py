from django.urls import path

from counterpart.exchanges import views

app_name = "exchanges"
urlpatterns = [
    path("", views.exchanges_view, name="home"),
    path("events/new/", views.event_create_view, name="record"),
    path("events/<int:pk>/edit/", views.event_edit_view, name="edit"),
    path("pen-pals/", views.pen_pals_view, name="pen-pals"),
    path("pen-pals/<int:pk>/", views.partnership_view, name="partnership"),
]
