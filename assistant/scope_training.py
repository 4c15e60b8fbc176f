"""Training the scope guard (`spoor2 train-scope`): labelled messages in, `scope_model.npz` out.

Needs scikit-learn (the `train` extra); the product itself only loads the weights with numpy.
The decision threshold is chosen by cross-validation on the training set: the lowest probability
at which declining keeps false refusals of in-scope messages at or below `max_false_refusals`.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import yaml

from assistant.answering.scope import (
    LABELS,
    ScopeModel,
    asked_text,
    asks_own_deadline,
    decision,
    features,
    question_features,
    rule_label,
    story_questions,
    without_acts,
)
from assistant.shorthand import spell_out
from assistant.understanding import read_turn


def load_messages(path: Path) -> list[dict]:
    """The labelled messages of a YAML file (`text`, `label`, `language`).

    An eval file (items with `question` and `type`) counts too: its answer, deadline and clarify
    questions are in scope (the development set is for tuning; never pass the blind set).
    """
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    if items and "question" in items[0]:
        if "blind" in Path(path).name:
            raise ValueError("the blind eval set is never used for training")
        items = [{"text": i["question"], "label": "in_scope", "language": i.get("language", "nl"),
                  "history": i.get("history") or []}
                 for i in items if i.get("type", "answer") in ("answer", "deadline", "clarify")]
    unknown = {i.get("label") for i in items} - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels in {path}: {sorted(unknown)}")
    return items


def previous_question(item: dict) -> str:
    """The question a follow-up item points back to, as the product reads it ("" for none)."""
    if not item.get("history"):
        return ""
    turn = read_turn(str(item["text"]), item["history"])
    return turn.previous_question if turn.follow_up else ""


def embedding_lookup(embedder, texts: Sequence[str]):
    """A function text -> query embedding for the messages and what they ask, embedded in batches
    (what `ScopeGuard.classify` computes one at a time)."""
    questions = [q for t in texts for q, _ in story_questions(t)]
    wanted = list(dict.fromkeys([*texts, *(asked_text(t) for t in texts), *(t.strip() for t in texts),
                                 *questions, *(asked_text(q) for q in questions)]))
    table = dict(zip(wanted, embedder.embed_queries(wanted)))
    return lambda text: table[text] if text in table else embedder.embed_query(text)


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(scaler.transform(x), y)
    return scaler, model


def decide(probs: np.ndarray, labels: Sequence[str], threshold: float,
           texts: Sequence[str] | None = None, vetoed: Sequence[bool] | None = None) -> list[str]:
    """The guard's decision for each row of probabilities, as `ScopeGuard.classify` makes it
    (with `texts`, the high-precision rules first; with `vetoed`, whether a story's question read
    alone is in scope, the in-scope veto)."""
    out = []
    for i, row in enumerate(probs):
        ruled = (rule_label(texts[i]) or ("in_scope" if asks_own_deadline(texts[i]) else "")) if texts else ""
        by_label = dict(zip(labels, row.tolist()))
        label = ruled or decision(without_acts(by_label, texts[i]) if texts else by_label, threshold)[0]
        if not ruled and label != "in_scope" and vetoed is not None and vetoed[i]:
            label = "in_scope"
        out.append(label)
    return out


def per_class(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall and count per label."""
    report = {}
    for label in LABELS:
        tp = sum(t == label and p == label for t, p in zip(truth, predicted))
        fp = sum(t != label and p == label for t, p in zip(truth, predicted))
        fn = sum(t == label and p != label for t, p in zip(truth, predicted))
        report[label] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                         "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "n": tp + fn}
    return report


def refusal_rates(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Refusal recall (out-of-scope messages declined) and false refusals (in-scope declined)."""
    out = [p != "in_scope" for t, p in zip(truth, predicted) if t != "in_scope"]
    inside = [p != "in_scope" for t, p in zip(truth, predicted) if t == "in_scope"]
    return {"refusal_recall": round(sum(out) / max(len(out), 1), 3),
            "false_refusal_rate": round(sum(inside) / max(len(inside), 1), 3)}


def train(embedder, items: Sequence[dict], *, c: float = 0.3, folds: int = 5,
          max_false_refusals: float = 0.02) -> ScopeModel:
    """Cross-validate, choose the threshold, fit on everything and return the model."""
    from sklearn.model_selection import StratifiedKFold

    texts = [spell_out(str(i["text"])) for i in items]  # as `ScopeGuard.classify` reads them
    y = np.asarray([i["label"] for i in items])
    embed = embedding_lookup(embedder, texts)
    x = np.asarray([features(embed(t), embed(asked_text(t)), t) for t in texts], dtype=np.float64)
    questions = {i: story_questions(t) for i, t in enumerate(texts)}
    stories = [i for i in questions if questions[i]]
    x_questions = {i: np.asarray([question_features(q, embed) for q, _ in questions[i]], dtype=np.float64)
                   for i in stories}
    labels = [label for label in LABELS if label in set(y)]
    oof = np.zeros((len(y), len(labels)))
    vetoed = np.zeros(len(y), dtype=bool)
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=7).split(x, y):
        scaler, model = _fit(x[train_idx], y[train_idx], c)
        order = [list(model.classes_).index(label) for label in labels]
        oof[test_idx] = model.predict_proba(scaler.transform(x[test_idx]))[:, order]
        at = labels.index("in_scope")
        for i in set(test_idx.tolist()) & set(stories):
            in_scope = model.predict_proba(scaler.transform(x_questions[i]))[:, order][:, at]
            vetoed[i] = any(p >= veto for p, (_, veto) in zip(in_scope, questions[i]))
    threshold = 0.5
    for candidate in np.arange(0.3, 0.96, 0.02):
        rates = refusal_rates(y, decide(oof, labels, float(candidate), texts, vetoed))
        threshold = float(candidate)
        if rates["false_refusal_rate"] <= max_false_refusals:
            break
    predicted = decide(oof, labels, threshold, texts, vetoed)
    report = {"cross_validation": {"folds": folds, "per_class": per_class(y, predicted),
                                   **refusal_rates(y, predicted)},
              "messages": len(items), "c": c}
    scaler, model = _fit(x, y, c)
    order = [list(model.classes_).index(label) for label in labels]
    return ScopeModel(tuple(labels), scaler.mean_, scaler.scale_, model.coef_[order], model.intercept_[order],
                      embedder.name, round(threshold, 2), report)


def evaluate(model: ScopeModel, embedder, items: Sequence[dict]) -> dict:
    """Per-class precision/recall and refusal rates of `model` on held-out messages."""
    from assistant.answering.scope import ScopeGuard

    texts = [str(i["text"]) for i in items]
    guard = ScopeGuard(model, embedder.name)
    embed = embedding_lookup(embedder, texts)
    predicted = [guard.classify(text, embed, previous_question(item), in_conversation=bool(item.get("history"))).label
                 for text, item in zip(texts, items)]
    truth = [i["label"] for i in items]
    return {"per_class": per_class(truth, predicted), **refusal_rates(truth, predicted), "messages": len(items)}
