"""Courts, divisions and people with their roles (DESIGN.md §2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from qingji.core.courts import CourtLevel


class Court(models.Model):
    """A court in the hierarchy: high → intermediate → basic (rules §6.2)."""

    code = models.CharField("法院代字", max_length=16, unique=True)
    name = models.CharField("名称", max_length=64)
    level = models.PositiveSmallIntegerField(
        "级别", choices=[(level.value, level.label_zh) for level in CourtLevel]
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # When an export holding cases of the court was last imported (qingji.cases.imports.do_import stamps it):
    # the trial management office's to-do list names the courts whose export is late (issue 12).
    last_import_at = models.DateTimeField("最近导入", null=True, blank=True)

    class Meta:
        ordering = ("code",)
        verbose_name = "法院"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Division(models.Model):
    """A division (庭) of a court."""

    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="divisions")
    name = models.CharField("名称", max_length=32)

    class Meta:
        unique_together = (("court", "name"),)
        ordering = (
            "court",
            "name",
        )
        verbose_name = "审判庭"

    def __str__(self) -> str:
        return f"{self.court.code} {self.name}"


class Role(models.TextChoices):
    PRESIDENT = "president", "院长"
    VICE_PRESIDENT = "vice_president", "副院长"
    DIVISION_HEAD = "division_head", "庭长"
    JUDGE = "judge", "法官"
    ASSISTANT = "assistant", "法官助理/书记员"
    TRIAL_MANAGEMENT = "trial_management", "审管办"
    SUPERVISION = "supervision", "督导组"
    HIGHER_COURT_READER = "higher_court_reader", "上级法院查阅"
    ADMINISTRATOR = "administrator", "系统管理员"


class Person(models.Model):
    """A user of qingji: the court they belong to (and division), and their role."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person")
    name = models.CharField("姓名", max_length=32)
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="people")
    division = models.ForeignKey(
        Division, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    role = models.CharField("角色", max_length=24, choices=Role.choices)

    class Meta:
        ordering = (
            "court",
            "name",
        )
        verbose_name = "人员"

    def __str__(self) -> str:
        return f"{self.name}（{self.court.code} {self.get_role_display()}）"


class Grant(models.Model):
    """More cases for a person who sees only some (a judge, an assistant, a division head): the cases of one
    court, narrowed to one division and/or one judge (issue 3 §2: "a judge sees their own cases, more only by
    grant"). An assistant or clerk sees their judge's cases through a grant. A grant never reaches beyond the
    courts the person may see (selectors.visible_cases checks it on every query)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="grants")
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="grants")
    division = models.CharField("审判庭", max_length=64, blank=True, default="")
    judge = models.CharField("承办法官", max_length=64, blank=True, default="")
    reason = models.TextField("理由", blank=True, default="")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField("授权时间", auto_now_add=True)

    class Meta:
        ordering = ("person", "id")
        verbose_name = "查看授权"

    def __str__(self) -> str:
        scope = " ".join(part for part in (self.court.code, self.division, self.judge) if part)
        return f"{self.person.name} → {scope}"
