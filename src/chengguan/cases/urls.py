from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="list"),
    path("cases/review/", views.review_queue, name="review_queue"),
    path("cases/deadlines/", views.deadlines, name="deadlines"),
    path("cases/<int:pk>/", views.case_detail, name="detail"),
    path("cases/<int:pk>/act/<str:name>/", views.case_act, name="act"),
    path("cases/<int:pk>/documents/<str:kind>.<str:fmt>", views.document, name="document"),
    path("cases/<int:pk>/documents/<str:kind>/issue/", views.issue_document, name="issue_document"),
    path("workbench/<str:sid>/circumstances/", views.circumstances, name="circumstances"),
    path("workbench/<str:sid>/recommend/", views.recommend, name="recommend"),
    path("workbench/<str:sid>/start/", views.start_case, name="start"),
]
