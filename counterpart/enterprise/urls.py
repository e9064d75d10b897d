from django.urls import path

from counterpart.enterprise import views

app_name = "enterprise"
urlpatterns = [
    path("", views.enterprise_view, name="home"),
    path("supports/new/", views.support_create_view, name="support-create"),
    path("supports/<int:pk>/", views.support_detail_view, name="support"),
    path("sales/new/", views.sale_create_view, name="sale-create"),
]
