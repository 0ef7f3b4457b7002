"""A patient phone simulator for the demo and for development: `/simulator`.

Registered only when `GATEWAY_ENV` is `development` or `test`. A newcomer picks a demo patient
(or types any number), texts the clinic and watches the bot's replies and the staff queue.
Every simulated text goes through the real `POST /twilio/sms` webhook, signed with the auth
token, so the signature check, storage, triage and the outbox run exactly as for Twilio.
"""

from gateway.simulator.views import bp

__all__ = ["bp"]
