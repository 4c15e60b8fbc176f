"""`spoor2 train-scope`: learn the scope guard from labelled messages (needs the `train` extra)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.commands import add_common, settings_from


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `train-scope` subcommand."""
    parser = sub.add_parser("train-scope", help="train the scope guard from knowledge/eval/scope-train.yaml")
    parser.add_argument("files", nargs="*", default=None,
                        help="labelled messages (default: knowledge/eval/scope-train.yaml and the in-scope "
                             "questions of knowledge/eval/dev.yaml)")
    parser.add_argument("--out", default=None, help="where to write the model (default: the shipped scope_model.npz)")
    parser.add_argument("--held-out", default=None,
                        help="messages to score the new model on (default: knowledge/eval/scope-blind.yaml)")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Train, report cross-validated and held-out scores, write the model."""
    from assistant.answering.scope import MODEL_PATH
    from assistant.embedders import make_embedder
    from assistant.scope_training import evaluate, load_messages, train

    settings = settings_from(args)
    folder = settings.knowledge_dir / "eval"
    sources = [Path(f) for f in args.files] if args.files else [folder / "scope-train.yaml", folder / "dev.yaml"]
    held_out = Path(args.held_out) if args.held_out else settings.knowledge_dir / "eval" / "scope-blind.yaml"
    embedder = make_embedder(settings.embedding_model)
    model = train(embedder, [item for source in sources for item in load_messages(source)])
    if held_out.exists():
        model.report["held_out"] = evaluate(model, embedder, load_messages(held_out))
    # the held-out checks by other writers: stories and follow-ups (scope-stress.yaml), requests
    # beside a word of ours (scope-stress2.yaml)
    model.report["stress"] = {path.name: evaluate(model, embedder, load_messages(path))
                              for path in sorted(folder.glob("scope-stress*.yaml"))}
    out = Path(args.out) if args.out else MODEL_PATH
    model.save(out)
    print(json.dumps({"model": str(out), "threshold": model.threshold, **model.report}, indent=2))
    return 0
