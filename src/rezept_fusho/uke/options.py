"""Options for the facts of the 記録条件仕様 this library could not confirm, and the vendor's choices.

Every default is the value the research found most likely (the 記録条件仕様
as transcribed by others, and what ORCA writes); each is an option so a vendor holding the current spec can correct it without waiting
for a release. ``docs/uke.md`` lists them with their evidence.

>>> UkeOptions().comment_max_bytes is None
True
>>> UkeOptions(comment_max_bytes=100).comment_max_bytes
100
>>> sorted(UkeOptions().flag_kinds)
['medical']
"""

from __future__ import annotations

from typing import Literal

import attrs

Kind = Literal["medical", "dental", "pharmacy"]
KINDS: tuple[Kind, ...] = ("medical", "dental", "pharmacy")
PharmacyCommentRecord = Literal["TK", "CO"]


def _byte_limit(instance: object, attribute: attrs.Attribute[int], value: int | None) -> None:
    # A byte limit below one full-width character could never hold any text.
    if value is not None and value < 2:
        raise ValueError(f"{attribute.name} must be at least 2 bytes")


def _two_digits(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not (len(value) == 2 and value.isascii() and all(c in "0123456789" for c in value)):
        raise ValueError(f"{attribute.name} must be two ASCII digits")


def _burden(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not (len(value) == 1 and value.isascii() and value.isalnum()):
        raise ValueError(f"{attribute.name} must be one ASCII letter or digit")


def _kinds(instance: object, attribute: attrs.Attribute[frozenset[Kind]], value: frozenset[Kind]) -> None:
    unknown = set(value) - set(KINDS)
    if unknown:
        raise ValueError(f"{attribute.name}: unknown receipt kinds {sorted(unknown)}")


def _created_at(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    # 作成年月日 (8) + 作成時分秒 (6), as the reference software writes the head of 請求情報.
    if value is None:
        return
    if not (len(value) == 14 and value.isascii() and all(c in "0123456789" for c in value)):
        raise ValueError(f"{attribute.name} must be 14 ASCII digits, YYYYMMDDhhmmss")


@attrs.frozen
class UkeOptions:
    """Unconfirmed format facts and vendor choices, with the defaults this library uses.

    - ``comment_max_bytes``: the CO / TK 文字データ limit; ``None`` (default)
      takes the spec's limit for the file's receipt kind and 請求年月
      (:mod:`rezept_fusho.uke.specs`: 76 bytes, 400 for 歯科 from 令和8年6月版).
    - ``comment_category``: the 診療識別 of the first comment of the group a
      patch inserts (``01`` 全体に係る; the others leave it empty, as ORCA does).
    - ``burden_category``: CO 負担区分 (``1`` 保険単独).
    - ``card_max_bytes``: 記号 / 番号 limit (38 in the spec as JP FHIR and the
      歯科 令和8年6月版 give it; ORCA checks 40).
    - ``check_recipient_digit``: check the 公費受給者番号 検証番号 (not every
      地方単独 programme follows it, so off by default).
    - ``flag_kinds``: the receipt kinds whose RE 請求情報 carries the 資格確認区分
      (``{"medical"}``: only the 医科 reference software is known to write it; the
      歯科 field would be 請求情報２, the 調剤 one 請求情報 — ``docs/uke.md``).
    - ``created_at``: 作成年月日時分秒 ``YYYYMMDDhhmmss`` for a receipt whose
      請求情報 is empty, so the 資格確認区分 can be written after it; without it
      such a receipt is refused (``claim_info_unusable``).
    - ``pharmacy_comment_record``: the record a 調剤 receipt's 摘要 comments go
      in — ``TK`` (摘要欄レコード, default) or ``CO``.
    """

    comment_max_bytes: int | None = attrs.field(default=None, validator=_byte_limit)
    comment_category: str = attrs.field(default="01", validator=_two_digits)
    burden_category: str = attrs.field(default="1", validator=_burden)
    card_max_bytes: int = attrs.field(default=38, validator=_byte_limit)
    check_recipient_digit: bool = False
    flag_kinds: frozenset[Kind] = attrs.field(
        default=frozenset({"medical"}), converter=frozenset, validator=_kinds
    )
    created_at: str | None = attrs.field(default=None, validator=_created_at)
    pharmacy_comment_record: PharmacyCommentRecord = attrs.field(
        default="TK", validator=attrs.validators.in_(("TK", "CO"))
    )
