"""Uploaded files stop at the pages' size limit (issue 10, ``QINGJI_UPLOAD_MAX_MB``) before they are written whole.

Django has no limit of its own on an uploaded file: it writes any size to a temporary file (only the other fields
of a form are held to ``DATA_UPLOAD_MAX_MEMORY_SIZE``). :class:`LimitedUploadHandler`, first of the site's upload
handlers, counts each file's bytes as they arrive and drops the file once it passes ``settings.UPLOAD_LIMITS``'
size: the rest of it is read and thrown away, the other fields (the CSRF token among them) arrive as usual, and
the request remembers the file, so that the page says which file was too large, the limit and its setting
(:func:`refused_upload`) instead of a missing file.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

from qingji.interchange.limits import FileLimits, upload_too_large
from qingji.interchange.table_error import TableError

_REFUSED = "_qingji_upload_refused"
log = logging.getLogger(__name__)


class LimitedUploadHandler(FileUploadHandler):
    """Drops a file bigger than the pages' limit while it is received (see the module)."""

    def new_file(
        self,
        field_name: str,
        file_name: str,
        content_type: str,
        content_length: int | None,
        charset: str | None = None,
        content_type_extra: dict[str, bytes] | None = None,
    ) -> None:
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        if content_length is not None and content_length > _limits().max_bytes:
            self._refuse()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > _limits().max_bytes:
            self._refuse()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handlers keep the file

    def _refuse(self) -> None:
        if self.request is not None:
            setattr(self.request, _REFUSED, upload_too_large(_limits(), str(self.file_name or "")))
        log.warning(
            "upload refused: file %s over the pages' limit of %d MB (%s), dropped as it arrived",
            self.file_name, _limits().max_bytes // (1024 * 1024), _limits().setting("MB"),
            extra={"request": self.request},
        )  # fmt: skip
        raise SkipFile


def refused_upload(request: HttpRequest) -> TableError | None:
    """Why an uploaded file of this request was dropped, if one was."""
    refused = getattr(request, _REFUSED, None)
    return refused if isinstance(refused, TableError) else None


def _limits() -> FileLimits:
    limits = settings.UPLOAD_LIMITS
    assert isinstance(limits, FileLimits)
    return limits
