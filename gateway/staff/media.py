"""MMS photos: recorded from the webhook, fetched by the worker, shown only to allowed staff.

`record_media` stores the URLs an inbound MMS names (the webhook does nothing slower than a
few inserts); `fetch_pending_media`, in the worker's tick, downloads each through
`gateway.twilio.media.download` (Twilio hosts only, credentials to the API host only, size and
type checked) and writes it under `STAFF_MEDIA_DIR`, outside the web root, named by its SHA-256.
Staff see it at `/staff/media/<id>` only when their role may open the conversation.
"""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from gateway.models import MediaStatus, MessageMedia

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def record_media(*, session: Session, message_id: int, media: list[tuple[str, str]]) -> None:
    """Store the media an inbound message names (pending) and commit; a retry adds nothing."""
    if not media:
        return
    for position, (url, declared) in enumerate(media):
        session.add(
            MessageMedia(
                message_id=message_id, position=position, source_url=url, declared_type=declared
            )
        )
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
    except Exception as error:  # noqa: BLE001 - the text itself must still be processed
        session.rollback()
        logger.error("recording media of message %s failed: %s", message_id, type(error).__name__)


def media_path(settings, sha256: str) -> Path:
    return Path(settings.staff_media_dir) / sha256[:2] / sha256


def _store(settings, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    path = media_path(settings, digest)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        os.chmod(temporary, 0o600)
        temporary.replace(path)
    return digest


def fetch_pending_media(*, engine: Engine, settings, now: datetime) -> int:
    """Download every pending item; returns how many were stored."""
    from gateway.twilio.media import MediaFailed, MediaRefused, download

    stored = 0
    with Session(engine, expire_on_commit=False) as session:
        pending = session.exec(
            select(MessageMedia).where(MessageMedia.status == MediaStatus.PENDING).limit(20)
        ).all()
        for item in pending:
            item.attempts += 1
            try:
                fetched = download(
                    item.source_url,
                    declared_type=item.declared_type,
                    account_sid=settings.twilio_account_sid,
                    auth_token=settings.twilio_auth_token,
                    api_base_url=settings.twilio_api_base_url,
                )
            except MediaRefused as refused:
                item.status = MediaStatus.REFUSED
                item.error = str(refused)[:200]
                logger.warning(
                    "media %s of message %s refused: %s", item.id, item.message_id, refused
                )
            except MediaFailed as failed:
                item.error = str(failed)[:200]
                if item.attempts >= MAX_ATTEMPTS:
                    item.status = MediaStatus.FAILED
                logger.warning(
                    "media %s fetch failed (%s), attempt %s", item.id, failed, item.attempts
                )
            else:
                item.sha256 = _store(settings, fetched.data)
                item.content_type = fetched.content_type
                item.size_bytes = len(fetched.data)
                item.status = MediaStatus.STORED
                item.fetched_at = now
                item.error = None
                stored += 1
            session.add(item)
            session.commit()
    return stored
