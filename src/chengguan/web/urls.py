from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import views
from .api import api

admin.site.site_header = "城管执法助手 管理"
admin.site.site_title = "城管执法助手"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("chengguan.assistant.urls")),
    path("", include("chengguan.cases.urls")),
    path("healthz", views.healthz, name="healthz"),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
