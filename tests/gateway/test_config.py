"""Start-up refuses unsafe production settings with one line naming the variable."""

import subprocess
import sys
from pathlib import Path

import pytest

from gateway import load_settings

PRODUCTION = {
    "gateway_env": "production",
    "secret_key": "a-real-random-secret-value",
    "twilio_account_sid": "AC" + "0" * 32,
    "twilio_auth_token": "token",
    "twilio_messaging_service_sid": "MG" + "1" * 32,
    "public_base_url": "https://sms.clinic.example/",
}


@pytest.mark.parametrize(
    ("change", "variable"),
    [
        ({"secret_key": "dev-only-not-secret"}, "SECRET_KEY"),
        ({"secret_key": "short"}, "SECRET_KEY"),
        ({"twilio_auth_token": ""}, "TWILIO_AUTH_TOKEN"),
        ({"twilio_account_sid": ""}, "TWILIO_ACCOUNT_SID"),
        ({"twilio_messaging_service_sid": ""}, "TWILIO_MESSAGING_SERVICE_SID"),
        ({"public_base_url": ""}, "PUBLIC_BASE_URL"),
        ({"proxy_count": "many"}, "PROXY_COUNT"),
    ],
)
def test_production_refuses_unsafe_settings_naming_the_variable(change, variable):
    with pytest.raises(SystemExit) as exit_info:
        load_settings({**PRODUCTION, **change})
    message = str(exit_info.value)
    assert variable in message and "\n" not in message


def test_production_settings_that_are_complete_start():
    settings = load_settings(PRODUCTION)
    assert settings.public_base_url == "https://sms.clinic.example"  # trailing slash dropped


def test_development_starts_with_defaults():
    assert load_settings({"gateway_env": "development"}).is_development


def test_cli_start_up_prints_one_line_for_a_missing_token(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "GATEWAY_ENV": "production",
        "SECRET_KEY": "a-real-random-secret-value",
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_FROM_NUMBER": "+12025550100",
        "PUBLIC_BASE_URL": "https://sms.clinic.example",
        "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
    }
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "gateway", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode != 0
    assert "TWILIO_AUTH_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def test_with_only_environment_variables_it_runs_as_one_default_clinic(tmp_path):
    """A first deployment: no clinic config, no seeded data, a signed text still works."""
    from sqlmodel import Session, select

    from gateway import create_app
    from gateway.db import create_tables
    from gateway.models import Clinic, Handoff
    from gateway.twilio.signature import sign_form

    app = create_app(
        {
            **PRODUCTION,
            "database_url": f"sqlite:///{tmp_path}/first.db",
            "twilio_api_base_url": "http://127.0.0.1:9",
        }
    )
    engine = app.extensions["gateway"].engine
    create_tables(engine)
    form = {
        "MessageSid": "SM" + "a" * 32,
        "From": "+12025550123",
        "To": "+12025550100",
        "Body": "I need a refill please",
    }
    signature = sign_form("https://sms.clinic.example/twilio/sms", form, "token")
    response = app.test_client().post(
        "/twilio/sms", data=form, headers={"X-Twilio-Signature": signature}
    )
    assert response.status_code == 200 and response.mimetype == "text/xml"
    from gateway.ingest import process_ready
    from gateway.models import utcnow

    with app.app_context():
        process_ready(engine=engine, now=utcnow())  # what the worker does next
    with Session(engine) as session:
        [clinic] = session.exec(select(Clinic)).all()
        assert clinic.hours  # weekday opening hours by default
        assert session.exec(select(Handoff)).one().queue == "refills"
    engine.dispose()
