"""The supervision letter (督办函) of a recorded action of kind letter, as a DOCX download from the campaign page.

Only for a person who sees the whole of the court written to (the letter lists all its remaining cases, so a
judge or a division head who sees some of them does not get it: qingji.campaigns.selectors.visible_letter); every
letter generated is audited."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from qingji.campaigns.letter import LetterTemplateError
from qingji.campaigns.letter_data import CONTENT_TYPE, generate_letter
from qingji.campaigns.selectors import visible_letter
from qingji.web.views import person_of


def attachment(name: str, fallback: str) -> str:
    """A Content-Disposition for a download with a Chinese file name (RFC 6266: filename* in UTF-8, and a plain
    ASCII name for clients that read only that)."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


@require_safe
@login_required
def supervision_letter(request: HttpRequest, pk: int, action_id: int) -> HttpResponse:
    action = visible_letter(person_of(request), pk, action_id)
    if action is None:
        raise Http404
    try:
        letter = generate_letter(action, settings.HOME, actor=request.user)
    except LetterTemplateError as error:
        message = f"督办函模板有误，未生成 / the letter template is wrong, no letter was made\n{error}\n"
        return HttpResponse(message, status=500, content_type="text/plain; charset=utf-8")
    response = HttpResponse(letter.content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = attachment(letter.name, f"letter-{action.pk}.docx")
    return response
