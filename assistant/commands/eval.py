"""`spoor2 eval`: run the development eval set and compare with the committed thresholds."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

import yaml

from assistant.commands import add_common, settings_from


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `eval` subcommand."""
    parser = sub.add_parser("eval", help="score the assistant on the development eval set")
    parser.add_argument("file", nargs="?", default=None, help="eval YAML (default: knowledge/eval/dev.yaml)")
    parser.add_argument("--thresholds", default=None, help="default: thresholds.yaml beside the eval file")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--failures", action="store_true", help="list every failed item")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the eval; exit 1 when a metric misses its threshold."""
    from assistant.build import build_assistant
    from assistant.evaluation import below_thresholds, format_report, load_items, run_eval

    settings = settings_from(args)
    path = Path(args.file) if args.file else settings.knowledge_dir / "eval" / "dev.yaml"
    thresholds_path = Path(args.thresholds) if args.thresholds else path.parent / "thresholds.yaml"
    thresholds = yaml.safe_load(thresholds_path.read_text()) if thresholds_path.exists() else {}
    report = run_eval(build_assistant(settings), load_items(path))
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
        if args.failures and report.failures:
            print("\nFailures:")
            for f in report.failures:
                print(f"- {f['id']}: {f['problem']} [{f['kind']}/{f['path']}] {f['question']}")
    misses = below_thresholds(report, thresholds)
    for miss in misses:
        print(f"below threshold: {miss}")
    return 1 if misses else 0
