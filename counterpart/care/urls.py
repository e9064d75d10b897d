from django.urls import path

from counterpart.care import views

app_name = "care"
urlpatterns = [
    path("", views.care_view, name="home"),
    path("consultations/new/", views.consultation_request_view, name="request"),
    path("consultations/<int:pk>/", views.consultation_detail_view, name="consultation"),
    path("referrals/<int:pk>/", views.referral_detail_view, name="referral"),
]
