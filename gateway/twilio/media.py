"""Inbound MMS media: the URLs a webhook names, and fetching them from Twilio, safely.

A webhook's `MediaUrlN` is only a claim: we fetch it only from Twilio's API host (or the
configured `TWILIO_API_BASE_URL`, for the local fake), only for our own account, and follow at
most a few redirects, each to a Twilio media host (`*.twiliocdn.com`); the account credentials go
to the API host only, never to a redirect. The size is capped while reading, and the type must
be one we show (JPEG, PNG, GIF, PDF) both as declared and by its first bytes. Anything else is
refused: never a request to a host a payload names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

#: Twilio caps an MMS at 5 MB; a single item larger than that is not a patient's photo.
MAX_MEDIA_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 10
MAX_REDIRECTS = 3
TIMEOUT_SECONDS = 15
TWILIO_API_HOST = "api.twilio.com"
TWILIO_MEDIA_SUFFIX = ".twiliocdn.com"
ALLOWED_TYPES = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "application/pdf": (b"%PDF-",),
}
_MEDIA_PATH = re.compile(
    r"^/2010-04-01/Accounts/(?P<account>AC[0-9a-fA-F]{32})/Messages/MM\w+/Media/ME\w+$"
)


class MediaRefused(Exception):
    """Media we will not fetch or keep (the reason is safe to store: no PHI)."""


class MediaFailed(Exception):
    """A fetch that may work later (a timeout, a 5xx)."""


@dataclass(frozen=True)
class Fetched:
    content_type: str
    data: bytes


def media_from_form(form: Mapping[str, str]) -> list[tuple[str, str]]:
    """(url, declared content type) for each item the webhook names (at most MAX_ITEMS)."""
    try:
        count = int(form.get("NumMedia") or 0)
    except ValueError:
        return []
    items = []
    for index in range(min(max(count, 0), MAX_ITEMS)):
        url = (form.get(f"MediaUrl{index}") or "").strip()
        if url:
            items.append((url[:500], (form.get(f"MediaContentType{index}") or "")[:100]))
    return items


def _api_host(api_base_url: str) -> str:
    return urlsplit(api_base_url).netloc if api_base_url else TWILIO_API_HOST


def check_source(url: str, *, account_sid: str, api_base_url: str) -> None:
    """Refuse any URL that is not our account's media on the Twilio API host."""
    parts = urlsplit(url)
    if parts.netloc != _api_host(api_base_url):
        raise MediaRefused("not a Twilio media host")
    if not api_base_url and parts.scheme != "https":
        raise MediaRefused("not https")
    match = _MEDIA_PATH.match(parts.path)
    if match is None or match["account"] != account_sid:
        raise MediaRefused("not this account's media")


def _is_media_host(netloc: str) -> bool:
    host = netloc.split(":")[0].lower()
    return host.endswith(TWILIO_MEDIA_SUFFIX)


def download(
    url: str, *, declared_type: str, account_sid: str, auth_token: str, api_base_url: str = ""
) -> Fetched:
    """Fetch one item with the account's credentials; raise MediaRefused or MediaFailed."""
    declared = declared_type.split(";")[0].strip().lower()
    if declared not in ALLOWED_TYPES:
        raise MediaRefused(f"type not accepted: {declared[:40] or 'none'}")
    check_source(url, account_sid=account_sid, api_base_url=api_base_url)
    api_host = _api_host(api_base_url)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        netloc = urlsplit(current).netloc
        auth = (account_sid, auth_token) if netloc == api_host else None
        try:
            response = requests.get(
                current, auth=auth, allow_redirects=False, stream=True, timeout=TIMEOUT_SECONDS
            )
        except requests.RequestException as error:
            raise MediaFailed(type(error).__name__) from None
        with response:
            if response.status_code in (301, 302, 303, 307, 308):
                target = urljoin(current, response.headers.get("Location", ""))
                target_netloc = urlsplit(target).netloc
                if target_netloc != api_host and not _is_media_host(target_netloc):
                    raise MediaRefused("redirect to a host that is not Twilio's")
                current = target
                continue
            if response.status_code >= 500 or response.status_code == 429:
                raise MediaFailed(f"http {response.status_code}")
            if response.status_code != 200:
                raise MediaRefused(f"http {response.status_code}")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_MEDIA_BYTES:
                raise MediaRefused("too large")
            served = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if served != declared:
                raise MediaRefused("served type differs from the declared one")
            data = bytearray()
            try:
                for chunk in response.iter_content(64 * 1024):
                    data += chunk
                    if len(data) > MAX_MEDIA_BYTES:
                        raise MediaRefused("too large")
            except requests.RequestException as error:
                raise MediaFailed(type(error).__name__) from None
            if not any(bytes(data).startswith(magic) for magic in ALLOWED_TYPES[declared]):
                raise MediaRefused("content is not the declared type")
            return Fetched(content_type=declared, data=bytes(data))
    raise MediaRefused("too many redirects")
