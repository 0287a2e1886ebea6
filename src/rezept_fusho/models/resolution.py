"""The resolution and the error record: one line of ``rezept-fusho resolve`` output.

:class:`ResolutionData` is the same resolution as plain values: the resolver
builds it, and both the typed :class:`Resolution` and the batch's JSON bytes
(:mod:`rezept_fusho.render`) are made from it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from rezept_fusho.models.claim import Payer

Basis = Literal["current", "past", "fusho"]
QualificationFlag = Literal["1", "2"]

_CONFIG = ConfigDict(extra="forbid", frozen=True)


class WarningItem(BaseModel):
    """A warning: something the clinic should know, that did not stop the claim."""

    model_config = _CONFIG

    code: str = Field(title="コード", description="stable snake_case")
    message: str = Field(title="内容", description="Japanese / English")


class Comment(BaseModel):
    """One 摘要 comment, as a CO record carries it: a code of the コメントマスター and its text data."""

    model_config = _CONFIG

    code: str = Field(title="コメントコード", pattern=r"^[0-9]{9}$", description="9 digits")
    text: str = Field(
        title="文字データ",
        description="漢字-mode text data (full-width JIS X 0208); empty for a fixed-text code",
    )


class TraceEntry(BaseModel):
    """One rule the resolver applied, with the document it comes from."""

    model_config = _CONFIG

    rule: str = Field(title="ルールID")
    source: str = Field(title="出典", description="document, issuer, date and section")


class Resolution(BaseModel):
    """How the claim is billed."""

    model_config = _CONFIG

    claim_id: str = Field(title="請求ID")
    basis: Basis = Field(title="請求の根拠", description="current 現在の資格 | past 旧資格 | fusho 不詳")
    insurer_number: str = Field(title="保険者番号")
    symbol: str | None = Field(title="被保険者証等の記号")
    number: str = Field(title="被保険者証等の番号")
    branch: str | None = Field(title="枝番")
    payer: Payer | None = Field(
        title="審査支払機関", description="shiharai_kikin 支払基金 | kokuho_rengokai 国保連"
    )
    comments: tuple[Comment, ...] = Field(
        title="摘要のコメント", description="in CO order: what the electronic receipt records in the 摘要"
    )
    summary: tuple[str, ...] = Field(
        title="摘要",
        description="the paper rendering of comments, one line each: master text + text data (JIS X 0208)",
    )
    paper_margin_note: Literal["不詳"] | None = Field(
        title="紙レセプト上部欄外の記載", description="printed in red above the top margin of a paper receipt"
    )
    qualification_flag: QualificationFlag | None = Field(
        title="資格確認区分",
        description="RE 請求情報: 1 被保険者資格申立書（不詳） | 2 旧資格情報 | null otherwise",
    )
    warnings: tuple[WarningItem, ...] = Field(title="警告")
    trace: tuple[TraceEntry, ...] = Field(title="適用したルール")
    receipt_number: str | None = Field(
        default=None, title="レセプト番号", pattern=r"^[0-9]{1,6}$", description="echoed when given"
    )


class ResolutionData(NamedTuple):
    """A :class:`Resolution` as plain values, field for field and in its order.

    Comments, warnings and the trace are ``(code, text)``, ``(code, message)`` and
    ``(rule, source)`` pairs; ``summary`` is the comments' paper rendering.
    """

    claim_id: str
    basis: Basis
    insurer_number: str
    symbol: str | None
    number: str
    branch: str | None
    payer: Payer | None
    comments: list[tuple[str, str]]
    summary: list[str]
    paper_margin_note: Literal["不詳"] | None
    qualification_flag: QualificationFlag | None
    warnings: list[tuple[str, str]]
    trace: list[tuple[str, str]]
    receipt_number: str | None


class ErrorDetail(BaseModel):
    """Why a line could not be resolved."""

    model_config = _CONFIG

    code: str = Field(title="エラーコード", description="stable snake_case")
    message: str = Field(title="内容", description="Japanese / English; never the patient's personal data")
    field: str | None = Field(title="項目", description="dotted path, or null")


class ErrorRecord(BaseModel):
    """Written instead of a resolution for a line that cannot be resolved."""

    model_config = _CONFIG

    claim_id: str | None = Field(title="請求ID")
    line: int = Field(title="行番号", description="1-based")
    error: ErrorDetail = Field(title="エラー")
