"""The outbox's durable record (issue 13 "Delivery": "a delivery record per recipient and channel"; docs/cadence.md
"Delivery"): each message sent out of the app — by e-mail to its person, or summed up for a court by a group robot
— is a :class:`Delivery`, written in the transaction that writes the messages, with a unique key, so that a crash
loses none and a rerun duplicates none; the sender (qingji.cadence.outbox) claims it, sends it, and records the
outcome, the attempts and the next try."""

from __future__ import annotations

from django.db import models

from qingji.cadence.schedule import Kind


class Delivery(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "电子邮件"
        WECOM = "wecom", "企业微信群机器人"
        DINGTALK = "dingtalk", "钉钉群机器人"

    class Status(models.TextChoices):
        PENDING = "pending", "待发送"  # due at next_try_at (the first time, or again after a failure)
        SENDING = "sending", "发送中"  # claimed by a sender at claimed_at
        SENT = "sent", "已送达"
        FAILED = "failed", "已放弃"  # given up after [delivery] give_up_hours; the office may retry it

    # email:<message key>:<address> | robot:<robot name>:<kind>:<day>:<court>
    key = models.CharField("幂等键", max_length=500, unique=True)
    channel = models.CharField("渠道", max_length=16, choices=Channel.choices)
    recipient = models.CharField("收件方", max_length=300)  # the address, or the robot's name
    court_code = models.CharField("法院", max_length=20)  # the person's court, or the court the post sums up
    kind = models.CharField("类别", max_length=16, choices=[(kind.value, kind.value) for kind in Kind])
    on = models.DateField("日期")
    # "cadence.Run", "cadence.Message" by name: qingji.cadence.models imports this module (no import cycle)
    run = models.ForeignKey(
        "cadence.Run", null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    messages = models.ManyToManyField("cadence.Message", related_name="deliveries")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField("尝试次数", default=0)
    due_at = models.DateTimeField("应发时间")  # when it was first due: the give-up time counts from here
    next_try_at = models.DateTimeField("下次尝试")
    claimed_at = models.DateTimeField("领取时间", null=True, blank=True)  # the latest attempt's start
    last_error = models.TextField("最近的错误", blank=True, default="")
    sent_at = models.DateTimeField("送达时间", null=True, blank=True)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)

    class Meta:
        indexes = (
            models.Index(fields=("status", "next_try_at"), name="delivery_due"),
            models.Index(fields=("recipient", "claimed_at"), name="delivery_rate"),
        )
        ordering = ("-on", "-id")
        verbose_name = "投递"

    def __str__(self) -> str:
        return self.key
