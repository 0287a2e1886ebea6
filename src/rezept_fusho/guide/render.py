"""The printable guide for the window and the billing clerk, as of one day: one A4 page, also for a screen.

Everything shown comes from the rule registry: the front-desk rules in
force on the day (under the chosen end of the temporary handling) and the
claim rules of the billing box, read on their own axes. Each rule shown
carries ``data-rule="ID"``, so a test can check that the page names exactly
those rules. Text is escaped with :func:`html.escape`; no template engine is
needed for one page.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.reception.triage import FIRST_DAY
from rezept_fusho.rules import frontdesk
from rezept_fusho.rules.frontdesk import expired_card_temporary
from rezept_fusho.rules.frontdesk.expired_card_temporary import TemporaryEnd
from rezept_fusho.rules.rule import Rule
from rezept_fusho.text.dates import ja_date

from . import billing
from .accept import cases_section, howto_section
from .declaration import declaration_section
from .payment import after_full_payment_section, payment_section
from .sources_line import sources_footer
from .style import CSS

__all__ = ["FIRST_DAY", "render", "rules_shown"]


def rules_shown(
    day: date, temporary_end: TemporaryEnd = expired_card_temporary.DEFAULT_END
) -> tuple[Rule, ...]:
    """The rules the guide of *day* names: the front desk's in force, and the billing box's."""
    return (*frontdesk.in_force(day, temporary_end), *billing.in_force(day))


def render(day: date, temporary_end: TemporaryEnd = expired_card_temporary.DEFAULT_END) -> str:
    """The guide as of *day*, as one HTML document; ValueError before the front-desk rules start."""
    if day < FIRST_DAY:
        raise ValueError(f"no front-desk rules before {FIRST_DAY.isoformat()} (保発0710第1号)")
    active = set(frontdesk.in_force(day, temporary_end))
    on = ja_date(day)
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>受付・請求ガイド：マイナ保険証で資格確認ができないとき（{on}時点）</title>
<style>{CSS}</style>
</head>
<body>
<h1>マイナ保険証で資格確認ができないとき<small>受付・請求ガイド　{on}時点</small></h1>
{cases_section(active, temporary_end)}
{howto_section(active)}
<div class="cols">
<div>
{payment_section(active)}
{after_full_payment_section(active)}
</div>
<div>
{declaration_section(active)}
</div>
</div>
{billing.billing_section(day)}
{sources_footer(day, rules_shown(day, temporary_end), temporary_end)}
</body>
</html>
"""
