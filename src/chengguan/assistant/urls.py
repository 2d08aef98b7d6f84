from django.urls import path

from . import views

app_name = "assistant"
urlpatterns = [
    path("laws/", views.law_index, name="law_index"),
    path("laws/search/", views.law_search, name="law_search"),
    path("laws/<str:title>/", views.law_detail, name="law_detail"),
    path("catalog/", views.catalog, name="catalog"),
    path("catalog/<str:sid>/", views.situation_detail, name="situation_detail"),
    path("match/", views.match_page, name="match"),
    path("match/results/", views.match_results, name="match_results"),
    path("match/feedback/", views.match_feedback, name="match_feedback"),
]
