"""The clinic: loaded from a TOML file or the database, with defaults that let a first
deployment start with only environment variables.

A clinic config file (`CLINIC_CONFIG=clinic.toml`) looks like::

    slug = "main"
    name = "Riverside Family Clinic"
    phone = "(202) 555-0100"
    time_zone = "America/New_York"
    languages = ["en", "es"]
    on_call_numbers = ["+12025550199"]
    portal_url = "https://portal.example.org"
    [hours]            # weekday (0 = Monday) = [opens, closes], local time
    0 = ["08:00", "17:00"]
    [[locations]]
    name = "Main St"
    twilio_number = "+12025550100"

Loading is an upsert on `slug`, so re-running it after editing the file updates the clinic.
"""

from __future__ import annotations

import logging
import tomllib
from datetime import time
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from flows.types import ClinicInfo, OpeningHours, Queue
from gateway.config import Settings
from gateway.logs import mask_phone
from gateway.models import Clinic, Location

logger = logging.getLogger(__name__)

#: Monday to Friday, 8 a.m. to 5 p.m.: used until a clinic says otherwise.
DEFAULT_HOURS = {str(day): ["08:00", "17:00"] for day in range(5)}


def load_clinic_file(path: Path) -> dict[str, Any]:
    """Read and minimally check a clinic TOML file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for key in ("name", "phone"):
        if not data.get(key):
            raise ValueError(f"{path}: '{key}' is required")
    return data


def upsert_clinic(*, session: Session, data: dict[str, Any]) -> Clinic:
    """Create or update a clinic (and its locations) from config data. Flushes, no commit."""
    slug = data.get("slug", "main")
    clinic = session.exec(select(Clinic).where(Clinic.slug == slug)).first() or Clinic(
        slug=slug, name=data["name"], phone=data["phone"]
    )
    for key in (
        "name",
        "phone",
        "time_zone",
        "languages",
        "on_call_numbers",
        "portal_url",
        "forms_url",
        "telehealth_url",
        "quiet_start",
        "quiet_end",
        "response_minutes",
    ):
        if key in data:
            setattr(clinic, key, data[key])
    clinic.hours = {
        str(k): list(v) for k, v in data.get("hours", clinic.hours or DEFAULT_HOURS).items()
    }
    session.add(clinic)
    session.flush()
    for spec in data.get("locations", []):
        number = spec.get("twilio_number")
        location = None
        if number:
            location = session.exec(
                select(Location).where(Location.twilio_number == number)
            ).first()
        location = location or Location(clinic_id=clinic.id, name=spec["name"])
        location.clinic_id = clinic.id
        location.name = spec["name"]
        location.twilio_number = number
        location.time_zone = spec.get("time_zone")
        location.on_call_numbers = spec.get("on_call_numbers", [])
        session.add(location)
    session.flush()
    return clinic


def ensure_clinic(*, session: Session, settings: Settings) -> Clinic:
    """Make sure one clinic exists: from CLINIC_CONFIG, else defaults. Flushes, no commit."""
    if settings.clinic_config:
        return upsert_clinic(session=session, data=load_clinic_file(settings.clinic_config))
    clinic = session.exec(select(Clinic).order_by(Clinic.id)).first()
    if clinic is not None:
        return clinic
    data: dict[str, Any] = {"slug": "main", "name": "Our clinic", "phone": "our office"}
    if settings.twilio_from_number:
        data["locations"] = [{"name": "Main", "twilio_number": settings.twilio_from_number}]
    return upsert_clinic(session=session, data=data)


def clinic_for_number(*, session: Session, to_number: str, settings: Settings) -> Clinic:
    """The clinic a patient reached. An unknown `To` falls back to the first clinic (logged)."""
    location = session.exec(select(Location).where(Location.twilio_number == to_number)).first()
    if location is not None:
        clinic = session.get(Clinic, location.clinic_id)
        if clinic is not None:
            return clinic
    clinic = session.exec(select(Clinic).order_by(Clinic.id)).first()
    if clinic is None:
        clinic = ensure_clinic(session=session, settings=settings)
    if to_number:
        logger.warning(
            "message to unknown number %s routed to clinic %s", mask_phone(to_number), clinic.id
        )
    return clinic


#: How long a web process trusts its memory of which clinic a number belongs to.
ROUTE_CACHE_SECONDS = 30.0


def _route_cache_hit(to_number: str) -> Clinic | None:
    """The clinic remembered for this number, while fresh (ROUTE_CACHE_SECONDS)."""
    import time as _time

    from flask import current_app

    hit = current_app.extensions.get("clinic_route_cache", {}).get(to_number)
    if hit is not None and hit[0] > _time.monotonic():
        return hit[1]
    return None


def cached_clinic_id(to_number: str) -> int | None:
    """The clinic id `clinic_for_number_cached` remembers for this number, if still fresh (no
    session needed: the webhook's hot path)."""
    clinic = _route_cache_hit(to_number)
    return None if clinic is None else clinic.id


def clinic_for_number_cached(*, session: Session, to_number: str, settings: Settings) -> Clinic:
    """`clinic_for_number`, remembered per app for ROUTE_CACHE_SECONDS (the webhook's hot path:
    two queries fewer per text). A clinic-config change reaches each process within that time.
    The returned row is detached: read its fields, do not change it."""
    import time as _time

    from flask import current_app

    hit = _route_cache_hit(to_number)
    if hit is not None:
        return hit
    clinic = clinic_for_number(session=session, to_number=to_number, settings=settings)
    session.flush()
    session.expunge(clinic)
    cache: dict[str, tuple[float, Clinic]] = current_app.extensions.setdefault(
        "clinic_route_cache", {}
    )
    if len(cache) > 1000:
        cache.clear()
    cache[to_number] = (_time.monotonic() + ROUTE_CACHE_SECONDS, clinic)
    return clinic


def _parse_time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def clinic_info(clinic: Clinic) -> ClinicInfo:
    """The pure view of a clinic that `flows` works with."""
    hours = tuple(
        OpeningHours(weekday=int(day), opens=_parse_time(span[0]), closes=_parse_time(span[1]))
        for day, span in sorted((clinic.hours or DEFAULT_HOURS).items())
    )
    defaults = dict(ClinicInfo.__dataclass_fields__["response_minutes"].default)
    for name, minutes in (clinic.response_minutes or {}).items():
        defaults[Queue(name)] = int(minutes)
    return ClinicInfo(
        name=clinic.name,
        phone=clinic.phone,
        time_zone=clinic.time_zone,
        hours=hours,
        languages=tuple(clinic.languages or ("en",)),
        response_minutes=tuple(defaults.items()),
        portal_url=clinic.portal_url,
        forms_url=clinic.forms_url,
        telehealth_url=clinic.telehealth_url,
    )
