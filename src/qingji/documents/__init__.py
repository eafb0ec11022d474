"""Documents as files (Django-free): the Chinese font, charts, Word templates filled in, PDF pages. The campaigns and
the cadence hand in plain values (:mod:`qingji.documents.blocks`) and get bytes back."""
