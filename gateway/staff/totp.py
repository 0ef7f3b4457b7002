"""RFC 6238 time-based one-time passwords (the second factor): SHA-1, 6 digits, 30 s steps.

Small enough to read in one go, and checked against the RFC's own test vectors. A code is
accepted for the current step and one step either side (clock drift), and never twice.
"""

from __future__ import annotations

import base64
import hmac
import secrets
import struct
from datetime import datetime
from urllib.parse import quote

STEP_SECONDS = 30
DIGITS = 6
DRIFT_STEPS = 1


def new_secret() -> str:
    """A fresh 160-bit secret, base32 without padding (what authenticator apps expect)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, digits: int = DIGITS, digest: str = "sha1") -> str:
    """RFC 4226: the code for one counter value."""
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def step_at(moment: datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def code_at(secret: str, moment: datetime) -> str:
    """The code an authenticator app shows at `moment`."""
    return hotp(_key(secret), step_at(moment))


def verify(secret: str, code: str, *, now: datetime, last_step: int | None) -> int | None:
    """The accepted time step, or None: a wrong code, or one already used (a replay)."""
    code = (code or "").strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    key = _key(secret)
    current = step_at(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def provisioning_uri(secret: str, *, email: str, issuer: str) -> str:
    """The otpauth:// URI an authenticator app reads (typed in, or as a QR code)."""
    label = quote(f"{issuer}:{email}")
    return f"otpauth://totp/{label}?secret={secret}&issuer={quote(issuer)}&digits={DIGITS}&period={STEP_SECONDS}"


# ----------------------------------------------------------------------------- secrets at rest
#
# A TOTP secret is as good as a password to whoever reads the database or a backup, so it is
# stored sealed: encrypted and authenticated with keys derived from SECRET_KEY. Only the standard
# library is used (the lock has no `cryptography`): HKDF-SHA256 (RFC 5869) derives two keys, HMAC-
# SHA256 in counter mode is the keystream (a PRF, so this is a stream cipher), and HMAC-SHA256 over
# the version, nonce and ciphertext is the tag (encrypt-then-MAC). A new random nonce per seal.
# Changing SECRET_KEY makes sealed secrets unreadable: those people enrol again.

SEAL_VERSION = "v1"
NONCE_BYTES = 16
TAG_BYTES = 32


def _hkdf(key_material: bytes, info: bytes, length: int = 32) -> bytes:
    """RFC 5869 HKDF-SHA256 with a fixed salt (the input is already a high-entropy secret)."""
    prk = hmac.new(b"gateway.staff.totp", key_material, "sha256").digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), "sha256").digest()
        out += block
        counter += 1
    return out[:length]


def _keys(secret_key: str) -> tuple[bytes, bytes]:
    material = secret_key.encode()
    return _hkdf(material, b"totp-encrypt-v1"), _hkdf(material, b"totp-authenticate-v1")


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (
        hmac.new(key, nonce + struct.pack(">I", i), "sha256").digest()
        for i in range((length + 31) // 32)
    )
    return b"".join(blocks)[:length]


def seal(secret: str, *, secret_key: str) -> str:
    """The secret encrypted and authenticated for storage ("v1." + base64url)."""
    enc_key, mac_key = _keys(secret_key)
    plain = secret.encode("ascii")
    nonce = secrets.token_bytes(NONCE_BYTES)
    cipher = bytes(
        a ^ b for a, b in zip(plain, _keystream(enc_key, nonce, len(plain)), strict=True)
    )
    tag = hmac.new(mac_key, SEAL_VERSION.encode() + nonce + cipher, "sha256").digest()
    body = base64.urlsafe_b64encode(nonce + cipher + tag).decode("ascii").rstrip("=")
    return f"{SEAL_VERSION}.{body}"


def unseal(sealed: str, *, secret_key: str) -> str:
    """The secret back; ValueError when it was changed, made with another key, or never sealed."""
    version, _, body = (sealed or "").partition(".")
    if version != SEAL_VERSION or not body:
        raise ValueError("not a sealed TOTP secret")
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        raise ValueError("not a sealed TOTP secret") from None
    if len(raw) <= NONCE_BYTES + TAG_BYTES:
        raise ValueError("not a sealed TOTP secret")
    nonce, cipher, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
    enc_key, mac_key = _keys(secret_key)
    expected = hmac.new(mac_key, SEAL_VERSION.encode() + nonce + cipher, "sha256").digest()
    if not hmac.compare_digest(tag, expected):
        raise ValueError("the sealed TOTP secret does not authenticate")
    plain = bytes(
        a ^ b for a, b in zip(cipher, _keystream(enc_key, nonce, len(cipher)), strict=True)
    )
    return plain.decode("ascii")
