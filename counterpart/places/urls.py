from django.urls import path

from counterpart.places import views

app_name = "places"
urlpatterns = [
    path("regions/", views.region_list_view, name="regions"),
    path("regions/<int:pk>/", views.region_detail_view, name="region"),
    path("organizations/", views.organization_list_view, name="organizations"),
    path("organizations/<int:pk>/", views.organization_detail_view, name="organization"),
    path("organizations/<int:pk>/edit/", views.organization_edit_view, name="organization_edit"),
]
