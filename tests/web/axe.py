"""axe-core (the npm package in tests/web/axe, see scripts/test.sh) injected by Playwright."""
from __future__ import annotations

from pathlib import Path
from typing import Any

AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}


def axe_violations(page: Any, *, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """Every axe-core violation on the page as it is now (open shadow roots included)."""
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run scripts/test.sh (npm ci in tests/web/axe)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                      resultTypes: ['violations']})
             .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))})))""",
        tags or TAGS,
    )


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable list of violations for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        lines += [f"    {n['target']}: {(n['summary'] or '').splitlines()[-1:]}"
                  for n in v["nodes"][:6]]
    return "\n".join(lines)


def assert_no_serious_violations(page: Any, state: str) -> None:
    """Fail on any serious or critical axe-core violation in `state`."""
    found = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert not found, f"axe-core, {state}:\n{describe(found)}"
