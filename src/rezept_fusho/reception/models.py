"""The situation at the window and the guidance: one line of ``rezept-fusho triage`` in and out.

Unknown fields are an error (``extra="forbid"``); each field's title is the
front desk's Japanese term. Every date comes from the situation: the triage
never reads the clock. :class:`GuidanceData` is the guidance as plain values:
the triage builds it, and both the typed :class:`Guidance` and the batch's
JSON bytes (:mod:`rezept_fusho.render`) are made from it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from rezept_fusho.models.claim import InsuranceKind
from rezept_fusho.models.resolution import Basis, TraceEntry, WarningItem
from rezept_fusho.models.types import IsoDate, PatientDate, RecordId
from rezept_fusho.rules.frontdesk import expired_card_temporary
from rezept_fusho.rules.frontdesk.expired_card_temporary import DEFAULT_END, TemporaryEnd
from rezept_fusho.rules.frontdesk.vocabulary import (
    AgeGroup,
    Case,
    Item,
    Lookup,
    Pattern,
    Ratio,
    Setting,
    Timing,
    Visit,
)

_CONFIG = ConfigDict(extra="forbid", frozen=True)


class TriageOptions(BaseModel):
    """Facts the notices leave open, and clinic policy: explicit, with documented defaults."""

    model_config = _CONFIG

    temporary_end: TemporaryEnd = Field(
        default=DEFAULT_END,
        title="暫定的取扱いの終了日",
        description="; ".join(
            f"{value.value.isoformat()}: {value.citation.document.issuer} {value.citation.document.issued_on.isoformat()}"
            + (
                " (unconfirmed: every result relying on it carries a warning)"
                if value.grade == "unverified"
                else ""
            )
            for value in expired_card_temporary.END.values
        )
        + f". Default: the latest, {DEFAULT_END}",
    )
    flexible_return_visit: bool = Field(
        default=False,
        title="再診時の柔軟な対応（3割等）",
        description="clinic policy (保発0710第1号 2(3)): charge 3割等 on a 再診 of a known patient instead of 10割",
    )


#: The options of a situation that gives none: one shared instance (frozen), not a new one per line.
DEFAULT_OPTIONS = TriageOptions()


def _default_options() -> TriageOptions:
    return DEFAULT_OPTIONS


class Situation(BaseModel):
    """What happened at the window."""

    model_config = _CONFIG

    situation_id: RecordId = Field(title="受付ID")
    service_date: IsoDate = Field(title="診療日")
    case: Case = Field(
        title="ケース",
        description=(
            "qualification_invalid 資格(無効)・資格情報なし | card_unusable カード使用不可 | outage 停電・通信障害 | "
            "equipment_failure カードリーダ・端末の故障 | card_lost_disaster 災害でカード紛失 | "
            "identity_check_impossible 顔認証・暗証番号とも不可 | reader_difficult カードリーダの操作が困難 | "
            "no_card マイナンバーカードなし"
        ),
    )
    visit: Visit = Field(title="初診・再診", description="first 初診 | return 再診")
    setting: Setting = Field(
        default="clinic", title="受診の場", description="clinic 外来 | home 訪問診療 | online オンライン診療"
    )
    presented: tuple[Item, ...] = Field(default=(), title="患者が提示できるもの")
    holds_past_data: bool = Field(
        default=False,
        title="過去の受診で把握している資格情報の有無",
        description="true also when the 「資格(無効)」 display shows the old 保険者番号・記号・番号",
    )
    system_reachable: bool = Field(default=True, title="オンライン資格確認等システムに接続できるか")
    certificate_expiry: PatientDate | None = Field(
        default=None,
        title="利用者証明用電子証明書の有効期限",
        description="when the card's certificate expired",
    )
    insurance_kind: InsuranceKind = Field(
        default="unknown",
        title="保険種別",
        description="employee 被用者保険 | national 国民健康保険 | late_elderly 後期高齢者医療 | unknown わからない",
    )
    lookup: Lookup = Field(
        default="not_done",
        title="被保険者番号等による資格照会の結果",
        description="valid 有効 | invalid 有効な資格なし | not_done 未実施 (for the temporary handling)",
    )
    age_group: AgeGroup | None = Field(
        default=None,
        title="年齢区分",
        description="preschool 未就学児 | under_70 70歳未満 | 70_plus 70歳以上",
    )
    declared_ratio: Ratio | None = Field(default=None, title="負担割合（把握または申告）")
    options: TriageOptions = Field(default_factory=_default_options, title="オプション")


class Path(BaseModel):
    """One way to confirm the qualification, in order of preference."""

    model_config = _CONFIG

    method: str = Field(title="方法ID")
    pattern: Pattern | None = Field(
        title="パターン", description="A–D, or null for a document or rule outside them"
    )
    label: str = Field(title="方法")
    action: str = Field(title="受付での対応")
    rule: str = Field(title="ルールID")
    available: bool = Field(title="今すぐ使えるか")
    timing: Timing = Field(title="時期", description="now 今 | later システム復旧後")
    missing: tuple[Item, ...] = Field(title="不足しているもの")


class WindowPayment(BaseModel):
    """What the patient pays at the window, and why."""

    model_config = _CONFIG

    share: Literal["normal", "full"] = Field(title="負担", description="normal 3割等 | full 10割")
    ratio: str = Field(title="負担割合")
    reason: str = Field(title="理由")
    rule: str = Field(title="ルールID")
    condition: str | None = Field(title="条件")
    flexible: bool = Field(title="柔軟な対応による3割等")


class Guidance(BaseModel):
    """What the front desk does now, what the patient pays, how the visit will be billed."""

    model_config = _CONFIG

    situation_id: str = Field(title="受付ID")
    case_title: str = Field(title="ケース")
    paths: tuple[Path, ...] = Field(title="確認方法（優先順）")
    chosen: str | None = Field(title="使う方法", description="the first available path's method, or null")
    ask_patient: tuple[str, ...] = Field(title="患者に依頼すること")
    window_payment: WindowPayment = Field(title="窓口負担")
    likely_claim_basis: Basis | None = Field(
        title="請求の見込み",
        description="current 現在の資格 | past 旧資格 | fusho 不詳 | null 10割で請求なし",
    )
    collect_now: tuple[str, ...] = Field(title="今集めること", description="申立書 items a 不詳 claim needs")
    warnings: tuple[WarningItem, ...] = Field(title="警告")
    trace: tuple[TraceEntry, ...] = Field(title="適用したルール")


class PathData(TypedDict):
    """A :class:`Path` as plain values: its JSON object, key for key in its field order."""

    method: str
    pattern: Pattern | None
    label: str
    action: str
    rule: str
    available: bool
    timing: Timing
    missing: tuple[Item, ...]


class PaymentData(TypedDict):
    """A :class:`WindowPayment` as plain values: its JSON object, key for key in its field order."""

    share: Literal["normal", "full"]
    ratio: str
    reason: str
    rule: str
    condition: str | None
    flexible: bool


class GuidanceData(NamedTuple):
    """A :class:`Guidance` as plain values, field for field and in its order.

    Warnings and the trace are ``(code, message)`` and ``(rule, source)`` pairs. Its lists and
    dicts are shared by every guidance of the same situation (the memo of
    :func:`~rezept_fusho.reception.triage.triage_data`): read them, never change them.
    """

    situation_id: str
    case_title: str
    paths: list[PathData]
    chosen: str | None
    ask_patient: tuple[str, ...]
    window_payment: PaymentData
    likely_claim_basis: Basis | None
    collect_now: tuple[str, ...]
    warnings: list[tuple[str, str]]
    trace: list[tuple[str, str]]


def guidance_model(data: GuidanceData) -> Guidance:
    """The typed (and validated) :class:`Guidance` of *data*."""
    return Guidance(
        situation_id=data.situation_id,
        case_title=data.case_title,
        paths=tuple(Path.model_validate(path) for path in data.paths),
        chosen=data.chosen,
        ask_patient=data.ask_patient,
        window_payment=WindowPayment.model_validate(data.window_payment),
        likely_claim_basis=data.likely_claim_basis,
        collect_now=data.collect_now,
        warnings=tuple(WarningItem(code=code, message=message) for code, message in data.warnings),
        trace=tuple(TraceEntry(rule=rule, source=source) for rule, source in data.trace),
    )
