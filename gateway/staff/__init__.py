"""The staff app under `/staff`: sign in, work the queues, answer patients, see the week.

Registered by `create_app` in every environment. `views.py` holds the routes, `auth.py` the
sign-in, sessions, CSRF and rate limits, `roles.py` who may see what, `cases.py` the work on a
handoff, `alerts.py` the re-paging of unopened emergencies, `words.py` the note in words.
"""

from gateway.staff.views import bp

__all__ = ["bp"]
