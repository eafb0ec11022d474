"""Court.last_import_at: when an export holding the court's cases was last imported; filled for the imports made
before it from their audit records (an import that changed a case of a court wrote one naming the court)."""

from typing import Any

from django.db import migrations, models
from django.db.models import Max


def from_audit(apps: Any, schema_editor: Any) -> None:
    court = apps.get_model("courts", "Court")
    record = apps.get_model("audit", "AuditRecord")
    last = record.objects.filter(import_record__isnull=False).values("court_code").annotate(at=Max("at"))
    for row in last:
        court.objects.filter(code=row["court_code"]).update(last_import_at=row["at"])


class Migration(migrations.Migration):
    dependencies = [
        ("courts", "0002_grants"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="court",
            name="last_import_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="最近导入"),
        ),
        migrations.RunPython(from_audit, migrations.RunPython.noop),
    ]
