"""Settings, read from the environment once in `create_app` and validated there.

Outside development (`GATEWAY_ENV` is not `development` or `test`), start-up refuses a default
`SECRET_KEY`, a missing `TWILIO_AUTH_TOKEN` or account SID, a missing sender, and a missing
`PUBLIC_BASE_URL`, each with one line naming the variable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "dev-only-not-secret"  # noqa: S105 - refused outside development


class ConfigError(RuntimeError):
    """A setting that stops start-up; the message names the variable."""


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def is_local_url(url: str) -> bool:
    """True for an empty URL or one on this machine (the development simulator's only home)."""
    if not url:
        return True
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "") in LOCAL_HOSTS


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    gateway_env: Literal["development", "test", "production"] = "production"
    database_url: str = "sqlite:///instance/gateway.db"
    secret_key: str = DEFAULT_SECRET
    public_base_url: str = ""
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_messaging_service_sid: str = ""
    twilio_from_number: str = ""
    #: Point the official client at a Twilio-compatible server (tests, demo, sandboxes).
    twilio_api_base_url: str = ""
    #: Twilio's Advanced Opt-Out answers STOP/START/HELP itself by default; then we record the
    #: keyword but send no second confirmation. Plain-language opt-outs are always confirmed by us.
    twilio_handles_keywords: bool = True
    #: A clinic config file (TOML). Without one, the gateway runs as one clinic with defaults.
    clinic_config: Path | None = None
    #: How many proxies sit in front of the app (for ProxyFix); 0 trusts no X-Forwarded-* header.
    proxy_count: int = Field(default=0, ge=0, le=5)
    log_level: str = "INFO"
    #: At most this many texts a second from each worker's outbox pass (0: as fast as Twilio
    #: takes them); set it to the sender's Twilio throughput. Emergency guidance never waits.
    send_rate_per_second: float = Field(default=0, ge=0, le=10_000)
    #: REST calls each worker's outbox may have in flight at once: Twilio's API answers in
    #: about 0.1-0.3 s, so one at a time caps a worker at a few texts a second.
    send_concurrency: int = Field(default=8, ge=1, le=64)
    #: Texts a second arriving at which a worker counts it a burst (gateway.ingest.loop).
    ingest_burst_rate: float = Field(default=20, ge=1, le=100_000)
    #: The share of one core a worker spends on routine messages during a burst, so the web
    #: processes on the same machine answer Twilio in time; emergencies never wait. 1 for
    #: workers on machines of their own.
    ingest_burst_share: float = Field(default=0.25, gt=0, le=1)
    #: A burst that lasts longer than this is the load itself, not a burst: the worker stops
    #: resting, so routine replies never lag without bound (add workers or cores instead).
    ingest_burst_max_seconds: float = Field(default=60, gt=0, le=3600)
    # --- staff app (gateway/staff/) ---
    #: Minutes without a request before a staff session ends (the queue's polling does not count).
    staff_idle_minutes: int = Field(default=30, ge=1, le=720)
    #: Minutes an emergency may stay unopened by staff before the next on-call number is paged.
    staff_ack_minutes: int = Field(default=5, ge=1, le=120)
    #: The next on-call numbers (comma-separated E.164), paged one per round while an emergency
    #: stays unopened; without them the clinic's on-call numbers are paged again.
    staff_escalation_numbers: str = ""
    #: Days the clinic is closed (comma-separated ISO dates): not business days for aging.
    staff_holidays: str = ""
    #: Where MMS photos are kept: outside the web root, served only to staff allowed to see them.
    staff_media_dir: Path = Path("instance/media")

    #: How long a SQLite writer waits for another's lock before the webhook answers 503.
    sqlite_busy_timeout_ms: int = Field(default=10_000, ge=0, le=60_000)
    #: Countries (ISO codes, comma-separated; "*" = any) whose valid numbers get automated
    #: texts; others are handed to a person without one (the SMS-pumping guard).
    reply_countries: str = "US,CA,PR,VI,GU,AS,MP"
    #: At most this many automated texts an hour to one number (emergency guidance excepted).
    max_replies_per_hour: int = Field(default=10, ge=1, le=1000)
    #: Serve Prometheus metrics at /metrics to `Authorization: Bearer <token>`; unset: off.
    metrics_token: str = ""

    @field_validator("public_base_url", "twilio_api_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def reply_country_codes(self) -> frozenset[str]:
        return frozenset(c.strip().upper() for c in self.reply_countries.split(",") if c.strip())

    @property
    def is_development(self) -> bool:
        return self.gateway_env in ("development", "test")

    def check(self) -> None:
        """Refuse to start on settings that would be unsafe or broken in production."""
        if self.gateway_env == "development" and not is_local_url(self.public_base_url):
            # Development serves the patient simulator (patients, messages, the queue) with no
            # login: a deployment that sets GATEWAY_ENV=development by mistake must not start.
            raise ConfigError(
                "GATEWAY_ENV=development serves the simulator without a login: PUBLIC_BASE_URL "
                "must be local (http://127.0.0.1:<port>) or GATEWAY_ENV must be production"
            )
        if self.is_development:
            return
        if not self.secret_key or self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 16:
            raise ConfigError("SECRET_KEY must be set to a random value of 16+ characters")
        if not self.twilio_account_sid:
            raise ConfigError("TWILIO_ACCOUNT_SID must be set")
        if not self.twilio_auth_token:
            raise ConfigError("TWILIO_AUTH_TOKEN must be set")
        if not (self.twilio_messaging_service_sid or self.twilio_from_number):
            raise ConfigError("TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM_NUMBER must be set")
        if not self.public_base_url.startswith(("https://", "http://")):
            raise ConfigError(
                "PUBLIC_BASE_URL must be set to the URL Twilio calls, e.g. https://..."
            )
