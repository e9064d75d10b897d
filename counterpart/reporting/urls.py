from django.urls import path

from counterpart.reporting import views

app_name = "reporting"
urlpatterns = [
    path("reviews/", views.review_list_view, name="reviews"),
    path("reviews/<int:pk>/", views.review_view, name="review"),
    path("rounds/<int:pk>/", views.round_rules_view, name="rules"),
]
