"""公費負担者番号 (payer number of a 公費負担医療 programme).

8 digits: 法別番号 (2) + 都道府県番号 (2) + 実施機関番号 (3) + 検証番号 (1); the
検証番号 is the modulus-10 check digit of :mod:`rezept_fusho.numbers.modulus10`,
as for the 保険者番号 (``uke-format.md`` §6.1–6.2; ORCA applies it to every
公費負担者番号).

>>> validate('５４１３６０１５')
'54136015'
>>> validate('54136016')
Traceback (most recent call last):
    ...
rezept_fusho.numbers.exceptions.InvalidChecksum: 検証番号が一致しません / the check digit does not match
>>> calc_check_digit('5413601')
'5'
>>> law_code('54136015'), prefecture_code('54136015')
('54', '13')
>>> is_valid('5413601')
False
"""

from __future__ import annotations

from rezept_fusho.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, InvalidNumber
from rezept_fusho.numbers.modulus10 import calc_check_digit as _calc
from rezept_fusho.numbers.modulus10 import checksum_ok, is_ascii_digits
from rezept_fusho.text.fold import fold_digits

__all__ = ["calc_check_digit", "compact", "is_valid", "law_code", "prefecture_code", "validate"]

LENGTH = 8


def compact(number: str) -> str:
    """Strip spaces and fold 全角 digits to ASCII; nothing else is changed."""
    return fold_digits(number).strip()


def calc_check_digit(body: str) -> str:
    """Return the 検証番号 of a 7-digit body."""
    return _calc(body)


def law_code(number: str) -> str:
    """法別番号 (the first two digits) of a valid number."""
    return compact(number)[:2]


def prefecture_code(number: str) -> str:
    """都道府県番号 (digits 3–4) of a valid number."""
    return compact(number)[2:4]


def validate(number: str) -> str:
    """Return the compact form of *number*, or raise a :class:`InvalidNumber`."""
    number = compact(number)
    if not is_ascii_digits(number):
        raise InvalidFormat()
    if len(number) != LENGTH:
        raise InvalidLength()
    if not checksum_ok(number):
        raise InvalidChecksum()
    return number


def is_valid(number: str) -> bool:
    """True when :func:`validate` accepts *number*."""
    try:
        return bool(validate(number))
    except InvalidNumber:
        return False
