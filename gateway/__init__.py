"""The clinic SMS and voice gateway: `create_app` builds the Flask app.

`flask --app gateway <command>` finds `create_app` here; gunicorn runs `gateway:create_app()`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from flask import Flask
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from gateway.config import ConfigError, Settings

logger = logging.getLogger(__name__)

MAX_REQUEST_BYTES = 64 * 1024


@dataclass
class Gateway:
    """What the app holds besides Flask: settings, the engine, the outbound sender and caller."""

    settings: Settings
    engine: Engine
    sender: Any  # gateway.sending.Sender | None
    caller: Any = None  # gateway.sending.Caller | None: reminder calls to landlines
    pacer: Any = None  # gateway.sending.Pacer: this process's send rate (SEND_RATE_PER_SECOND)


def load_settings(settings: Settings | dict[str, Any] | None) -> Settings:
    """Validated settings, or exit with one line naming the variable at fault."""
    from pydantic import ValidationError

    try:
        if settings is None:
            settings = Settings()
        elif isinstance(settings, dict):
            settings = Settings(**settings)
        settings.check()
    except ConfigError as error:
        raise SystemExit(f"configuration error: {error}") from None
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise SystemExit(f"configuration error: {name}: {first['msg']}") from None
    return settings


def create_app(settings: Settings | dict[str, Any] | None = None) -> Flask:
    """Build the app. The only place that reads the environment or builds the engine."""
    from gateway import cli, db, logs
    from gateway.sending import Pacer
    from gateway.twilio import bp as twilio_bp
    from gateway.twilio.calls import make_caller
    from gateway.twilio.sender import make_sender

    settings = load_settings(settings)
    logs.configure(settings.log_level)

    app = Flask(__name__, instance_relative_config=True)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        # Twilio's largest form (1,600 characters, percent-encoded, plus media URLs) is ~25 KB.
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        TESTING=settings.gateway_env == "test",
    )
    if settings.proxy_count:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app,
            x_for=settings.proxy_count,
            x_proto=settings.proxy_count,
            x_host=settings.proxy_count,
        )

    engine = db.make_engine(
        settings.database_url, sqlite_busy_timeout_ms=settings.sqlite_busy_timeout_ms
    )
    app.extensions["gateway"] = Gateway(
        settings=settings,
        engine=engine,
        sender=make_sender(settings),
        caller=make_caller(settings),
        pacer=Pacer(settings.send_rate_per_second),
    )
    db.init_app(app)
    app.register_blueprint(twilio_bp)
    from gateway.staff import bp as staff_bp

    app.register_blueprint(staff_bp)
    from gateway.reminders.api import bp as reminders_api_bp  # reminders: the sync JSON API

    app.register_blueprint(reminders_api_bp)
    from gateway.ingest.ops import bp as ops_bp

    app.register_blueprint(ops_bp)
    if settings.is_development:
        from gateway.simulator import bp as simulator_bp

        app.register_blueprint(simulator_bp)
    cli.init_app(app)

    if settings.gateway_env == "production":
        warm_up()

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def warm_up() -> None:
    """Load the language detector, the triage second opinion's weights and every catalog now,
    so the first patient's text after a deploy is not the one that waits a second for them."""
    from flows.triage import second_opinion
    from flows.triage.language import detector
    from gateway.i18n import SHIPPED_LANGUAGES, translations

    detector()
    second_opinion.model()
    for lang in SHIPPED_LANGUAGES:
        translations(lang)


def gateway_of(app: Flask) -> Gateway:
    return app.extensions["gateway"]
