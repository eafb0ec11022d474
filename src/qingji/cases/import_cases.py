"""The cases half of an import (:mod:`.imports`): the cases read, as the database holds them, created and updated
in bulk with their audit records. A column the file lacks leaves its fields as they are, and what the others would
empty is counted for the confirmation (:mod:`.import_guard`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import polars as pl
from django.utils import timezone

from qingji.cases.bulk import db_stamp, insert_frame, update_frame
from qingji.cases.import_audit import Audits, json_changed, json_object, load_rows
from qingji.cases.import_guard import blanking
from qingji.cases.models import Case
from qingji.courts.models import Court

if TYPE_CHECKING:
    from qingji.cases.imports import ImportOutcome

# The fields of a case that an export carries (besides the case number), compared to decide on an update.
CASE_FIELDS: tuple[str, ...] = (
    "court_code", "type_code", "procedure", "procedure_raw", "cause", "filed_on", "closed_on",
    "closure_method", "judge", "division", "in_custody", "parties", "cms_expiry",
)  # fmt: skip
_TEXT_FIELDS = ("procedure", "procedure_raw", "cause", "closure_method", "judge", "division", "parties")
_COMPARED = (*CASE_FIELDS, "court_id")
GIVEN = "given_"  # the prefix of the columns saying whether a row's table had a column (export_reading)


# --- frames -------------------------------------------------------------------------------------------------


def case_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The cases read, as the database holds them: empty text instead of null, the court's id where known; and,
    when the export's tables did not all have a column, whether each row's table had it (``given_…``)."""
    courts = dict(Court.objects.values_list("code", "id"))
    return frame.select(
        "case_number",
        *(pl.col(name).fill_null("") if name in _TEXT_FIELDS else pl.col(name) for name in CASE_FIELDS),
        pl.col("court_code").replace_strict(courts, default=None, return_dtype=pl.Int64).alias("court_id"),
        *(name for name in frame.columns if name.startswith(GIVEN)),
    )


# --- cases --------------------------------------------------------------------------------------------------


def upsert_cases(
    incoming: pl.DataFrame,
    outcome: ImportOutcome,
    audits: Audits,
    kept: Sequence[str] = (),
    kept_where: Mapping[str, str] | None = None,
) -> pl.DataFrame:
    """Create and update the cases of ``incoming``, with their audit records; returns every case number of the
    file with its id and court. The fields ``kept`` (those of columns the file lacks) of the cases the database
    has are left as they are, and so are the fields of ``kept_where`` (field → a Boolean column of ``incoming``
    saying whether the row's table had its column) on the rows whose table lacked it; what the others would empty
    is counted in ``outcome.blanking``."""
    numbers = incoming.get_column("case_number").to_list()
    schema: dict[str, pl.DataType] = {
        "id": pl.Int64(),
        **{name: dtype for name, dtype in incoming.schema.items() if not name.startswith(GIVEN)},
    }
    existing = load_rows(Case, schema, "case_number", numbers)
    joined = incoming.join(existing, on="case_number", how="left", suffix="_db", maintain_order="left")
    new = joined.filter(pl.col("id").is_null()).select("case_number", *_COMPARED)
    old = joined.filter(pl.col("id").is_not_null()).with_columns(
        *(pl.col(f"{name}_db").alias(name) for name in kept),
        *(
            pl.when(pl.col(given)).then(pl.col(name)).otherwise(pl.col(f"{name}_db")).alias(name)
            for name, given in (kept_where or {}).items()
            if name not in kept
        ),
    )
    del joined, existing
    outcome.blanking = blanking(old)
    differs = [pl.col(name).ne_missing(pl.col(f"{name}_db")) for name in _COMPARED]
    changed = old.filter(pl.any_horizontal(differs))
    outcome.unchanged = old.height - changed.height
    stamp = pl.lit(db_stamp(timezone.now()))

    insert_frame(Case, new.with_columns(stamp.alias("created_at"), stamp.alias("updated_at")))
    audits.write("case_created", "case", new, None, json_object([pl.col(name) for name in CASE_FIELDS]))
    outcome.created = new.height

    update_frame(Case, changed.select("id", *_COMPARED, stamp.alias("updated_at")))
    audits.write(
        "case_updated",
        "case",
        changed,
        json_changed(_COMPARED, differs, "_db"),
        json_changed(_COMPARED, differs, ""),
    )
    outcome.updated = changed.height

    id_schema: dict[str, pl.DataType] = {
        "case_number": pl.String(),
        "id": pl.Int64(),
        "court_code": pl.String(),
    }
    created_ids = load_rows(Case, id_schema, "case_number", new.get_column("case_number").to_list())
    if created_ids.height > new.height:  # every case was loaded: keep those of this file
        created_ids = created_ids.join(new.select("case_number"), on="case_number", how="semi")
    return pl.concat([old.select("case_number", "id", "court_code"), created_ids])
