"""E-mail through the court's SMTP relay (issue 13 "Delivery": "e-mail over SMTP (settings for an intranet relay)";
docs/cadence.md "Delivery"): one connection for a round of sending, opened when the first mail goes and opened
again after an error; plain, STARTTLS or SSL; a login when a user is configured.

A failure is a :class:`DeliveryError` with a readable reason (Chinese / English); a recipient the relay refuses
for good (a 5xx reply) is a permanent one, not retried. Each mail's Message-ID is made from its delivery's key, so
that a mail sent again at the at-least-once edge (the relay accepted it, the process stopped before it recorded
that) carries the same Message-ID as the first.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from qingji.cadence.delivery_error import DeliveryError
from qingji.site.delivery_settings import SmtpSettings


class SmtpSession:
    """Mails sent through one relay connection (open at the first mail; close with :meth:`close`)."""

    def __init__(self, smtp: SmtpSettings, timeout: float) -> None:
        self.smtp = smtp
        self.timeout = timeout
        self._connection: smtplib.SMTP | None = None

    def send(self, key: str, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"] = self.smtp.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=True)
        domain = self.smtp.sender.rpartition("@")[2] or "qingji.local"
        message["Message-ID"] = f"<qingji.{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"
        message.set_content(body, charset="utf-8")
        try:
            self._open().send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            code, reply = next(iter(error.recipients.values()))
            text = _reply(reply)
            raise DeliveryError(
                f"邮件服务器拒收此收件人 / the relay refused the recipient: {code} {text}",
                permanent=code >= 500,
            ) from None
        except smtplib.SMTPResponseException as error:
            self.close()
            raise DeliveryError(
                f"邮件服务器拒绝 / the relay refused: {error.smtp_code} {_reply(error.smtp_error)}"
            ) from None
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            where = f"{self.smtp.host}:{self.smtp.port}"
            raise DeliveryError(
                f"无法通过邮件服务器发送 / cannot send through the relay {where}: {error}"
            ) from None

    def _open(self) -> smtplib.SMTP:
        if self._connection is not None:
            return self._connection
        smtp = self.smtp
        if smtp.security == "ssl":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=self.timeout, context=ssl.create_default_context()
            )
        else:
            connection = smtplib.SMTP(smtp.host, smtp.port, timeout=self.timeout)
        try:
            if smtp.security == "starttls":
                connection.starttls(context=ssl.create_default_context())
            if smtp.user:
                connection.login(smtp.user, smtp.password)
        except smtplib.SMTPAuthenticationError as error:
            connection.close()
            raise DeliveryError(
                f"登录邮件服务器失败 / the relay refused the login: {error.smtp_code} {_reply(error.smtp_error)}"
            ) from None
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        return connection

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.quit()
            except (smtplib.SMTPException, OSError):
                connection.close()


def _reply(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
