"""Options for the facts of the 記録条件仕様 this library could not confirm.

Every default is the value the research found most likely
(``shared/domain/uke-format.md``); each is an option so a vendor holding the
current spec can correct it without waiting for a release. ``docs/uke.md``
lists them with their evidence.

>>> UkeOptions().comment_max_bytes
76
>>> UkeOptions(comment_max_bytes=100).comment_max_bytes
100
"""

from __future__ import annotations

from typing import Literal

import attrs

DentalHeader = Literal["UK", "IR"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    # A byte limit below one full-width character could never hold any text.
    if value < 2:
        raise ValueError(f"{attribute.name} must be at least 2 bytes")


def _two_digits(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not (len(value) == 2 and value.isascii() and all(c in "0123456789" for c in value)):
        raise ValueError(f"{attribute.name} must be two ASCII digits")


def _burden(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not (len(value) == 1 and value.isascii() and value.isalnum()):
        raise ValueError(f"{attribute.name} must be one ASCII letter or digit")


@attrs.frozen
class UkeOptions:
    """Unconfirmed format facts, with the defaults this library uses.

    - ``comment_max_bytes``: CO 文字データ limit (76 bytes = 38 全角 in the
      2019 spec as ORCA checks it; the 令和 specs were not read).
    - ``comment_category``: CO 診療識別 for the 摘要 lines (``01`` 全体に係る,
      which prints them at the top of the 摘要欄; one vendor source only).
    - ``burden_category``: CO 負担区分 (``1`` 保険単独).
    - ``comment_code``: the free-text コメントコード 810000001.
    - ``card_max_bytes``: 記号 / 番号 limit (38 in the spec as JP FHIR quotes
      it; ORCA 2019 checked 40).
    - ``dental_header``: the first record of a 歯科 file, ``UK`` (2022–2025
      samples) or ``IR`` (the 2019-era layout).
    - ``check_recipient_digit``: check the 公費受給者番号 検証番号 (not every
      地方単独 programme follows it, so off by default).
    """

    comment_max_bytes: int = attrs.field(default=76, validator=_positive)
    comment_category: str = attrs.field(default="01", validator=_two_digits)
    burden_category: str = attrs.field(default="1", validator=_burden)
    comment_code: str = attrs.field(default="810000001")
    card_max_bytes: int = attrs.field(default=38, validator=_positive)
    dental_header: DentalHeader = attrs.field(default="UK", validator=attrs.validators.in_(("UK", "IR")))
    check_recipient_digit: bool = False


#: File names by receipt type. Only 医科 ``RECEIPTC.UKE`` is confirmed (ORCA); the 歯科 and 調剤
#: names were not found in any source this library trusts, so none is guessed here.
FILE_NAMES = {"medical": "RECEIPTC.UKE"}
