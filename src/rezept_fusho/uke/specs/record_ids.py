"""Every record id of the 記録条件仕様 this library knows (医科, 歯科, 調剤, and the 返戻・再請求 records).

A report names a record only by one of these, never by whatever text a
malformed line starts with (which may be a name or an address).

>>> "HO" in KNOWN_RECORD_IDS, "ヤマ" in KNOWN_RECORD_IDS
(True, False)
"""

from __future__ import annotations

KNOWN_RECORD_IDS = frozenset(
    {
        *("IR", "RE", "HO", "KO", "SN", "JD", "MF", "SY", "SI", "IY", "TO", "CO", "SJ", "GO"),
        *("KH", "GR", "TI", "TR", "TS", "RC", "JY", "EX", "MN"),
        *("UK", "HS", "SS"),
        *("YK", "SH", "CZ", "TK", "KI", "ST"),
    }
)
