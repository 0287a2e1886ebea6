"""検証番号: the modulus-10 check digit shared by 保険者番号, 公費負担者番号 and 受給者番号.

Source: 厚生労働省「保険者番号等の設定について」(設定要領). Starting from the rightmost digit of the
body, weight the digits 2, 1, 2, 1, …; add the digits of each product; the
check digit is 10 minus the last digit of the sum, or 0 when that is 0.

>>> calc_check_digit('0113001')
'2'
>>> calc_check_digit('7777777')
'9'
>>> calc_check_digit('13306')
'6'
"""

from __future__ import annotations

from rezept_fusho.numbers.exceptions import InvalidFormat

ASCII_DIGITS = frozenset("0123456789")


def is_ascii_digits(value: str) -> bool:
    """True when *value* is non-empty and made only of ASCII 0-9.

    ``str.isdigit`` and ``int`` accept full-width and other Unicode digits,
    so they are never used for validation here.
    """
    return bool(value) and value.isascii() and ASCII_DIGITS.issuperset(value)


def calc_check_digit(body: str) -> str:
    """Return the check digit of *body* (ASCII digits) as one character."""
    if not is_ascii_digits(body):
        raise InvalidFormat("body")
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = ord(char) - 48
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def checksum_ok(number: str) -> bool:
    """True when the last digit of *number* is the check digit of the rest."""
    return calc_check_digit(number[:-1]) == number[-1]
