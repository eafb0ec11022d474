from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "qingji.web"
    label = "web"
    verbose_name = "页面"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from qingji.web.busy import update_last_login_if_free

        # A login is never held up by an import: the last-login time is written only when the database is free.
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(update_last_login_if_free, dispatch_uid="qingji_update_last_login")
