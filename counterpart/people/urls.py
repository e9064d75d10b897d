from django.urls import path

from counterpart.people import views

app_name = "people"
urlpatterns = [
    path("", views.people_view, name="list"),
    path("invite/", views.invite_view, name="invite"),
    path("<int:pk>/", views.person_view, name="person"),
    path("<int:pk>/suspension/", views.suspension_view, name="suspension"),
    path("roles/<int:pk>/revoke/", views.membership_revoke_view, name="revoke"),
    path(
        "invitations/<int:pk>/resend/",
        views.invitation_action_view,
        {"action": "resend"},
        name="resend",
    ),
    path(
        "invitations/<int:pk>/withdraw/",
        views.invitation_action_view,
        {"action": "withdraw"},
        name="withdraw",
    ),
]
