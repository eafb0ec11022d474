"""The words of the delivery failures page (投递失败: issue 13 "Delivery", docs/cadence.md "Delivery"), Chinese first
(merged into labels.TEXTS)."""

from __future__ import annotations

OUTBOX_TEXTS: dict[str, tuple[str, str]] = {
    "outbox": ("投递失败", "Delivery failures"),
    "outbox_intro": (
        "通过电子邮件和群机器人发出的消息中发送失败的：正在按间隔重试的，以及超过时限已放弃的（可重新发送）。"
        "收件箱中的消息不受影响。",
        "The messages sent by e-mail and by group robots that failed: those being tried again after a wait, and "
        "those given up after the time allowed (which may be sent again). The inbox's messages are not affected.",
    ),
    "outbox_empty": ("没有发送失败的消息。", "No delivery has failed."),
    "outbox_channel": ("渠道", "Channel"),
    "outbox_recipient": ("收件方", "Recipient"),
    "outbox_on": ("日期", "Date"),
    "outbox_attempts": ("已尝试", "Attempts"),
    "outbox_state": ("状态", "State"),
    "outbox_error": ("错误", "Error"),
    "outbox_retry": ("重新发送", "Send again"),
    "outbox_given_up": ("已放弃", "Given up"),
    "outbox_next_try": ("将于 {at} 重试", "Next try at {at}"),
    "outbox_sending": ("正在发送", "Being sent"),
    "outbox_channel_email": ("电子邮件", "E-mail"),
    "outbox_channel_wecom": ("企业微信群", "WeCom group"),
    "outbox_channel_dingtalk": ("钉钉群", "DingTalk group"),
}
