"""Everything that knows Twilio exists: webhooks, signatures, TwiML, the REST sender.

Importing the package registers every webhook route on `bp`.
"""

from gateway.twilio import sms, status, voice  # noqa: F401 - route registration
from gateway.twilio.blueprint import bp

__all__ = ["bp"]
