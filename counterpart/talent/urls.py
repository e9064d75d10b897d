from django.urls import path

from counterpart.talent.views import knowledge, people, placements, posts, runs

app_name = "talent"
urlpatterns = [
    path("", people.talent_home_view, name="home"),
    path("me/", people.my_profile_view, name="me"),
    path("me/ranking/", people.ranking_view, name="my-ranking"),
    path("professionals/", people.professional_list_view, name="professionals"),
    path("professionals/new/", people.professional_register_view, name="register"),
    path("professionals/options/", people.professional_options_view, name="professional-options"),
    path("professionals/<int:pk>/", people.professional_detail_view, name="professional"),
    path("professionals/<int:pk>/ranking/", people.ranking_view, name="ranking"),
    path("posts/", posts.post_list_view, name="posts"),
    path("posts/new/", posts.post_create_view, name="post-create"),
    path("posts/<int:pk>/", posts.post_detail_view, name="post"),
    path("posts/<int:pk>/edit/", posts.post_edit_view, name="post-edit"),
    path("runs/", runs.run_list_view, name="runs"),
    path("runs/<int:pk>/", runs.run_detail_view, name="run"),
    path("runs/<int:pk>/publish/", runs.run_publish_view, name="run-publish"),
    path("placements/", placements.placement_list_view, name="placements"),
    path("placements/<int:pk>/", placements.placement_detail_view, name="placement"),
    path("institutions/<int:pk>/timeline/", placements.timeline_view, name="timeline"),
    path("mentorships/", knowledge.mentorship_list_view, name="mentorships"),
    path("mentorships/<int:pk>/", knowledge.mentorship_detail_view, name="mentorship"),
    path("trainings/", knowledge.training_list_view, name="trainings"),
]
