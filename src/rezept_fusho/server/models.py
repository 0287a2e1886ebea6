"""Response models that exist only on the HTTP side (the rest are the library's own models)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from rezept_fusho.models.resolution import ErrorDetail, ErrorRecord, Resolution
from rezept_fusho.rules.rule import Rule

_CONFIG = ConfigDict(extra="forbid", frozen=True)


class BatchResult(BaseModel):
    """``POST /v1/resolve`` with an array: one result or error record per claim, in order."""

    model_config = _CONFIG

    results: list[Resolution | ErrorRecord] = Field(title="結果", description="in request order")
    errors: int = Field(title="エラー件数")


class TriageErrorRecord(BaseModel):
    """The error record of a situation that cannot be triaged."""

    model_config = _CONFIG

    situation_id: str | None = Field(title="受付ID")
    line: int = Field(title="行番号", description="always 1 over HTTP")
    error: ErrorDetail = Field(title="エラー")


class InsurerReport(BaseModel):
    """What the library knows of a 保険者番号 (the ``check-insurer --json`` object)."""

    model_config = _CONFIG

    input: str = Field(title="入力")
    number: str | None = Field(title="保険者番号", description="compact form, or null when unreadable")
    valid: bool = Field(title="有効")
    placeholder: bool = Field(title="仮番号（不詳・災害時）")
    code: str | None = Field(title="エラーコード")
    message: str | None = Field(title="内容")
    law_code: str | None = Field(default=None, title="法別番号")
    law_name: str | None = Field(default=None, title="法別")
    prefecture: str | None = Field(default=None, title="都道府県番号")
    known_components: bool | None = Field(default=None, title="既知の法別番号・都道府県番号")
    payer: str | None = Field(default=None, title="審査支払機関")
    uke_form: str | None = Field(default=None, title="UKEでの表記", description="8 bytes, right-justified")


class CitationOut(BaseModel):
    model_config = _CONFIG

    source: str = Field(title="出典")
    url: str = Field(title="URL")
    section: str = Field(title="箇所")


class RuleOut(BaseModel):
    """One rule of the registry."""

    model_config = _CONFIG

    id: str = Field(title="ルールID")
    title_ja: str = Field(title="名称")
    title_en: str = Field(title="名称（英語）")
    start: str = Field(title="適用開始日", description="inclusive, YYYY-MM-DD")
    end: str | None = Field(title="適用終了日", description="exclusive; null while in force")
    axis: str = Field(title="適用の基準日", description="service_date 診療日 | claim_month 請求年月")
    grade: str = Field(title="確度")
    citations: list[CitationOut] = Field(title="出典")


def rule_out(rule: Rule) -> RuleOut:
    return RuleOut(
        id=rule.id,
        title_ja=rule.title_ja,
        title_en=rule.title_en,
        start=rule.window.start.isoformat(),
        end=rule.window.end.isoformat() if rule.window.end else None,
        axis=rule.axis,
        grade=rule.grade,
        citations=[
            CitationOut(source=c.source, url=c.document.url, section=c.section) for c in rule.citations
        ],
    )
