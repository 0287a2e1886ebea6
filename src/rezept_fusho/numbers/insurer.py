"""保険者番号 (insurer number of Japanese public health insurance).

An 8-digit 保険者番号 is 法別番号 (2 digits) + 都道府県番号 (2) + 保険者別番号 (3)
+ 検証番号 (1). A 市町村国保 or 国保組合 number has 6 digits: 都道府県番号 (2)
+ 保険者別番号 (3) + 検証番号 (1). The 検証番号 is the modulus-10 check digit
of :mod:`rezept_fusho.numbers.modulus10`.

Source: 厚生労働省「保険者番号等の設定について」(設定要領) (the structure, the
法別番号 table and the 検証番号; ``docs/rules.md`` cites it). The placeholder
numbers are declared by the rules that define them — the 不詳 ones in
:mod:`rezept_fusho.rules.claim.fusho_insurer_placeholder`, the disaster one in
:mod:`rezept_fusho.rules.claim.disaster_placeholder` — and read from there.

:func:`validate` checks the length, the digits and the check digit; with
``strict=True`` it also checks the 法別番号 and 都道府県番号 against the
known tables (an unknown one may be a code newer than this library, so the
resolver only warns on it). Placeholders are numbers that mean "unknown":
``77777779`` passes the check digit but is still not a real insurer, so
callers that need a real insurer use :func:`is_placeholder` too.

>>> validate('０１１３００１２')
'01130012'
>>> validate('133066')
'133066'
>>> validate('01130013')
Traceback (most recent call last):
    ...
rezept_fusho.numbers.exceptions.InvalidChecksum: 検証番号が一致しません / the check digit does not match
>>> calc_check_digit('3928000')
'3'
>>> is_valid('77777779'), is_placeholder('77777779')
(True, True)
>>> is_valid('77777777')
False
>>> format('133066')
'  133066'
>>> law_code('39130000'), prefecture_code('133066')
('39', '13')
"""

from __future__ import annotations

import functools

from rezept_fusho.numbers.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidNumber,
)
from rezept_fusho.numbers.modulus10 import calc_check_digit as _calc
from rezept_fusho.numbers.modulus10 import checksum_ok, is_ascii_digits
from rezept_fusho.rules.claim import disaster_placeholder, fusho_insurer_placeholder
from rezept_fusho.text.fold import fold_digits

__all__ = [
    "LATE_ELDERLY_LAW_CODE",
    "LAW_CODES",
    "PLACEHOLDERS",
    "calc_check_digit",
    "compact",
    "format",
    "has_known_components",
    "is_kokuho",
    "is_late_elderly",
    "is_placeholder",
    "is_valid",
    "law_code",
    "prefecture_code",
    "validate",
]

#: 法別番号 of 医療保険 (uke-format.md §6.3). 72–75 are 特例退職 [I].
LAW_CODES: dict[str, str] = {
    "01": "全国健康保険協会管掌健康保険",
    "02": "船員保険",
    "03": "日雇特例被保険者（一般療養）",
    "04": "日雇特例被保険者（特別療養費）",
    "06": "組合管掌健康保険",
    "07": "自衛官等",
    "31": "国家公務員共済組合",
    "32": "地方公務員等共済組合",
    "33": "警察共済組合",
    "34": "公立学校共済組合・日本私立学校振興・共済事業団",
    "39": "後期高齢者医療広域連合",
    "63": "特定健康保険組合",
    "67": "国民健康保険 退職者医療",
    "72": "特例退職（国家公務員共済組合）",
    "73": "特例退職（地方公務員等共済組合）",
    "74": "特例退職（警察共済組合）",
    "75": "特例退職（公立学校共済組合・私学共済）",
}

#: 法別番号 of the 後期高齢者医療広域連合.
LATE_ELDERLY_LAW_CODE = "39"

#: ORCA's 6-digit 「保険者不明分」 (``uke-format.md`` §8): not a real insurer either.
ORCA_UNKNOWN_INSURER = "999999"

#: Numbers that stand for "insurer unknown", never for a real insurer: both 不詳
#: forms, the disaster placeholder, and ORCA's 保険者不明分.
PLACEHOLDERS = frozenset(
    {*fusho_insurer_placeholder.PLACEHOLDERS, disaster_placeholder.INSURER.latest.value, ORCA_UNKNOWN_INSURER}
)

_LENGTHS = (6, 8)


def compact(number: str) -> str:
    """Strip spaces and fold 全角 digits to ASCII; nothing else is changed."""
    return fold_digits(number).strip()


def calc_check_digit(body: str) -> str:
    """Return the 検証番号 of a 7-digit (or 5-digit 国保) body."""
    return _calc(body)


def law_code(number: str) -> str | None:
    """法別番号 of a valid 8-digit number; None for a 6-digit 国保 number."""
    number = compact(number)
    return number[:2] if len(number) == 8 else None


def prefecture_code(number: str) -> str:
    """都道府県番号 (two digits) of a valid number."""
    number = compact(number)
    return number[2:4] if len(number) == 8 else number[:2]


def is_kokuho(number: str) -> bool:
    """True for a 6-digit 市町村国保・国保組合 number."""
    return len(compact(number)) == 6


#: Numbers whose derived facts (法別, known components) are remembered, at most: a batch names few insurers.
MEMO_SIZE = 4096


@functools.lru_cache(maxsize=MEMO_SIZE)
def is_late_elderly(number: str) -> bool:
    """True for a 後期高齢者医療広域連合 number (法別 39)."""
    return law_code(number) == LATE_ELDERLY_LAW_CODE


def is_placeholder(number: str) -> bool:
    """True when *number* is one of the "unknown insurer" placeholders."""
    return compact(number) in PLACEHOLDERS


def validate(number: str, *, strict: bool = False) -> str:
    """Return the compact form of *number*, or raise an :class:`InvalidNumber`.

    With ``strict=True`` the 法別番号 must be a known 医療保険 code and the
    都道府県番号 must be 01–47.
    """
    number = compact(number)
    if not is_ascii_digits(number):
        raise InvalidFormat()
    if len(number) not in _LENGTHS:
        raise InvalidLength()
    if not checksum_ok(number):
        raise InvalidChecksum()
    if strict:
        law = law_code(number)
        if law is not None and law not in LAW_CODES:
            raise InvalidComponent("法別番号 / law code")
        if not _known_prefecture(number):
            raise InvalidComponent("都道府県番号 / prefecture")
    return number


def _known_prefecture(number: str) -> bool:
    return "01" <= prefecture_code(number) <= "47"  # two ASCII digits: string order is numeric order


@functools.lru_cache(maxsize=MEMO_SIZE)
def has_known_components(number: str) -> bool:
    """True when the 法別番号 (8 digits) and the 都道府県番号 (01–47) of a valid number are known."""
    law = law_code(number)
    return (law is None or law in LAW_CODES) and _known_prefecture(number)


def is_valid(number: str, *, strict: bool = False) -> bool:
    """True when :func:`validate` accepts *number*."""
    try:
        return bool(validate(number, strict=strict))
    except InvalidNumber:
        return False


def format(number: str) -> str:
    """The UKE form: 8 bytes, a 6-digit 国保 number right-justified with spaces."""
    return compact(number).rjust(8)
