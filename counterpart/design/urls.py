from django.urls import path

from counterpart.design import views

app_name = "design"
urlpatterns = [
    path("", views.scenarios_view, name="scenarios"),
    path("needs/", views.needs_view, name="needs"),
    path("<int:pk>/", views.scenario_view, name="scenario"),
    path("<int:pk>/figures/", views.figures_view, name="figures"),
    path("<int:pk>/round/", views.round_view, name="round"),
]
