"""`spoor2 eval`: score the assistant on the development and the blind eval sets, side by side."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

import yaml

from assistant.commands import add_common, settings_from


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `eval` subcommand."""
    parser = sub.add_parser("eval", help="score the assistant on the dev and blind eval sets")
    parser.add_argument("files", nargs="*", default=None,
                        help="eval YAML files (default: knowledge/eval/dev.yaml, probe.yaml, probe2.yaml, probe3.yaml, probe4.yaml and blind.yaml)")
    parser.add_argument("--thresholds", default=None, help="default: thresholds.yaml beside the first file")
    parser.add_argument("--json", action="store_true", help="print the full reports as JSON")
    parser.add_argument("--failures", action="store_true", help="list every failed item (never tune on blind ones)")
    parser.add_argument("--typos", action="store_true",
                        help="also score each set with typos in its questions (its column is NAME+typos)")
    add_common(parser)
    parser.set_defaults(func=run)


def thresholds_for(all_thresholds: dict, name: str) -> dict:
    """The thresholds of one set: its own section (`dev:`, `blind:`) or a flat file for any set."""
    if any(isinstance(v, dict) for v in all_thresholds.values()):
        return all_thresholds.get(name) or {}
    return all_thresholds


def run(args: argparse.Namespace) -> int:
    """Run the eval; exit 1 when a metric misses its threshold."""
    from assistant.answering.scope import ScopeModel
    from assistant.build import build_assistant
    from assistant.evaluation import (
        TYPOS,
        below_thresholds,
        format_comparison,
        load_items,
        run_eval,
        with_typos,
    )

    settings = settings_from(args)
    folder = settings.knowledge_dir / "eval"
    paths = [Path(f) for f in args.files] if args.files else [
        folder / name for name in ("dev.yaml", "probe.yaml", "probe2.yaml", "probe3.yaml", "probe4.yaml",
                                  "blind.yaml")
        if (folder / name).exists()]
    thresholds_path = Path(args.thresholds) if args.thresholds else paths[0].parent / "thresholds.yaml"
    thresholds = yaml.safe_load(thresholds_path.read_text()) if thresholds_path.exists() else {}
    with build_assistant(settings) as assistant:  # closes its PostgreSQL connections
        reports = {}
        for path in paths:
            reports[path.stem] = run_eval(assistant, load_items(path))
            if args.typos:
                reports[path.stem + TYPOS] = run_eval(assistant, with_typos(load_items(path)))
    model = ScopeModel.load()
    if args.json:
        print(json.dumps({name: asdict(r) for name, r in reports.items()}
                         | {"scope_guard": model.report if model else {}}, ensure_ascii=False, indent=2))
    else:
        print(format_comparison(reports))
        if model is not None:
            print(_scope_table(model.report))
        if args.failures:
            for name, report in reports.items():
                print(f"\nFailures ({name}):")
                for f in sorted(report.failures, key=lambda f: (f.get("category") or "", f["id"] or "")):
                    print(f"- {f['id']} [{f.get('category')}] {f['problem']} [{f['kind']}/{f['path']}] "
                          f"{f['question'][:140]}")
    misses = [f"{name}: {miss}" for name, report in reports.items()
              for miss in below_thresholds(report, thresholds_for(thresholds, name))]
    for miss in misses:
        print(f"below threshold: {miss}")
    return 1 if misses else 0


def _scope_table(report: dict) -> str:
    """The scope guard's cross-validated and held-out precision/recall per class."""
    cv, held = report.get("cross_validation", {}), report.get("held_out", {})
    lines = ["", "Scope guard (cross-validated on its training set | held-out set by another writer):", "",
             "| class | CV precision | CV recall | held-out precision | held-out recall | held-out n |",
             "|---|---|---|---|---|---|"]
    for label, scores in cv.get("per_class", {}).items():
        h = held.get("per_class", {}).get(label, {})
        lines.append(f"| {label} | {scores['precision']:.3f} | {scores['recall']:.3f} | "
                     f"{h.get('precision', 0):.3f} | {h.get('recall', 0):.3f} | {h.get('n', 0)} |")
    lines.append(f"| refusal recall / false refusals | {cv.get('refusal_recall', 0):.3f} / "
                 f"{cv.get('false_refusal_rate', 0):.3f} | | {held.get('refusal_recall', 0):.3f} / "
                 f"{held.get('false_refusal_rate', 0):.3f} | | |")
    for name, stress in (report.get("stress") or {}).items():
        lines.append(f"\nHeld-out {name} ({stress.get('messages', 0)} messages by another writer): refusal recall "
                     f"{stress.get('refusal_recall', 0):.3f}, false refusals {stress.get('false_refusal_rate', 0):.3f}")
    return "\n".join(lines)
