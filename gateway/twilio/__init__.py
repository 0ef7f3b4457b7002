"""Everything that knows Twilio exists: webhooks, signatures, TwiML, the REST sender.

Importing the package registers every webhook route on `bp`.
"""

from gateway.twilio import (  # noqa: F401 - route registration
    reminder_calls,  # noqa: F401, I001 - reminders: reminder-call TwiML
    sms,
    status,
    voice,
)
from gateway.twilio.blueprint import bp

__all__ = ["bp"]
