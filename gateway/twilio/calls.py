"""Reminder calls through the official `twilio.rest.Client` (the Calls API), nothing patched.

Answering-machine detection is on (`DetectMessageEnd`), so the TwiML webhook learns from
`AnsweredBy` whether to read the keypad menu or leave a short message after the beep.
"""

from __future__ import annotations

from twilio.base.exceptions import TwilioException

from gateway.config import Settings
from gateway.sending import CallError
from gateway.twilio.sender import DEFAULT_TIMEOUT, rest_client


class TwilioCaller:
    """Places reminder calls from the clinic's number."""

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        public_base_url: str,
        from_number: str = "",
        api_base_url: str = "",
    ) -> None:
        self.client = rest_client(account_sid, auth_token, api_base_url, DEFAULT_TIMEOUT)
        self.public_base_url = public_base_url.rstrip("/")
        self.from_number = from_number

    @classmethod
    def from_settings(cls, settings: Settings) -> TwilioCaller:
        return cls(
            account_sid=settings.twilio_account_sid or "",
            auth_token=settings.twilio_auth_token or "",
            public_base_url=settings.public_base_url or "",
            from_number=settings.twilio_from_number or "",
            api_base_url=settings.twilio_api_base_url or "",
        )

    def call(self, *, to: str, from_: str, url: str) -> str:
        """Place the call; returns its CallSid. Errors carry no number or text."""
        if not from_:
            raise CallError("no from-number for calls (a location's twilio_number)")
        try:
            call = self.client.calls.create(
                to=to, from_=from_, url=url, machine_detection="DetectMessageEnd"
            )
        except TwilioException as error:
            raise CallError(f"Twilio refused the call ({type(error).__name__})") from None
        except OSError as error:
            raise CallError(f"Twilio unreachable ({type(error).__name__})") from None
        return str(call.sid)


def make_caller(settings: Settings) -> TwilioCaller | None:
    """The Twilio caller when credentials are set (else reminder calls stay queued)."""
    if not (settings.twilio_account_sid and settings.twilio_auth_token):
        return None
    return TwilioCaller.from_settings(settings)
