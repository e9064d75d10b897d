from django.urls import path

from counterpart.pairings import views

app_name = "pairings"
urlpatterns = [
    path("", views.pairing_list_view, name="list"),
    path("new/", views.pairing_create_view, name="create"),
    path("<int:pk>/", views.pairing_detail_view, name="detail"),
    path("<int:pk>/edit/", views.pairing_edit_view, name="edit"),
    path("<int:pk>/end/", views.pairing_end_view, name="end"),
    path("rounds/<int:pk>/quota/", views.quota_view, name="quota"),
]
