"""Logging set-up and the helpers that keep PHI out of log lines.

Log ids and masked numbers only: never a message body, a name or a full phone number.
"""

from __future__ import annotations

import logging


def configure(level: str = "INFO") -> None:
    """Give the root logger one plain handler unless the host (gunicorn, pytest) set one up."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(
            level=level.upper(),
            format="%(asctime)s %(levelname)s %(name)s %(message)s",
        )
    logging.getLogger("gateway").setLevel(level.upper())
    # APScheduler logs two INFO lines per poll: only its warnings are worth a line.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, logging.getLogger().level))
    # The twilio client logs every request at INFO, and urllib3 every URL at DEBUG, a
    # message-log lookup's query with them: that is the patient's full number. Their warnings
    # still come through.
    for name in ("twilio.http_client", "urllib3.connectionpool"):
        logging.getLogger(name).setLevel(logging.WARNING)


def mask_phone(number: str | None) -> str:
    """`+15551234567` -> `+1******4567`; anything short or odd is fully masked."""
    if not number:
        return "-"
    digits = number.strip()
    if len(digits) < 8:
        return "*" * len(digits)
    keep_head = 2 if digits.startswith("+") else 1
    return digits[:keep_head] + "*" * (len(digits) - keep_head - 4) + digits[-4:]
