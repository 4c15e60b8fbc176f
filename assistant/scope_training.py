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

from assistant.answering.scope import LABELS, ScopeModel, features


def load_messages(path: Path) -> list[dict]:
    """The labelled messages of a YAML file (`text`, `label`, `language`).

    An eval file (items with `question` and `type`) counts too: its answer, deadline and clarify
    questions are in scope (the development set is for tuning; never pass the blind set).
    """
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    if items and "question" in items[0]:
        if "blind" in Path(path).name:
            raise ValueError("the blind eval set is never used for training")
        items = [{"text": i["question"], "label": "in_scope", "language": i.get("language", "nl")}
                 for i in items if i.get("type", "answer") in ("answer", "deadline", "clarify")]
    unknown = {i.get("label") for i in items} - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels in {path}: {sorted(unknown)}")
    return items


def feature_matrix(embedder, texts: Sequence[str]) -> np.ndarray:
    """Feature vectors for messages (embedding + lexical features)."""
    vectors = embedder.embed_queries(list(texts))
    return np.asarray([features(v, t) for v, t in zip(vectors, texts)], dtype=np.float64)


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(scaler.transform(x), y)
    return scaler, model


def decide(probs: np.ndarray, labels: Sequence[str], threshold: float) -> list[str]:
    """The guard's decision for each row of probabilities (as `ScopeGuard.classify` does)."""
    out = []
    for row in probs:
        best = int(np.argmax(row))
        label = labels[best]
        out.append("in_scope" if label != "in_scope" and row[best] < threshold else label)
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


def train(embedder, items: Sequence[dict], *, c: float = 1.0, folds: int = 5,
          max_false_refusals: float = 0.02) -> ScopeModel:
    """Cross-validate, choose the threshold, fit on everything and return the model."""
    from sklearn.model_selection import StratifiedKFold

    texts = [str(i["text"]) for i in items]
    y = np.asarray([i["label"] for i in items])
    x = feature_matrix(embedder, texts)
    labels = [label for label in LABELS if label in set(y)]
    oof = np.zeros((len(y), len(labels)))
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=7).split(x, y):
        scaler, model = _fit(x[train_idx], y[train_idx], c)
        probs = model.predict_proba(scaler.transform(x[test_idx]))
        order = [list(model.classes_).index(label) for label in labels]
        oof[test_idx] = probs[:, order]
    threshold = 0.34
    for candidate in np.arange(0.3, 0.96, 0.02):
        rates = refusal_rates(y, decide(oof, labels, float(candidate)))
        threshold = float(candidate)
        if rates["false_refusal_rate"] <= max_false_refusals:
            break
    predicted = decide(oof, labels, threshold)
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
    predicted = [guard.classify(text, vector).label for text, vector in zip(texts, embedder.embed_queries(texts))]
    truth = [i["label"] for i in items]
    return {"per_class": per_class(truth, predicted), **refusal_rates(truth, predicted), "messages": len(items)}
