"""The menu of base.html: ``{% main_menu as links %}`` (qingji.web.menu decides the items)."""

from __future__ import annotations

from typing import Any

from django import template

from qingji.web.menu import Link, menu_links

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context: Any) -> list[Link]:
    request = context.get("request")
    return menu_links(request) if request is not None else []
