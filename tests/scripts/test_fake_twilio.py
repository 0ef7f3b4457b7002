"""The fake Twilio server answers the official client the way Twilio does."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from gateway.twilio.sender import BaseUrlHttpClient
from scripts.fake_twilio import FakeTwilio
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID

ROOT = Path(__file__).resolve().parents[2]


def client_for(fake: FakeTwilio, token: str = AUTH_TOKEN) -> Client:
    return Client(ACCOUNT_SID, token, http_client=BaseUrlHttpClient(fake.base_url, timeout=5))


def test_create_and_fetch_a_message(fake_twilio):
    client = client_for(fake_twilio)

    created = client.messages.create(
        to="+12025550123",
        body="Reply C to confirm 👍",
        messaging_service_sid=MESSAGING_SERVICE_SID,
        status_callback="https://gateway.test/twilio/status?outbox_id=9",
    )
    fetched = client.messages(created.sid).fetch()

    assert re.fullmatch(r"SM[0-9a-f]{32}", created.sid)
    assert created.status == "accepted"  # Messaging Service, no From
    assert created.num_segments == "1"
    assert created.date_created is not None
    assert (fetched.sid, fetched.to, fetched.body) == (created.sid, "+12025550123", created.body)
    assert fake_twilio.messages[0]["StatusCallback"].endswith("outbox_id=9")


def test_wrong_credentials_get_twilios_401(fake_twilio):
    with pytest.raises(TwilioRestException) as raised:
        client_for(fake_twilio, token="wrong").messages.create(
            to="+12025550123", body="hi", from_="+12025550100"
        )

    assert (raised.value.status, raised.value.code) == (401, 20003)
    assert fake_twilio.messages == []


def test_injected_failure_hits_only_the_given_number(fake_twilio):
    client = client_for(fake_twilio)
    fake_twilio.fail_next(21610, 400, to="+12025550123")

    with pytest.raises(TwilioRestException) as raised:
        client.messages.create(to="+12025550123", body="hi", from_="+12025550100")
    other = client.messages.create(to="+12025550177", body="hi", from_="+12025550100")
    again = client.messages.create(to="+12025550123", body="hi", from_="+12025550100")

    assert (raised.value.status, raised.value.code) == (400, 21610)
    assert other.status == again.status == "queued"


def test_a_message_without_body_is_refused(fake_twilio):
    with pytest.raises(TwilioRestException) as raised:
        client_for(fake_twilio).messages.create(to="+12025550123", from_="+12025550100", body="")
    assert raised.value.code == 21602


def test_status_callbacks_are_signed_like_twilios(fake_twilio):
    created = client_for(fake_twilio).messages.create(
        to="+12025550123",
        body="hi",
        from_="+12025550100",
        status_callback="https://gateway.test/twilio/status?outbox_id=3",
    )

    url, form, signature = fake_twilio.status_callback(created.sid, "undelivered", 30006)

    assert RequestValidator(AUTH_TOKEN).validate(url, form, signature)
    assert form["MessageStatus"] == "undelivered" and form["ErrorCode"] == "30006"


def test_runs_standalone_with_a_listing(tmp_path):
    process = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(ROOT / "scripts" / "fake_twilio.py"),
            "--port",
            "0",
            "--account-sid",
            ACCOUNT_SID,
            "--auth-token",
            AUTH_TOKEN,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        line = process.stdout.readline()
        base_url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        listing = f"{base_url}/_fake/messages"
        with urllib.request.urlopen(listing, timeout=5) as response:  # noqa: S310 - local http
            assert json.load(response) == {"messages": []}
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


# ----------------------------------------------------------------------------- failure modes


def send_one(client: Client, to: str = "+12025550123", body: str = "hi"):
    return client.messages.create(to=to, body=body, from_="+12025550100")


@pytest.mark.parametrize(
    ("mode", "http_status", "code"),
    [("500", 500, 20500), ("429", 429, 20429), ("503", 503, 20503)],
)
def test_an_outage_for_a_number_of_calls_answers_twilios_error(
    fake_twilio, mode, http_status, code
):
    client = client_for(fake_twilio)
    fake_twilio.outage(mode, calls=2)

    for _ in range(2):
        with pytest.raises(TwilioRestException) as raised:
            send_one(client)
        assert (raised.value.status, raised.value.code) == (http_status, code)
    assert send_one(client).status == "queued"
    assert len(fake_twilio.messages) == 1


def test_an_outage_until_a_time_follows_the_fakes_clock(fake_twilio):
    client = client_for(fake_twilio)
    clock = {"now": 1_000.0}
    fake_twilio.clock = lambda: clock["now"]
    fake_twilio.outage("503", until=1_000.0 + 30 * 60)

    with pytest.raises(TwilioRestException):
        send_one(client)
    clock["now"] += 29 * 60
    with pytest.raises(TwilioException):
        client.messages.list(to="+12025550123")  # the log is down too
    clock["now"] += 60
    assert send_one(client).sid.startswith("SM")


def test_a_slow_answer_still_creates_the_message(fake_twilio):
    impatient = Client(
        ACCOUNT_SID, AUTH_TOKEN, http_client=BaseUrlHttpClient(fake_twilio.base_url, timeout=0.3)
    )
    fake_twilio.outage("slow", calls=1, slow_seconds=5)

    with pytest.raises(requests.Timeout):
        send_one(impatient, body="Call 911 now.")

    # Twilio has it although the client gave up: the log shows it.
    assert [m["Body"] for m in fake_twilio.messages] == ["Call 911 now."]
    [listed] = client_for(fake_twilio).messages.list(to="+12025550123")
    assert listed.body == "Call 911 now."


def test_down_refuses_connections_until_up(fake_twilio):
    client = client_for(fake_twilio)
    fake_twilio.down()
    try:
        with pytest.raises(requests.ConnectionError):
            send_one(client)
    finally:
        fake_twilio.up()
    assert send_one(client).status == "queued"


def test_the_message_log_filters_by_recipient_and_date_and_pages(fake_twilio):
    client = client_for(fake_twilio)
    clock = {"now": datetime(2025, 3, 4, 15, 0, tzinfo=UTC).timestamp()}
    fake_twilio.clock = lambda: clock["now"]
    send_one(client, body="old")
    clock["now"] += 3600
    for n in range(5):
        send_one(client, body=f"new {n}")
        clock["now"] += 1
    send_one(client, to="+12025550177", body="someone else")

    since = datetime(2025, 3, 4, 15, 30, tzinfo=UTC)
    listed = client.messages.list(to="+12025550123", date_sent_after=since, page_size=2)

    assert [m.body for m in listed] == [f"new {n}" for n in reversed(range(5))]  # newest first
    gets = [r for r in fake_twilio.requests if r["method"] == "GET"]
    assert len(gets) == 3  # three pages of two
    assert all(m.date_sent >= since for m in listed)
    assert [m.body for m in client.messages.list(to="+12025550177")] == ["someone else"]
