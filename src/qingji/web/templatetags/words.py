"""A coded value in words on a page: ``{% load words %}`` … ``{{ action.kind|word:"supervision_kind" }}`` (the
vocabularies of qingji.web.choice_labels, in the page's language)."""

from __future__ import annotations

from django import template

from qingji.web.choice_labels import choice_label

register = template.Library()


@register.filter
def word(code: object, vocabulary: str) -> str:
    return choice_label(vocabulary, code)
