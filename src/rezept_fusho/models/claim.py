"""The claim: one line of ``rezept-fusho resolve`` input (the JSON contract).

Unknown fields are an error (``extra="forbid"``), never silently dropped.
The Japanese term of each field is its title, so the JSON Schema speaks the
front desk's language.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from rezept_fusho.input_errors import to_claim_error
from rezept_fusho.models.types import (
    Branch,
    CardNumber,
    InsurerNumber,
    IsoDate,
    OptionalText,
    PatientDate,
    RecordId,
    Symbol,
    Text,
    YearMonth,
)
from rezept_fusho.rules.claim import comment_codes, fusho_insurer_placeholder
from rezept_fusho.rules.claim.fusho_insurer_placeholder import InsurerPlaceholder

ReceiptType = Literal["medical", "dental", "pharmacy"]
InsuranceKind = Literal["employee", "national", "late_elderly", "unknown"]
Payer = Literal["shiharai_kikin", "kokuho_rengokai"]
CommentStyle = Literal["master", "free_text"]


def month_after(day: date) -> date:
    """The first day of the month after *day*: the default 請求年月 of a 診療日."""
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


_CONFIG = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Qualification(BaseModel):
    """被保険者資格: the numbers on a card, a screen or the 資格(無効) display."""

    model_config = _CONFIG

    insurer_number: InsurerNumber = Field(
        title="保険者番号",
        description="8 digits, or 6 for 国保; 全角 digits and spaces are folded. Placeholders are refused.",
    )
    symbol: Symbol | None = Field(default=None, title="被保険者証等の記号")
    number: CardNumber = Field(title="被保険者証等の番号")
    branch: Branch | None = Field(default=None, title="枝番", description="2 digits")


class Declaration(BaseModel):
    """被保険者資格申立書: what the patient declared when no qualification could be confirmed.

    Every field may be missing here; a 不詳 claim then names what it lacks.
    """

    model_config = _CONFIG

    kana_name: OptionalText = Field(default=None, title="カナ氏名")
    insurance_kind: InsuranceKind = Field(
        default="unknown",
        title="保険種別",
        description="employee 被用者保険 | national 国民健康保険 | late_elderly 後期高齢者医療 | unknown わからない",
    )
    insurer_name: OptionalText = Field(default=None, title="保険者等名称")
    employer_name: OptionalText = Field(default=None, title="事業所名")
    addresses: tuple[Text, ...] = Field(default=(), title="住所", description="every one is written")
    contact: OptionalText = Field(default=None, title="連絡先")
    contacted_on: IsoDate | None = Field(default=None, title="患者への連絡を行った日付")
    birth_date: PatientDate | None = Field(default=None, title="生年月日")


class Options(BaseModel):
    """Choices the notices leave to the clinic or its software."""

    model_config = _CONFIG

    insurer_placeholder: InsurerPlaceholder = Field(
        default=fusho_insurer_placeholder.DEFAULT,
        title="不詳の保険者番号",
        description=(
            f"{fusho_insurer_placeholder.ALTERNATIVE.latest.value} for receipt software that cannot take "
            f"{fusho_insurer_placeholder.INSURER.latest.value} (事務連絡 2023-09-15)"
        ),
    )
    payer_when_unknown: Payer | None = Field(
        default=None,
        title="保険種別不明時の審査支払機関",
        description="疑義解釈 2023-08-03 問1: the clinic chooses; null leaves the choice open with a warning",
    )
    past_summary_note: OptionalText = Field(
        default=None,
        title="旧資格請求の摘要記載（フリーコメント）",
        description=(
            f"Free text written (as comment {comment_codes.FREE_TEXT.code}) in place of the default 旧資格 "
            f"comment {comment_codes.PAST.code} 「{comment_codes.PAST.master_text}」. Default null: the default comment."
        ),
    )
    comment_style: CommentStyle = Field(
        default="master",
        title="摘要のコメントの記録方法",
        description=(
            f"master: the コメントマスター codes the reference software writes ({comment_codes.FUSHO.code}, "
            f"{comment_codes.KANA_NAME.code}–{comment_codes.CONTACTED_ON.code[-3:]}, {comment_codes.PAST.code}); "
            f"free_text: every comment as {comment_codes.FREE_TEXT.code} with a labelled text, for receipt "
            "software whose master lacks those codes"
        ),
    )
    require_complete_declaration: bool = Field(
        default=False,
        title="申立書の全項目を必須とする",
        description=(
            "false: a 不詳 claim needs only the カナ氏名; a missing 住所, 連絡先 or 連絡日 is left out of the 摘要 "
            "with the warning declaration_item_missing. true: the same case is the error declaration_incomplete"
        ),
    )


#: The options of a claim that gives none: one shared instance (frozen), not a new one per claim.
DEFAULT_OPTIONS = Options()


def _default_options() -> Options:
    return DEFAULT_OPTIONS


class Claim(BaseModel):
    """One claim to resolve."""

    model_config = _CONFIG

    claim_id: RecordId = Field(title="請求ID")
    service_date: IsoDate = Field(title="診療日")
    claim_month: YearMonth | None = Field(
        default=None, title="請求年月", description="YYYY-MM; default: the month after service_date"
    )
    receipt_type: ReceiptType = Field(
        default="medical", title="レセプト種類", description="医科 / 歯科 / 調剤"
    )
    receipt_number: str | None = Field(
        default=None,
        title="レセプト番号",
        pattern=r"^[0-9]{1,6}$",
        description="the RE record's レセプト番号, to match a UKE receipt; echoed back",
    )
    current_qualification: Qualification | None = Field(default=None, title="現在の資格")
    past_qualification: Qualification | None = Field(default=None, title="過去の資格（旧資格）")
    declaration: Declaration | None = Field(default=None, title="被保険者資格申立書")
    options: Options = Field(default_factory=_default_options, title="オプション")

    @model_validator(mode="wrap")
    @classmethod
    def _past_never_blocks_current(cls, data: Any, handler: ModelWrapValidatorHandler[Claim]) -> Claim:
        """A broken 旧資格 beside a valid current qualification is never used: ignore it, with a warning.

        The current tier wins (保発0710第1号 3(1)), so a claim must not fail on
        a past qualification it will not be billed on.
        """
        try:
            return handler(data)
        except ValidationError as exc:
            ignored = _ignorable_past(data, exc)
            if ignored is None:
                raise
            claim = handler({key: value for key, value in data.items() if key != "past_qualification"})
        return ClaimIgnoringPast.of(claim, ignored)

    @property
    def ignored_past_qualification(self) -> tuple[str, str] | None:
        """(field, error code) when an invalid past qualification was left out, else None."""
        return None

    @property
    def claim_month_start(self) -> date:
        """The first day of the 請求年月 (default: the month after the 診療日)."""
        if self.claim_month is not None:
            # YearMonth has already checked the ASCII YYYY-MM shape.
            return date(int(self.claim_month[:4]), int(self.claim_month[5:]), 1)
        return month_after(self.service_date)


class ClaimIgnoringPast(Claim):
    """A claim whose invalid past qualification was left out, beside a valid current one.

    What :meth:`Claim._past_never_blocks_current` returns in that case. The (field, code)
    it carries is a private attribute of this class alone: on :class:`Claim` itself, pydantic
    would set it up on every claim validated and read it through ``__getattr__``.
    """

    _ignored_past: tuple[str, str] = PrivateAttr()

    @classmethod
    def of(cls, claim: Claim, ignored: tuple[str, str]) -> ClaimIgnoringPast:
        """*claim* (already validated), noting the past qualification left out as *ignored*."""
        copy = cls.model_construct(_fields_set=claim.model_fields_set, **dict(claim))
        copy._ignored_past = ignored
        return copy

    @property
    def ignored_past_qualification(self) -> tuple[str, str] | None:
        return self._ignored_past


def _ignorable_past(data: Any, exc: ValidationError) -> tuple[str, str] | None:
    """(field, code) of the first error when every error lies in ``past_qualification`` of a claim
    that also gives a current qualification; None otherwise."""
    if not isinstance(data, dict) or data.get("current_qualification") is None:
        return None
    errors = exc.errors(include_url=False, include_input=False)
    if not all(error["loc"][:1] == ("past_qualification",) for error in errors):
        return None
    error = to_claim_error(exc)
    return error.field or "past_qualification", error.code
