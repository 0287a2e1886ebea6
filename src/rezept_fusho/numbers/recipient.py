"""公費受給者番号 (recipient number of a 公費負担医療 programme).

7 digits: 6 digits + 検証番号 (the modulus-10 check digit of
:mod:`rezept_fusho.numbers.modulus10`). Not every programme follows the check
digit — ORCA checks it only where its 保険番号マスタ says so, mostly not for
地方単独 programmes (``uke-format.md`` §6.1) — so :func:`validate` checks it
only when asked (``check_digit=True``).

>>> validate('1234566', check_digit=True)
'1234566'
>>> validate('1234567')
'1234567'
>>> validate('1234567', check_digit=True)
Traceback (most recent call last):
    ...
rezept_fusho.numbers.exceptions.InvalidChecksum: 検証番号が一致しません / the check digit does not match
>>> calc_check_digit('123456')
'6'
>>> is_valid('12345')
False
"""

from __future__ import annotations

from rezept_fusho.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, InvalidNumber
from rezept_fusho.numbers.modulus10 import calc_check_digit as _calc
from rezept_fusho.numbers.modulus10 import checksum_ok, is_ascii_digits
from rezept_fusho.text.fold import fold_digits

__all__ = ["calc_check_digit", "compact", "is_valid", "validate"]

LENGTH = 7


def compact(number: str) -> str:
    """Strip spaces and fold 全角 digits to ASCII; nothing else is changed."""
    return fold_digits(number).strip()


def calc_check_digit(body: str) -> str:
    """Return the 検証番号 of a 6-digit body."""
    return _calc(body)


def validate(number: str, *, check_digit: bool = False) -> str:
    """Return the compact form of *number*, or raise a :class:`InvalidNumber`."""
    number = compact(number)
    if not is_ascii_digits(number):
        raise InvalidFormat()
    if len(number) != LENGTH:
        raise InvalidLength()
    if check_digit and not checksum_ok(number):
        raise InvalidChecksum()
    return number


def is_valid(number: str, *, check_digit: bool = False) -> bool:
    """True when :func:`validate` accepts *number*."""
    try:
        return bool(validate(number, check_digit=check_digit))
    except InvalidNumber:
        return False
