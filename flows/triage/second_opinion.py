"""A second opinion on urgency: a small linear model that may only raise what the rules decided.

The rules (`emergency.py`, `intent.py`) know the phrasings their lists hold. This model reads the
same normalised text as hashed character n-grams (2-5 characters, across word boundaries, so it
sees inside Chinese, Korean and Vietnamese words) and word unigrams and bigrams, and gives three
logistic scores, trained by `scripts/train_second_opinion.py` on the labelled rounds:

- `emergency`: a possibly life-threatening situation now (the schema's `emergency` is set);
- `clinical`: a nurse must look (handoff `emergency` or `clinical`);
- `mental_health`: of the emergencies, the 988 kind rather than the 911 kind.

`raise_triage` applies it. It never lowers anything and never touches consent or the intent:

1. rules found no emergency and `emergency` is above its threshold -> an emergency (the 988
   kind when `mental_health` is above its own), queue emergency;
2. else the queue's urgency is normal (not emergency, clinical or manager) and `emergency` or
   `clinical` is above its (lower) threshold for a nurse -> the clinical queue;
3. else the rules' answer, unchanged.

The score is written to `evidence` ("second_opinion:emergency:0.93") for the staff note and the
audit. Pure and deterministic: standard library only, `zlib.crc32` for hashing (never `hash()`,
which Python salts per process); weights load once, on first use, from `second_opinion.bin`.

    >>> opinion = score("me duele mucho el pecho y no puedo respirar")
    >>> opinion.emergency > 0.5
    True
"""

from __future__ import annotations

import math
import struct
import zlib
from array import array
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from flows.types import Emergency, Queue, Triage, Urgency

#: The weights file, package data beside this module (pyproject's package-data ships it).
WEIGHTS_FILE = "second_opinion.bin"
#: Feature buckets (a power of two). Changing it needs a retrain.
BITS = 18
HEADS = ("emergency", "clinical", "mental_health")
#: Only the first characters are read: the time per message stays bounded on a long voicemail.
MAX_CHARS = 1000
_MAGIC = b"SOP1"


@dataclass(frozen=True)
class Thresholds:
    """When the model's word is enough: an emergency, or a nurse must look."""

    emergency: float = 0.90
    clinical_from_emergency: float = 0.80
    clinical: float = 0.85
    mental_health: float = 0.5


#: Chosen from the leave-one-out runs (README, "Second opinion").
THRESHOLDS = Thresholds()

_MASK = (1 << BITS) - 1


@dataclass(frozen=True)
class Opinion:
    """The model's three probabilities for one message."""

    emergency: float
    clinical: float
    mental_health: float


@dataclass(frozen=True)
class Model:
    """Per head: a bias, a weight scale and the quantised weights (one int16 per bucket)."""

    biases: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[array, ...]


def features(text: str) -> list[int]:
    """Distinct hashed feature buckets of already normalised text (see `normalize.normalize`)."""
    text = " ".join(text[:MAX_CHARS].split())
    padded = f" {text} "
    grams = {padded[i : i + n] for n in (2, 3, 4, 5) for i in range(len(padded) - n + 1)}
    words = text.split()
    grams.update(f"\x01{w}" for w in words)
    grams.update(f"\x02{a} {b}" for a, b in zip(words, words[1:], strict=False))
    crc = zlib.crc32
    return sorted({crc(g.encode("utf-8")) & _MASK for g in grams})


def encode_model(model: Model) -> bytes:
    """Serialise a model: header, then per head bias, scale and zlib-compressed int16 weights."""
    out = [_MAGIC, struct.pack("<BB", BITS, len(model.weights))]
    for bias, scale, weights in zip(model.biases, model.scales, model.weights, strict=True):
        packed = zlib.compress(weights.tobytes(), 9)
        out.append(struct.pack("<ddI", bias, scale, len(packed)))
        out.append(packed)
    return b"".join(out)


def decode_model(data: bytes) -> Model:
    """Read what `encode_model` wrote; refuse a file for another bucket count."""
    if data[:4] != _MAGIC:
        raise ValueError("not a second-opinion weights file")
    bits, heads = struct.unpack_from("<BB", data, 4)
    if bits != BITS or heads != len(HEADS):
        raise ValueError(f"weights for {bits} bits and {heads} heads, expected {BITS}/{len(HEADS)}")
    offset = 6
    biases, scales, weights = [], [], []
    for _ in range(heads):
        bias, scale, size = struct.unpack_from("<ddI", data, offset)
        offset += struct.calcsize("<ddI")
        values = array("h")
        values.frombytes(zlib.decompress(data[offset : offset + size]))
        offset += size
        if len(values) != 1 << BITS:
            raise ValueError("truncated weights")
        biases.append(bias)
        scales.append(scale)
        weights.append(values)
    return Model(tuple(biases), tuple(scales), tuple(weights))


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read from the package once."""
    return decode_model(files(__package__).joinpath(WEIGHTS_FILE).read_bytes())


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def score_features(buckets: list[int], loaded: Model | None = None) -> Opinion:
    """The three probabilities for precomputed `features`."""
    loaded = loaded or model()
    # Each message's features are scaled to unit length, so a long voicemail does not saturate.
    norm = 1.0 / math.sqrt(len(buckets)) if buckets else 0.0
    probs = []
    for bias, scale, weights in zip(loaded.biases, loaded.scales, loaded.weights, strict=True):
        total = sum([weights[i] for i in buckets])
        probs.append(_sigmoid(bias + total * scale * norm))
    return Opinion(*probs)


def score(normalized_text: str) -> Opinion:
    """The three probabilities for one normalised message."""
    return score_features(features(normalized_text))


_URGENCY_ORDER = (Urgency.LOW, Urgency.NORMAL, Urgency.HIGH, Urgency.EMERGENCY)
#: The queues a nurse may take a message from: a clerk's or the bot's, never a manager's.
_RAISABLE = frozenset(q for q in Queue if q not in (Queue.EMERGENCY, Queue.CLINICAL, Queue.MANAGER))
#: Where the clinical head alone may send a message to a nurse: only where no person would
#: otherwise read it closely (the bot, the front desk). A refills, billing, records or
#: scheduling clerk reads it already, and the head is often sure a plain request is clinical
#: ("a refill on my blood pressure pills": 0.98); a likely emergency still goes from any.
_CLINICAL_RAISABLE = frozenset({Queue.NONE, Queue.FRONT_DESK})


def raise_triage(result: Triage, opinion: Opinion, at: Thresholds = THRESHOLDS) -> Triage:
    """The rules' result, raised to an emergency or the clinical queue when the model is sure."""
    if result.emergency is None and opinion.emergency >= at.emergency:
        kind = (
            Emergency.MENTAL_HEALTH
            if opinion.mental_health >= at.mental_health
            else Emergency.MEDICAL
        )
        # The kind's own probability: the 988 head says how sure it is of either answer.
        kind_p = (
            opinion.mental_health if kind is Emergency.MENTAL_HEALTH else 1 - opinion.mental_health
        )
        label = f"POSSIBLE {kind.value.replace('_', ' ').upper()} EMERGENCY"
        return replace(
            result,
            queue=Queue.EMERGENCY,
            emergency=kind,
            urgency=Urgency.EMERGENCY,
            evidence=(
                f"second_opinion:emergency:{opinion.emergency:.2f}",
                f"second_opinion:{kind.value}:{kind_p:.2f}",
                *result.evidence,
                "queue rule 1: emergency (second opinion)",
            ),
            summary=f"{label} - {result.summary}"[:100],
        )
    if result.queue in _RAISABLE and (
        opinion.emergency >= at.clinical_from_emergency
        or (result.queue in _CLINICAL_RAISABLE and opinion.clinical >= at.clinical)
    ):
        return replace(
            result,
            queue=Queue.CLINICAL,
            urgency=max(result.urgency, Urgency.HIGH, key=_URGENCY_ORDER.index),
            evidence=(
                f"second_opinion:clinical:{opinion.clinical:.2f}",
                f"second_opinion:emergency:{opinion.emergency:.2f}",
                *result.evidence,
                "queue rule 2: a nurse looks (second opinion)",
            ),
            summary=f"{result.summary}, second opinion: a nurse looks"[:100],
        )
    return result
