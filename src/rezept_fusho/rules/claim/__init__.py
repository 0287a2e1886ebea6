"""Rules of the claim: the three tiers, the 不詳 placeholders and 摘要, the payer.

One module per rule (or per small family), the summary of the text it
implements in its docstring, its :class:`~rezept_fusho.rules.rule.Rule`
beside the code. The registry (:mod:`rezept_fusho.rules.registry`) lists them;
this package imports nothing, so a module that only declares values (the
placeholders) can be read from anywhere without loading the rest.
"""
