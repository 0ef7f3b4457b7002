"""Score triage predictions against a labelled set (the schema of `dev.jsonl`).

`evaluate(gold, predicted)` pairs rows by `id`; both hold `intent`, `handoff`, `emergency`,
`upset`, `lang` (predicted rows also `ms`, the time taken). `format_report` prints it for a
terminal. Pure: the caller reads the files and runs triage.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flows.types import Emergency, Intent, Queue

QUEUES = tuple(q.value for q in Queue)
#: Internal intents finer than the schema's, and the schema label each is scored as.
SCHEMA_INTENT = {Intent.APPOINTMENT_STATUS.value: Intent.OTHER.value}
INTENTS = tuple(i.value for i in Intent if i.value not in SCHEMA_INTENT)
EMERGENCY_KINDS = tuple(e.value for e in Emergency)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _percentile(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def evaluate(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare predictions with gold labels; return every metric of the triage report."""
    by_id = {
        row["id"]: {**row, "intent": SCHEMA_INTENT.get(row.get("intent"), row.get("intent"))}
        for row in predicted
    }
    pairs = [(g, by_id[g["id"]]) for g in gold if g["id"] in by_id]
    missing = [g["id"] for g in gold if g["id"] not in by_id]

    per_intent: dict[str, dict[str, Any]] = {}
    f1s = []
    for intent in INTENTS:
        tp = sum(1 for g, p in pairs if g["intent"] == intent and p["intent"] == intent)
        gold_n = sum(1 for g, _ in pairs if g["intent"] == intent)
        pred_n = sum(1 for _, p in pairs if p["intent"] == intent)
        if not gold_n and not pred_n:
            continue
        precision, recall = _ratio(tp, pred_n), _ratio(tp, gold_n)
        f1 = _f1(precision, recall) if gold_n else 0.0
        if f1 is None:
            f1 = 0.0
        per_intent[intent] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": gold_n,
            "predicted": pred_n,
        }
        f1s.append(f1)

    confusion = {g: dict.fromkeys(QUEUES, 0) for g in QUEUES}
    for g, p in pairs:
        confusion.setdefault(g["handoff"], dict.fromkeys(QUEUES, 0))
        confusion[g["handoff"]][p["handoff"]] = confusion[g["handoff"]].get(p["handoff"], 0) + 1
    handoff_ok = sum(1 for g, p in pairs if g["handoff"] == p["handoff"])

    urgent = [(g, p) for g, p in pairs if g["handoff"] in ("clinical", "manager")]
    urgent_ok = sum(1 for g, p in urgent if p["handoff"] in (g["handoff"], "emergency"))

    def emergency_scores(kind: str | None) -> dict[str, Any]:
        def hit(value: Any) -> bool:
            return value is not None and (kind is None or value == kind)

        gold_n = sum(1 for g, _ in pairs if hit(g["emergency"]))
        pred_n = sum(1 for _, p in pairs if hit(p["emergency"]))
        # "Any kind" counts a found emergency of the other kind as found: a person looks.
        if kind is None:
            tp = sum(1 for g, p in pairs if hit(g["emergency"]) and hit(p["emergency"]))
        else:
            tp = sum(1 for g, p in pairs if g["emergency"] == kind and p["emergency"] == kind)
        return {
            "recall": _ratio(tp, gold_n),
            "precision": _ratio(tp, pred_n),
            "support": gold_n,
            "predicted": pred_n,
            "missed": [
                g["id"]
                for g, p in pairs
                if hit(g["emergency"])
                and not (hit(p["emergency"]) if kind is None else p["emergency"] == kind)
            ],
            "false_alarms": [
                g["id"]
                for g, p in pairs
                if hit(p["emergency"])
                and not (hit(g["emergency"]) if kind is None else g["emergency"] == kind)
            ],
        }

    emergency = {"any": emergency_scores(None)}
    for kind in EMERGENCY_KINDS:
        emergency[kind] = emergency_scores(kind)

    gold_out = [(g, p) for g, p in pairs if g["intent"] == "opt_out"]
    opt_out_found = sum(1 for g, p in gold_out if _is_opt_out(p))
    false_out = [g["id"] for g, p in pairs if g["intent"] != "opt_out" and _is_opt_out(p)]
    false_out_confirm = [g["id"] for g, p in pairs if g["intent"] == "confirm" and _is_opt_out(p)]

    lang_ok = sum(1 for g, p in pairs if g["lang"] == p["lang"])
    upset_tp = sum(1 for g, p in pairs if g["upset"] and p["upset"])
    upset_gold = sum(1 for g, _ in pairs if g["upset"])
    upset_pred = sum(1 for _, p in pairs if p["upset"])

    gold_none = [(g, p) for g, p in pairs if g["handoff"] == "none"]
    automated = sum(1 for g, p in gold_none if p["handoff"] == "none")

    times = [float(p["ms"]) for _, p in pairs if p.get("ms") is not None]
    return {
        "n": len(pairs),
        "missing": missing,
        "intent": per_intent,
        "intent_macro_f1": sum(f1s) / len(f1s) if f1s else None,
        "intent_accuracy": _ratio(
            sum(1 for g, p in pairs if g["intent"] == p["intent"]), len(pairs)
        ),
        "handoff_confusion": confusion,
        "handoff_accuracy": _ratio(handoff_ok, len(pairs)),
        "urgent_reached": _ratio(urgent_ok, len(urgent)),
        "urgent_support": len(urgent),
        "emergency": emergency,
        "opt_out_recall": _ratio(opt_out_found, len(gold_out)),
        "opt_out_support": len(gold_out),
        "false_opt_outs": false_out,
        "false_opt_outs_on_confirm": false_out_confirm,
        "upset_precision": _ratio(upset_tp, upset_pred),
        "upset_recall": _ratio(upset_tp, upset_gold),
        "language_accuracy": _ratio(lang_ok, len(pairs)),
        "language_errors": [
            (g["id"], g["lang"], p["lang"]) for g, p in pairs if g["lang"] != p["lang"]
        ],
        "automation_rate": _ratio(automated, len(gold_none)),
        "p50_ms": _percentile(times, 50),
        "p99_ms": _percentile(times, 99),
        "max_ms": max(times) if times else None,
    }


def _is_opt_out(row: dict[str, Any]) -> bool:
    return bool(row.get("opt_out")) or row.get("intent") == "opt_out"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def format_report(report: dict[str, Any]) -> str:
    """Render an `evaluate` report as plain text."""
    lines = [
        f"messages: {report['n']}"
        + (f" (missing {len(report['missing'])})" if report["missing"] else "")
    ]
    lines.append("")
    lines.append(f"{'intent':<14}{'prec':>8}{'recall':>8}{'f1':>8}{'gold':>6}{'pred':>6}")
    for intent, s in report["intent"].items():
        lines.append(
            f"{intent:<14}{_num(s['precision'], 2):>8}{_num(s['recall'], 2):>8}"
            f"{_num(s['f1'], 2):>8}{s['support']:>6}{s['predicted']:>6}"
        )
    lines.append(
        f"intent macro-F1: {_num(report['intent_macro_f1'])}   "
        f"intent accuracy: {_pct(report['intent_accuracy'])}"
    )
    lines.append("")
    short = {q: q[:6] for q in QUEUES}
    lines.append("handoff confusion (rows gold, columns predicted)")
    lines.append(f"{'':<12}" + "".join(f"{short[q]:>7}" for q in QUEUES))
    for g in QUEUES:
        row = report["handoff_confusion"].get(g, {})
        lines.append(f"{g:<12}" + "".join(f"{row.get(q, 0):>7}" for q in QUEUES))
    lines.append(f"handoff accuracy: {_pct(report['handoff_accuracy'])}")
    lines.append(
        f"gold clinical+manager reaching that queue or emergency: {_pct(report['urgent_reached'])}"
        f" (of {report['urgent_support']})"
    )
    lines.append("")
    for kind, s in report["emergency"].items():
        lines.append(
            f"emergency {kind:<14} recall {_pct(s['recall']):>7}  precision {_pct(s['precision']):>7}"
            f"  (gold {s['support']}, predicted {s['predicted']})"
        )
        if s["missed"]:
            lines.append(f"  missed: {', '.join(s['missed'])}")
        if s["false_alarms"]:
            lines.append(f"  false alarms: {', '.join(s['false_alarms'])}")
    lines.append("")
    lines.append(
        f"opt-out recall: {_pct(report['opt_out_recall'])} (of {report['opt_out_support']})"
    )
    lines.append(f"false opt-outs: {len(report['false_opt_outs'])} {report['false_opt_outs']}")
    lines.append(
        f"false opt-outs on confirmations: {len(report['false_opt_outs_on_confirm'])} "
        f"{report['false_opt_outs_on_confirm']}"
    )
    lines.append(
        f"upset precision {_pct(report['upset_precision'])}, recall {_pct(report['upset_recall'])}"
    )
    lines.append(f"language accuracy: {_pct(report['language_accuracy'])}")
    if report["language_errors"]:
        lines.append(
            "  errors (id gold->predicted): "
            + ", ".join(f"{i} {g}->{p}" for i, g, p in report["language_errors"])
        )
    lines.append(f"automation rate: {_pct(report['automation_rate'])}")
    lines.append(
        f"time per message: p50 {_num(report['p50_ms'])} ms, p99 {_num(report['p99_ms'])} ms, "
        f"max {_num(report['max_ms'])} ms"
    )
    return "\n".join(lines)
