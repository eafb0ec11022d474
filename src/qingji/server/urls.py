"""URLs of the qingji server."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

# A parameter a page cannot use (qingji.web.params.BadParameter) is answered with what was wrong.
handler400 = "qingji.web.params.bad_request"
# A write outside a view that gave up waiting for an import (issue 10): "try again in a minute", not a 500.
handler500 = "qingji.web.busy.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("qingji.web.urls")),
]
