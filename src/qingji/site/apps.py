from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "qingji.site"
    label = "qingji_site"
    verbose_name = "本院设置与节假日 site settings and holidays"
