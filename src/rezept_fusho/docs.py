"""``docs/rules.md``, generated from the rule registry so it cannot drift.

Run ``python -m rezept_fusho.docs docs/rules.md`` to refresh it; a test fails
when the checked-in file differs from :func:`render`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rezept_fusho.rules.registry import RULES
from rezept_fusho.rules.rule import Rule

_AXIS = {
    "service_date": "診療日 (service date)",
    "claim_month": "請求年月 (claim month, read on its 1st day)",
}
_GRADE = {
    "confirmed": "confirmed in the cited source",
    "secondary": "confirmed in a secondary source",
    "seed": "from the seed documents",
    "inferred": "inferred",
    "unverified": "unverified: an option, not a fact",
}

HEADER = """\
# Rules reference

Generated from `rezept_fusho.rules.registry` by `python -m rezept_fusho.docs docs/rules.md`;
do not edit by hand. Each rule applies on its axis date inside its half-open window
`[start, end)`; an open end means the rule is still in force. A claim or situation that needs a
rule outside its window is an error record (`rule_not_in_force`), never a guess.
"""


def _window(rule: Rule) -> str:
    end = rule.window.end.isoformat() if rule.window.end else "open"
    return f"`[{rule.window.start.isoformat()}, {end})` on the {_AXIS[rule.axis]}"


def _section(rule: Rule) -> list[str]:
    lines = [f"### {rule.id}", "", f"**{rule.title_ja}**  ", f"{rule.title_en}", ""]
    lines.append(f"- Window: {_window(rule)}")
    lines.append(f"- Grade: {_GRADE[rule.grade]}")
    lines.append("- Sources:")
    for citation in rule.citations:
        via = f" — read via {citation.via}" if citation.via else ""
        lines.append(f"  - {citation.source} <{citation.document.url}>{via}")
    lines.append("")
    lines.extend(line.rstrip() for line in rule.summary.strip().splitlines())
    lines.append("")
    return lines


def _group(rule: Rule) -> str:
    return rule.id.split("-", 1)[0]


def render(rules: Iterable[Rule] = RULES) -> str:
    """The whole reference as Markdown."""
    out = [HEADER]
    out.append("| id | title | window | axis |")
    out.append("| --- | --- | --- | --- |")
    rules = tuple(rules)
    for rule in rules:
        end = rule.window.end.isoformat() if rule.window.end else "open"
        out.append(
            f"| [{rule.id}](#{rule.id.lower()}) | {rule.title_ja} | "
            f"{rule.window.start.isoformat()} → {end} | {rule.axis} |"
        )
    out.append("")
    group = None
    for rule in rules:
        if _group(rule) != group:
            group = _group(rule)
            out.append(f"## {group}")
            out.append("")
        out.extend(_section(rule))
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m rezept_fusho.docs OUT.md", file=sys.stderr)
        return 2
    with open(argv[0], "w", encoding="utf-8", newline="\n") as out:
        out.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
