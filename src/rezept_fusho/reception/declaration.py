"""The 被保険者資格申立書 as typed at the window → the claim it makes, checked item by item.

A screen at the reception (the 受付ナビ page of ``rezept-fusho serve``, or a
vendor's own) sends the items as the receptionist typed them. :func:`check`
builds the claim ``rezept-fusho resolve`` takes and runs the library's own code
on it, so that the screen and the claim never disagree:

- each text item through :func:`~rezept_fusho.text.jis.to_kanji_mode`, the
  conversion the resolver applies: the 全角 text it will write (半角カナ and
  digits converted), or the position of the first character outside JIS X 0208;
- each date as the claim model reads it;
- the whole claim through the resolver: the 摘要 as printed (``summary``), the
  CO records of the 医科 layout it becomes, the warnings — or the error that
  stops it, at its item;
- the 75-and-over rule (``LATE-ELDERLY-AGE-75``) explained from the birth date.

Only the ends of an item are trimmed (a space typed after a name would be
written into the 摘要 as a 全角 space); a position counts from the text as
typed. Nothing here reads the clock: the 診療日 is an item like the others.

>>> result = check(DeclarationForm(service_date="2025-07-10", kana_name="ﾔﾏﾀﾞ ﾀﾛｳ",
...     addresses=("新髙島平1-2", "")))
>>> result.converted["kana_name"], result.resolution is None
('ヤマダ\u3000タロウ', True)
>>> [(e.field, e.position, e.message_ja) for e in result.errors]
[('addresses.0', 2, '2文字目はJIS X 0208にない文字です')]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from rezept_fusho.errors import ClaimError
from rezept_fusho.input_errors import to_claim_error
from rezept_fusho.jsonl import dumps
from rezept_fusho.models.claim import Claim
from rezept_fusho.models.resolution import Resolution
from rezept_fusho.models.types import PatientDate
from rezept_fusho.resolver import resolve
from rezept_fusho.rules.claim import (
    comment_codes,
    fusho_number_placeholder,
    fusho_summary,
    late_elderly_by_age,
)
from rezept_fusho.text.dates import ja_date
from rezept_fusho.text.jis import NotJisX0208, to_kanji_mode
from rezept_fusho.uke.build.co import build_comments
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs import layout_for
from rezept_fusho.warning_codes import texts

__all__ = [
    "MAX_ADDRESSES",
    "SPACES",
    "DeclarationCheck",
    "DeclarationForm",
    "ItemError",
    "LateElderlyNote",
    "check",
    "claim_object",
    "co_records",
    "form_field",
    "late_elderly_note",
]

#: Address boxes one form may send: more than any 申立書 has room for.
MAX_ADDRESSES = 20
#: Trimmed from both ends of an item: ASCII space, tab and the 全角 space.
SPACES = " \t\u3000"
#: The text items, in 摘要 order (the addresses come between the names and the 連絡先).
_NAMES = ("kana_name", "insurer_name", "employer_name")
_DATES = ("service_date", "contacted_on", "birth_date")

_CONFIG = ConfigDict(extra="forbid", frozen=True)
#: A form's dates are checked every time and never remembered: the birth date is the patient's own.
_DATE = TypeAdapter(PatientDate)


class DeclarationForm(BaseModel):
    """The 申立書's items as typed: every one a string, an empty one not stated."""

    model_config = _CONFIG

    service_date: str = Field(default="", title="診療日", description="YYYY-MM-DD")
    kana_name: str = Field(default="", title="カナ氏名")
    insurance_kind: str = Field(
        default="unknown",
        title="保険種別",
        description="employee 被用者保険 | national 国民健康保険 | late_elderly 後期高齢者医療 | unknown わからない",
    )
    insurer_name: str = Field(default="", title="保険者等名称")
    employer_name: str = Field(default="", title="事業所名")
    addresses: tuple[str, ...] = Field(
        default=(), title="住所", max_length=MAX_ADDRESSES, description="one per box; empty boxes are skipped"
    )
    contact: str = Field(default="", title="連絡先")
    contacted_on: str = Field(default="", title="患者への連絡を行った日付", description="YYYY-MM-DD")
    birth_date: str = Field(default="", title="生年月日", description="YYYY-MM-DD")
    payer_when_unknown: str = Field(
        default="",
        title="保険種別が「わからない」ときの審査支払機関",
        description="shiharai_kikin | kokuho_rengokai | empty: the claim's options.payer_when_unknown",
    )
    claim_id: str = Field(default="", title="請求ID", description="default: declaration-<service_date>")
    receipt_number: str = Field(default="", title="レセプト番号", description="optional, for uke-patch")


class ItemError(BaseModel):
    """Why an item cannot be written as typed (never the item's text)."""

    model_config = _CONFIG

    field: str | None = Field(
        title="項目",
        description="the form's name (kana_name, addresses.0 for the first address box …); "
        "null when no one item is at fault",
    )
    code: str = Field(title="コード", description="the error code the resolver reports")
    message_ja: str = Field(title="内容")
    message_en: str = Field(title="内容（英語）")
    position: int | None = Field(
        default=None, title="文字の位置", description="1-based, in the item as typed (not_jis_x0208)"
    )


class LateElderlyNote(BaseModel):
    """The 75-and-over rule, applied to the birth date and the 診療日."""

    model_config = _CONFIG

    turns_75_on: date = Field(title="75歳になる日")
    age_75_or_over: bool = Field(title="診療日に75歳以上")
    billed_as_late_elderly: bool = Field(title="後期高齢者医療として請求")
    explanation: tuple[str, ...] = Field(title="説明", description="Japanese sentences")
    rule: str = Field(title="ルールID")
    source: str = Field(title="出典")


class DeclarationCheck(BaseModel):
    """What the claim built from the form will be, or why it cannot be billed yet."""

    model_config = _CONFIG

    errors: tuple[ItemError, ...] = Field(
        title="項目ごとのエラー", description="every item that cannot be written as typed, in form order"
    )
    problem: ItemError | None = Field(
        title="請求できない理由",
        description="the resolver's error for the whole claim; null when it resolves",
    )
    converted: dict[str, str] = Field(
        title="変換後の記載",
        description="form name → the text as the 摘要 writes it (全角, カナ in katakana)",
    )
    omitted: dict[str, str] = Field(
        title="摘要に記載しない項目",
        description="form name → why an item that was given is left out of the 摘要 (事業所名 of 後期高齢者医療)",
    )
    resolution: Resolution | None = Field(title="請求内容")
    co_records: tuple[str, ...] = Field(title="COレコード（医科）", description="one CO record a line")
    claim_line: str | None = Field(
        title="請求（JSON Lines 1行）", description="the claim as one line `rezept-fusho resolve` takes"
    )
    late_elderly: LateElderlyNote | None = Field(title="75歳以上の扱い")


def _trimmed(text: str) -> tuple[str, int]:
    """*text* without spaces at either end, and how many characters were cut from its start."""
    stripped = text.strip(SPACES)
    return stripped, len(text) - len(text.lstrip(SPACES))


def _texts(form: DeclarationForm) -> Iterator[tuple[str, str]]:
    """(form name, text as typed) of every text item, in form order."""
    for name in _NAMES:
        yield name, getattr(form, name)
    for index, address in enumerate(form.addresses):
        yield f"addresses.{index}", address
    yield "contact", form.contact


def claim_object(form: DeclarationForm) -> tuple[dict[str, Any], tuple[int, ...]]:
    """The claim the form makes (JSON data), and the box of each address it holds."""
    declaration: dict[str, Any] = {"insurance_kind": form.insurance_kind.strip(SPACES) or "unknown"}
    for name in (*_NAMES, "contact", "contacted_on", "birth_date"):
        value, _ = _trimmed(getattr(form, name))
        if value:
            declaration[name] = value
    boxes = tuple(index for index, address in enumerate(form.addresses) if address.strip(SPACES))
    if boxes:
        declaration["addresses"] = [form.addresses[index].strip(SPACES) for index in boxes]
    service_date = form.service_date.strip(SPACES)
    claim: dict[str, Any] = {"claim_id": form.claim_id.strip(SPACES) or f"declaration-{service_date}"}
    if service_date:
        claim["service_date"] = service_date
    receipt_number = form.receipt_number.strip(SPACES)
    if receipt_number:
        claim["receipt_number"] = receipt_number
    claim["declaration"] = declaration
    payer = form.payer_when_unknown.strip(SPACES)
    if payer:
        claim["options"] = {"payer_when_unknown": payer}
    return claim, boxes


def form_field(field: str | None, boxes: tuple[int, ...]) -> str | None:
    """The form's name for a field of the claim (``declaration.addresses.1`` → its box)."""
    if field is None or field == "declaration":
        return None
    name = field.removeprefix("declaration.").removeprefix("options.")
    if name == "claim_month":  # the form's 請求年月 is the one its 診療日 implies
        return "service_date"
    head, _, index = name.partition(".")
    if head == "addresses" and index.isascii() and index.isdigit() and int(index) < len(boxes):
        return f"addresses.{boxes[int(index)]}"
    return name


def _item_error(field: str | None, error: ClaimError) -> ItemError:
    return ItemError(field=field, code=error.code, message_ja=error.message_ja, message_en=error.message_en)


def _text_errors(form: DeclarationForm, converted: dict[str, str]) -> Iterator[ItemError]:
    for field, typed in _texts(form):
        text, offset = _trimmed(typed)
        if not text:
            continue
        try:
            written = to_kanji_mode(text, field)
        except NotJisX0208 as exc:
            # The position in the text as typed, as the receptionist counts it.
            at = NotJisX0208(field, exc.position + offset)
            yield ItemError(
                field=field,
                code=at.code,
                message_ja=at.message_ja,
                message_en=at.message_en,
                position=at.position,
            )
            continue
        if field == "kana_name":
            try:
                written = fusho_summary.kana_name(text)
            except ClaimError as exc:
                yield _item_error(field, exc)
                continue
        converted[field] = written


def _date_errors(form: DeclarationForm, dates: dict[str, date]) -> Iterator[ItemError]:
    for field in _DATES:
        text = getattr(form, field).strip(SPACES)
        if not text:
            continue
        try:
            dates[field] = _DATE.validate_python(text)
        except ValidationError as exc:
            yield _item_error(field, to_claim_error(exc))


def _resolved(claim: dict[str, Any]) -> tuple[Claim | None, Resolution | None, ClaimError | None]:
    try:
        model = Claim.model_validate(claim)
        return model, resolve(model), None
    except ValidationError as exc:
        return None, None, to_claim_error(exc)
    except ClaimError as exc:
        return None, None, exc


def co_records(resolution: Resolution, claim_month: date) -> tuple[str, ...]:
    """The 摘要 of *resolution* as the CO records of the 医科 layout in force for *claim_month*."""
    options = UkeOptions()
    spec = layout_for("medical", claim_month, options).specs["CO"]
    records = build_comments(spec, [(comment.code, comment.text) for comment in resolution.comments], options)
    # Shift_JIS, not cp932: 0x817C reads back as the U+2212 the 摘要 holds, not as U+FF0D.
    return tuple(record.raw.decode("shift_jis") for record in records)


def late_elderly_note(kind: str, birth: date, service: date) -> LateElderlyNote | None:
    """The 75-and-over rule for a birth date and a 診療日; None when the kind is not one the claim takes."""
    if kind not in fusho_summary.KIND_LABELS or birth > service:
        return None
    rule, age = late_elderly_by_age.RULE, late_elderly_by_age.AGE
    turns = late_elderly_by_age.turns_75_on(birth)
    late, warning = late_elderly_by_age.by_age(kind, birth, service)
    over = late_elderly_by_age.is_late_elderly_age(birth, service)
    if over:
        sentences = [f"診療日に{age}歳以上です（{ja_date(turns)}に{age}歳）。", f"{rule.title_ja}。"]
    else:
        sentences = [f"診療日には{age}歳未満です（{age}歳になるのは{ja_date(turns)}）。"]
    if warning is not None:
        sentences.append(texts(warning, age=age)[0])
    if late:
        number = fusho_number_placeholder.RULE_LATE_ELDERLY
        sentences += [f"{number.title_ja}。", f"{fusho_summary.RULE_NO_EMPLOYER.title_ja}。"]
    return LateElderlyNote(
        turns_75_on=turns,
        age_75_or_over=over,
        billed_as_late_elderly=late,
        explanation=tuple(sentences),
        rule=rule.id,
        source=rule.source,
    )


def check(form: DeclarationForm) -> DeclarationCheck:
    """The claim *form* makes, checked by the library's own code (see the module's docstring)."""
    claim, boxes = claim_object(form)
    converted: dict[str, str] = {}
    dates: dict[str, date] = {}
    errors = [*_text_errors(form, converted), *_date_errors(form, dates)]
    model, resolution, failure = _resolved(claim)
    problem = None
    if failure is not None:
        problem = _item_error(form_field(failure.field, boxes), failure)
        # The resolver stops at its first error: shown at its item unless that item already shows one.
        if problem.field is not None and all(error.field != problem.field for error in errors):
            errors.append(problem)
    omitted = {}
    if resolution is not None and form.employer_name.strip(SPACES):
        written = {comment.code for comment in resolution.comments}
        if comment_codes.EMPLOYER_NAME.code not in written:
            omitted["employer_name"] = fusho_summary.RULE_NO_EMPLOYER.title_ja
    late = None
    order = _form_order(form)
    if "birth_date" in dates and "service_date" in dates:
        late = late_elderly_note(
            form.insurance_kind.strip(SPACES) or "unknown", dates["birth_date"], dates["service_date"]
        )
    return DeclarationCheck(
        errors=tuple(sorted(errors, key=lambda error: _position(order, error.field))),
        problem=problem,
        converted=converted,
        omitted=omitted,
        resolution=resolution,
        co_records=co_records(resolution, model.claim_month_start) if model and resolution else (),
        claim_line=dumps(claim) if resolution is not None else None,
        late_elderly=late,
    )


def _form_order(form: DeclarationForm) -> list[str]:
    """The form's names in the order the page shows them."""
    return [
        "service_date",
        "kana_name",
        "insurance_kind",
        "insurer_name",
        "employer_name",
        *(f"addresses.{index}" for index in range(len(form.addresses))),
        "contact",
        "contacted_on",
        "birth_date",
        "payer_when_unknown",
        "claim_id",
        "receipt_number",
    ]


def _position(order: list[str], field: str | None) -> int:
    return order.index(field) if field in order else len(order)
