"""Property: whatever JSON (or not-JSON) a practice system posts to the reminders API, it answers
200 with a summary and per-row errors, or a 4xx naming the problem, never a 500; a 4xx stores
nothing. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.models import Appointment, Contact, Patient, Reminder
from gateway.reminders.api import create_api_key
from tests.gateway.reminders.conftest import COLUMNS, row

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
hostile = st.one_of(
    texts,
    st.tuples(texts, texts).map(lambda p: f"{p[0]}\x00{p[1]}"),
    st.sampled_from(
        ["<script>alert(1)</script>", "'; DROP TABLE appointment; --", "x" * 5000, "²³", "9" * 400]
    ),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
)
json_values = st.recursive(
    hostile, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3)
)
record = st.one_of(
    st.builds(
        lambda base, changes: {**base, **changes},
        st.builds(row),
        st.dictionaries(st.sampled_from(COLUMNS), hostile, max_size=4),
    ),
    st.dictionaries(texts, json_values, max_size=4),
    json_values,
)
bundle = st.builds(
    lambda entries: {"resourceType": "Bundle", "entry": entries},
    st.lists(
        st.one_of(
            json_values,
            st.builds(
                lambda rtype, fields: {"resource": {"resourceType": rtype, **fields}},
                st.sampled_from(["Appointment", "Patient"]),
                st.dictionaries(
                    st.sampled_from(
                        ["id", "start", "participant", "name", "telecom", "status", "extension"]
                    ),
                    json_values,
                    max_size=4,
                ),
            ),
        ),
        max_size=4,
    ),
)
payloads = st.one_of(
    st.builds(lambda rows: {"appointments": rows}, st.lists(record, max_size=4)),
    bundle,
    json_values,
)
bodies = st.one_of(
    payloads.map(lambda p: json.dumps(p).encode()),
    st.binary(max_size=60),
    st.just(b"[" * 5000 + b"]" * 5000),  # deeper than the JSON parser recurses
    st.just(b'{"appointments": [{"phone": "\\u0000"}]}'),
)

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def counts(session) -> tuple[int, ...]:
    session.expire_all()
    return tuple(
        session.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
        for t in (Appointment, Patient, Contact, Reminder)
    )


@PROPERTY
@given(body=bodies, content_type=st.sampled_from(["application/json", "text/plain"]))
def test_import_never_fails_on_any_body(client, session, clinic, body, content_type):
    key = create_api_key(session=session, clinic=clinic)
    session.commit()
    before = counts(session)

    response = client.post(
        "/api/v1/appointments",
        data=body,
        content_type=content_type,
        headers={"Authorization": f"Bearer {key}"},
    )

    assert response.status_code in (200, 400, 413), response.get_data(as_text=True)[:300]
    answer = response.get_json()
    if response.status_code == 200:
        assert set(answer) >= {"created", "errors", "summary"}
    else:
        assert answer["error"]
        assert counts(session) == before


@PROPERTY
@given(
    since=st.one_of(
        texts,
        st.datetimes().map(lambda d: d.isoformat()),
        st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "a\x00b"]),
    ),
    fmt=st.one_of(st.just("csv"), texts),
)
def test_changes_never_fail_on_any_since(client, session, clinic, since, fmt):
    key = create_api_key(session=session, clinic=clinic)
    session.commit()

    response = client.get(
        "/api/v1/appointments/changes",
        query_string={"since": since, "format": fmt},
        headers={"Authorization": f"Bearer {key}"},
    )

    assert response.status_code in (200, 400), response.get_data(as_text=True)[:300]
    if response.status_code == 400:
        assert response.get_json()["error"]


def test_a_nul_byte_in_an_import_is_refused_and_nothing_is_stored(client, session, clinic):
    key = create_api_key(session=session, clinic=clinic)
    session.commit()
    before = counts(session)

    response = client.post(
        "/api/v1/appointments",
        json={"appointments": [row(), row(appointment_id="A2", first_name="Ana\x00")]},
        headers={"Authorization": f"Bearer {key}"},
    )

    assert response.status_code == 400
    assert "NUL" in response.get_json()["error"] and "row 2" in response.get_json()["error"]
    assert counts(session) == before
