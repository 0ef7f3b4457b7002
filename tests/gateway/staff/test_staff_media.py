"""MMS photos: fetched from Twilio only, checked, kept outside the web root, shown to allowed staff."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from gateway.models import Handoff, MessageMedia
from gateway.twilio.media import MediaRefused, check_source
from tests.conftest import ACCOUNT_SID, PATIENT_NUMBER

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


@pytest.fixture
def settings_overrides(tmp_path):
    return {"staff_media_dir": tmp_path / "media"}


@pytest.fixture
def other_host():
    """A server that is not Twilio; it counts every request it gets (it must get none)."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def mms(send_sms, url: str, content_type: str, body: str = "here is my insurance card"):
    return send_sms(body, NumMedia="1", MediaUrl0=url, MediaContentType0=content_type)


def media_rows(session) -> list[MessageMedia]:
    session.expire_all()
    return list(session.execute(sa.select(MessageMedia)).scalars())


def test_a_photo_is_fetched_kept_outside_the_web_root_and_shown_to_allowed_staff(
    send_sms, run_worker, fake_twilio, session, signed_in, app, tmp_path
):
    url = fake_twilio.add_media(PNG, "image/png")
    assert mms(send_sms, url, "image/png").status_code == 200
    run_worker()

    [item] = media_rows(session)
    assert item.status == "stored" and item.size_bytes == len(PNG)
    stored = Path(tmp_path / "media" / item.sha256[:2] / item.sha256)
    assert stored.read_bytes() == PNG
    static = Path(app.root_path).resolve()
    assert static not in stored.resolve().parents
    # The patient still got the usual acknowledgement.
    assert [m for m in fake_twilio.messages if m["To"] == PATIENT_NUMBER]

    handoff = session.execute(sa.select(Handoff).order_by(Handoff.id.desc())).scalars().first()
    assert handoff.queue == "billing"  # an insurance card
    biller = signed_in("billing")
    page = biller.get(f"/staff/handoffs/{handoff.id}")
    assert f'src="/staff/media/{item.id}"' in page.get_data(as_text=True)
    image = biller.get(f"/staff/media/{item.id}")
    assert image.status_code == 200 and image.data == PNG
    assert image.mimetype == "image/png"
    assert "sandbox" in image.headers["Content-Security-Policy"]

    nurse = signed_in("clinical")
    assert nurse.get(f"/staff/media/{item.id}").status_code == 403


def test_media_on_another_host_is_never_fetched(send_sms, run_worker, session, other_host):
    base, hits = other_host
    url = f"{base}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MMx/Media/MEx"

    mms(send_sms, url, "image/png")
    run_worker()

    [item] = media_rows(session)
    assert item.status == "refused" and item.error == "not a Twilio media host"
    assert hits == []


def test_a_redirect_away_from_twilio_is_not_followed(
    send_sms, run_worker, fake_twilio, session, other_host
):
    base, hits = other_host
    url = fake_twilio.add_media(b"", "image/png", redirect_to=f"{base}/stolen.png")

    mms(send_sms, url, "image/png")
    run_worker()

    [item] = media_rows(session)
    assert item.status == "refused" and "redirect" in item.error
    assert hits == []


@pytest.mark.parametrize(
    ("data", "declared", "served", "reason"),
    [
        (
            b"<html><script>alert(1)</script></html>",
            "image/png",
            "image/png",
            "not the declared type",
        ),
        (PNG, "text/html", "text/html", "type not accepted"),
        (PNG, "image/png", "image/jpeg", "served type differs"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (5 * 1024 * 1024), "image/png", "image/png", "too large"),
    ],
)
def test_wrong_type_or_too_big_is_refused(
    send_sms, run_worker, fake_twilio, session, data, declared, served, reason, tmp_path
):
    url = fake_twilio.add_media(data, served)

    mms(send_sms, url, declared)
    run_worker()

    [item] = media_rows(session)
    assert item.status == "refused" and reason in item.error
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*"))


def test_only_this_accounts_media_paths_on_the_api_host():
    good = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/MM1/Media/ME1"
    check_source(good, account_sid=ACCOUNT_SID, api_base_url="")
    for bad in (
        good.replace("https://", "http://"),
        good.replace("api.twilio.com", "api.twilio.com.evil.example"),
        good.replace(ACCOUNT_SID, "AC" + "f" * 32),
        "https://api.twilio.com/2010-04-01/Accounts/../../etc/passwd",
    ):
        with pytest.raises(MediaRefused):
            check_source(bad, account_sid=ACCOUNT_SID, api_base_url="")
