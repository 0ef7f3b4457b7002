"""Operations: `stats --json`, `/metrics` behind METRICS_TOKEN, and the simulator kept local."""

from __future__ import annotations

import json

import pytest

from gateway import create_app
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, CLINIC_NUMBER

TOKEN = "metrics-token-0123456789"


def test_stats_prints_one_json_line_with_the_backlog(send_sms, runner):
    send_sms("I need a refill please")  # processed: an open refills handoff, a reply queued
    send_sms("what's the portal link", from_="+12025550188", process=False)  # still stored only

    result = runner.invoke(args=["stats", "--json"])

    assert result.exit_code == 0, result.output
    [line] = result.output.strip().splitlines()
    stats = json.loads(line)
    assert stats["inbound_total"] == 2 and stats["inbound_unprocessed"] == 1
    assert stats["outbox_unsent"] == 1
    assert stats["oldest_unprocessed_seconds"] >= 0
    assert stats["handoffs_open_by_queue"] == {"refills": 1}


def test_metrics_are_off_without_a_token(client):
    assert client.get("/metrics").status_code == 404


@pytest.mark.parametrize("settings_overrides", [{"metrics_token": TOKEN}])
def test_metrics_need_the_bearer_token_and_expose_the_backlog(client, send_sms):
    send_sms("I need a refill please")
    send_sms("my chest is crushing and my arm is numb", from_="+12025550188")
    send_sms("hello", from_="+12025550189", process=False)

    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 403
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert 'gateway_inbound_total{channel="sms"} 3.0' in text
    assert "gateway_inbound_unprocessed 1.0" in text
    assert 'gateway_handoffs_open{queue="refills"} 1.0' in text
    assert 'gateway_handoffs_open{queue="emergency"} 1.0' in text
    assert "gateway_handoffs_overdue" in text and "gateway_outbox_unsent" in text
    assert "gateway_oldest_unprocessed_seconds" in text


def development(public_base_url: str, tmp_path):
    return create_app(
        {
            "gateway_env": "development",
            "database_url": f"sqlite:///{tmp_path / 'dev.db'}",
            "public_base_url": public_base_url,
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": AUTH_TOKEN,
            "twilio_from_number": CLINIC_NUMBER,
            "clinic_config": None,
        }
    )


@pytest.mark.parametrize("url", ["https://sms.clinic.example", "http://10.0.0.5:5000"])
def test_development_mode_refuses_to_start_on_a_public_url(url, tmp_path):
    with pytest.raises(SystemExit, match="PUBLIC_BASE_URL must be local"):
        development(url, tmp_path)


def test_the_simulator_answers_only_this_machine(tmp_path):
    from gateway.db import create_tables

    app = development("http://127.0.0.1:5100", tmp_path)
    create_tables(app.extensions["gateway"].engine)
    try:
        local = app.test_client().get("/simulator/")
        remote = app.test_client().get("/simulator/", environ_base={"REMOTE_ADDR": "203.0.113.9"})
        assert local.status_code == 200
        assert remote.status_code == 404
    finally:
        app.extensions["gateway"].engine.dispose()
