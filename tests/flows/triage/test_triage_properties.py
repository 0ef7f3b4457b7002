"""Property test: triage never raises and always answers with valid values, quickly."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.triage import triage
from flows.types import Awaiting, Emergency, Intent, Queue, Triage, Urgency


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=2000),
    awaiting=st.none() | st.sampled_from(list(Awaiting)),
    stored=st.none() | st.sampled_from(["en", "es", "vi", "zh", "ko"]),
)
def test_triage_total_and_valid(text: str, awaiting: Awaiting | None, stored: str | None) -> None:
    start = time.perf_counter()
    result = triage(text, awaiting=awaiting, stored_lang=stored)
    elapsed = time.perf_counter() - start
    assert isinstance(result, Triage)
    assert isinstance(result.intent, Intent)
    assert isinstance(result.queue, Queue)
    assert isinstance(result.urgency, Urgency)
    assert result.emergency is None or isinstance(result.emergency, Emergency)
    assert isinstance(result.lang, str) and 2 <= len(result.lang) <= 3
    assert len(result.summary) <= 100
    assert not (result.is_opt_out and result.is_opt_in)
    assert elapsed < 0.25
