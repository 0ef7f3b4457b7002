"""The offline triage audit: replay messages through the webhook's own decision code.

Input is JSON Lines, one object per message: `id`, `text`, and optionally `channel`
("sms" | "voicemail"), `context` (the last automated message: "appointment_reminder",
"form_reminder", "telehealth_prep") and `lang` (the patient's stored language, used as a real
patient's would be: for bare codes like "C" and for the reply language). Output is one JSON line
per message: `id`, `intent`, `handoff`, `emergency`, `upset`, `lang`, `reply` (the exact text
the patient would get, several texts joined by a blank line; null when the bot stays silent).
A line that cannot be read gets `{"id": ..., "error": "..."}` and the rest go on.

Nothing is written to the database: `gateway.conversations.decide` is pure.

Which clinic and patient the replay assumes (say so when you quote its figures):

- the clinic is the database's first clinic, else the `CLINIC_CONFIG` file, else the demo clinic
  (`gateway.demo`: weekday hours, portal, forms and video links configured), so link requests
  are measured as a set-up clinic would answer them;
- each message comes from a known patient with no open handoff; with `--eval` (or an input
  `appointment_at` ISO time) that patient has one upcoming visit, two days after `--now`, so a
  "cancel my appointment" is measured as the webhook answers a patient whose visit is on file;
- with `--eval`, gold `lang` labels are NOT given to the classifier (they describe the message,
  not the patient), so language accuracy is honest. Timings are per message after a full warm
  pass (the language detector and the catalogs load once per process), each the fastest of
  three runs, as `timeit` measures, so a busy machine does not pass for slow code.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import IO, Any

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from flows.types import Awaiting, Channel, ClinicInfo, Inbound, OpenHandoff, Situation
from gateway.clinic import clinic_info, load_clinic_file
from gateway.conversations import decide
from gateway.demo import DEMO_CLINIC_NUMBER, clinic_data
from gateway.models import Clinic

#: In `--eval`, each message is timed this many times and its fastest run kept.
TIMING_REPEAT = 3
#: In `--eval`, each patient's one upcoming visit is this long after `--now`.
EVAL_VISIT_AFTER = timedelta(days=2)


def audit_clinic(app: Flask) -> ClinicInfo:
    """The clinic replies are worded for: the stored one, the configured one, or the demo's."""
    settings = app.extensions["gateway"].settings
    try:
        with Session(app.extensions["gateway"].engine) as session:
            clinic = session.exec(select(Clinic).order_by(Clinic.id)).first()
            if clinic is not None:
                return clinic_info(clinic)
    except SQLAlchemyError:
        pass  # no database yet: the audit still works
    if settings.clinic_config:
        data = load_clinic_file(settings.clinic_config)
    else:
        data = clinic_data(DEMO_CLINIC_NUMBER)
    fields = {k: v for k, v in data.items() if k in Clinic.model_fields and k != "locations"}
    return clinic_info(Clinic(**fields))


def audit_one(item: dict[str, Any], *, clinic: ClinicInfo, now: datetime) -> dict[str, Any]:
    """Decide one message exactly as the webhook would for a patient with no open handoff."""
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    channel = Channel(item.get("channel") or "sms")
    context = item.get("context")
    appointment_at = item.get("appointment_at")
    situation = Situation(
        language=item.get("lang"),
        awaiting=Awaiting(context) if context else None,
        appointment_at=datetime.fromisoformat(appointment_at) if appointment_at else None,
    )
    decision = decide(inbound=Inbound(text, channel), situation=situation, clinic=clinic, now=now)
    outcome = decision.outcome
    triage = outcome.triage
    handoff = next(
        (str(e.note.queue) for e in outcome.effects if isinstance(e, OpenHandoff)), "none"
    )
    return {
        "id": item.get("id"),
        "intent": str(triage.intent) if triage else None,
        "handoff": handoff,
        "emergency": str(triage.emergency) if triage and triage.emergency else None,
        "upset": bool(triage.is_upset) if triage else False,
        "lang": triage.lang if triage else None,
        "reply": "\n\n".join(text for _, text in decision.texts) or None,
    }


def _timed(
    item: dict[str, Any], *, clinic: ClinicInfo, now: datetime, repeat: int
) -> tuple[dict[str, Any], float]:
    """The audit of one message and its fastest time over `repeat` runs (timeit's rule: the
    minimum is the message's own cost; the rest is other work on a shared machine)."""
    best = float("inf")
    result: dict[str, Any] = {}
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = audit_one(item, clinic=clinic, now=now)
        best = min(best, time.perf_counter() - started)
    return result, best


def audit_lines(
    lines: Iterable[str],
    *,
    clinic: ClinicInfo,
    now: datetime,
    use_lang: bool = True,
    repeat: int = 1,
) -> Iterable[dict[str, Any]]:
    """One result (or error) per non-blank input line, with the time it took in `ms`."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("each line must be a JSON object")
            if not use_lang:
                item = {k: v for k, v in item.items() if k != "lang"}
            result, seconds = _timed(item, clinic=clinic, now=now, repeat=repeat)
            result["ms"] = seconds * 1000
        except (ValueError, TypeError) as error:
            ident = item.get("id") if isinstance(item, dict) else None
            result = {"id": ident, "line": number, "error": str(error)}
        yield result


def run_audit(app: Flask, source: IO[str], sink: IO[str], *, now: datetime) -> None:
    """Read JSON Lines from `source`, write one JSON line per message to `sink`."""
    clinic = audit_clinic(app)
    for result in audit_lines(source, clinic=clinic, now=now):
        result.pop("ms", None)
        sink.write(json.dumps(result, ensure_ascii=False) + "\n")
        sink.flush()


def run_eval(app: Flask, path: str, *, now: datetime) -> str:
    """Score the audit on a labelled file (SCHEMA.md fields) and return the printed report."""
    from flows.triage.evaluate import evaluate, format_report

    with open(path, encoding="utf-8") as handle:
        lines = handle.readlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    clinic = audit_clinic(app)
    visit = (now + EVAL_VISIT_AFTER).isoformat()
    replay = [
        json.dumps({**item, "appointment_at": item.get("appointment_at") or visit}) for item in gold
    ]
    # One full warm pass first (the language detector and each catalog load once).
    list(audit_lines(replay, clinic=clinic, now=now, use_lang=False))
    predicted = list(
        audit_lines(replay, clinic=clinic, now=now, use_lang=False, repeat=TIMING_REPEAT)
    )
    return format_report(evaluate(gold, predicted))
