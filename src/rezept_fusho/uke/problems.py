"""Stable problem codes of the UKE reader, checker and patcher, in Japanese and English.

A problem names a line, a record and a field — never a field's value, so a
report can be shared without a patient's 氏名 in it. The record is named only
by an id of the 記録条件仕様 (:data:`~rezept_fusho.uke.specs.KNOWN_RECORD_IDS`):
a malformed line's first field may be anything, a name or an address
included, and is never repeated.

>>> Problem.of("too_long", line=3, record="HO", field="記号").message
'バイト数が上限を超えています / longer than the byte limit'
"""

from __future__ import annotations

from typing import Any

import attrs

from rezept_fusho.uke.specs.record_ids import KNOWN_RECORD_IDS

#: code → (Japanese, English). Codes are stable: tools match on them.
MESSAGES: dict[str, tuple[str, str]] = {
    # reader (file unreadable: exit 2)
    "undecodable": ("Shift_JISとして読めないバイトがあります", "bytes that are not Shift_JIS"),
    "line_too_long": ("1行が長すぎます", "the line is too long"),
    "bare_cr": ("CRの後にLFがありません", "a CR without LF"),
    "data_after_eof": ("EOF(0x1A)の後にデータがあります", "data after the EOF mark (0x1A)"),
    "not_a_file": ("ファイルを読めません", "the file cannot be read"),
    # structure
    "header_not_first": (
        "先頭がファイルの種類のヘッダー（医科IR・歯科UK・調剤YK）ではありません",
        "the first record is not the file header of its kind (医科 IR, 歯科 UK, 調剤 YK)",
    ),
    "header_repeated": ("ヘッダーレコードが2回以上あります", "the file header appears more than once"),
    "go_missing": ("GOレコードがありません", "no GO record"),
    "go_not_last": ("GOレコードの後にレコードがあります", "records after the GO record"),
    "record_outside_receipt": (
        "最初のレセプトより前にレコードがあります",
        "a record before the first receipt",
    ),
    "invalid_record_id": ("レコード識別情報が正しくありません", "the record id is malformed"),
    "line_ending": ("改行がCR LFではありません", "the line does not end with CR LF"),
    "eof_mark_missing": ("最終行の後にEOF(0x1A)がありません", "no EOF mark (0x1A) after the last line"),
    "empty_file": ("レコードがありません", "the file has no records"),
    # fields
    "field_count": ("項目数がレコード種別と一致しません", "wrong number of fields for the record type"),
    "missing_value": ("必須項目が空です", "a required field is empty"),
    "not_numeric": ("数字モードの項目に数字以外があります", "a numeric field holds non-digits"),
    "not_alphanumeric": ("英数モードの項目に半角英数以外があります", "an alphanumeric field holds non-ASCII"),
    "not_kanji": ("漢字モードの項目に1バイト文字があります", "a kanji field holds 1-byte characters"),
    "not_jis_x0208": ("JIS X 0208にない文字（外字）があります", "a character outside JIS X 0208"),
    "mixed_width": ("英数と漢字が混在しています", "1-byte and 2-byte characters mixed in one field"),
    "too_long": ("バイト数が上限を超えています", "longer than the byte limit"),
    "wrong_length": ("固定長の項目の長さが違います", "a fixed-length field has the wrong length"),
    # receipts
    "duplicate_ho": ("HOレコードが2つ以上あります", "more than one HO record in a receipt"),
    "insurer_number_format": (
        "保険者番号は8桁、または国保6桁を右詰め（先頭に半角空白2つ）にしてください",
        "保険者番号 must be 8 digits, or 6 digits right-justified with two spaces",
    ),
    "insurer_check_digit": ("保険者番号の検証番号が一致しません", "保険者番号 check digit does not match"),
    "public_payer_check_digit": (
        "公費負担者番号の検証番号が一致しません",
        "公費負担者番号 check digit does not match",
    ),
    "recipient_check_digit": ("受給者番号の検証番号が一致しません", "受給者番号 check digit does not match"),
    "fusho_summary_not_first": (
        "不詳の保険者番号ですが、最初のコメントが「不詳」（820000246）ではありません",
        "placeholder 保険者番号 but the first comment is not 「不詳」 (820000246)",
    ),
    "fusho_summary_without_placeholder": (
        "最初のコメントが「不詳」ですが、保険者番号が不詳の番号ではありません",
        "the first comment is 「不詳」 but 保険者番号 is not a placeholder",
    ),
    "fusho_kana_name_missing": (
        "不詳の請求ですが、カナ氏名のコメント（830000501）がありません",
        "a 不詳 claim without the カナ氏名 comment (830000501)",
    ),
    "fusho_flag_missing": (
        "不詳の保険者番号ですが、請求情報の資格確認区分が1ではありません",
        "placeholder 保険者番号 but the 請求情報 資格確認区分 is not 1",
    ),
    "fusho_flag_with_real_insurer": (
        "請求情報の資格確認区分が1（申立書）ですが、保険者番号が不詳の番号ではありません",
        "資格確認区分 1 (申立書) with a real 保険者番号",
    ),
    "past_flag_without_comment": (
        "請求情報の資格確認区分が2（旧資格）ですが、「旧資格情報」（820000245）のコメントがありません",
        "資格確認区分 2 (旧資格) without the comment 「旧資格情報」 (820000245)",
    ),
    "past_comment_without_flag": (
        "「旧資格情報」のコメントがありますが、請求情報の資格確認区分が2ではありません",
        "the comment 「旧資格情報」 without 資格確認区分 2",
    ),
    "go_count_mismatch": (
        "GOレコードの総件数がファイルの保険者・公費レコードの数と一致しません",
        "GO 総件数 differs from the HO and KO records of the file",
    ),
    "go_points_mismatch": (
        "GOレコードの総合計点数が各レセプトの主保険の合計点数の和と一致しません",
        "GO 総合計点数 differs from the sum of each receipt's main 合計点数",
    ),
    "fusho_symbol_not_empty": ("不詳の請求では記号を空にしてください", "a 不詳 claim has an empty 記号"),
    "fusho_number": (
        "不詳の請求の番号は7を9桁（後期高齢者は8桁）にしてください",
        "a 不詳 番号 is nine 7s (eight for 後期高齢者)",
    ),
    "fusho_number_without_placeholder": (
        "番号が不詳の番号ですが、保険者番号が不詳の番号ではありません",
        "番号 is the 不詳 placeholder but 保険者番号 is not",
    ),
    "branch_for_late_elderly": ("後期高齢者に枝番は記録しません", "no 枝番 for 後期高齢者"),
    "branch_for_public": ("公費の資格確認レコードに枝番は記録しません", "no 枝番 for 公費"),
    # patch
    "resolution_invalid": ("解決結果の行が正しくありません", "a resolution line is not valid"),
    "resolution_is_error": ("エラーレコードは適用できません", "an error record cannot be applied"),
    "resolution_without_receipt_number": (
        "レセプト番号がない解決結果は照合できません",
        "a resolution without receipt_number cannot be matched",
    ),
    "receipt_named_twice": ("同じレセプト番号が2回指定されています", "a receipt is named twice"),
    "receipt_number_repeated": (
        "指定のレセプト番号のレセプトがファイルに2つあります",
        "the file has two receipts with the named レセプト番号",
    ),
    "receipt_not_found": ("指定のレセプト番号がファイルにありません", "the receipt is not in the file"),
    "receipt_without_ho": ("HOレコードのないレセプトです", "the receipt has no HO record"),
    "value_not_encodable": ("記録できない値です", "the value cannot be written in this field"),
    "claim_info_unusable": (
        "請求情報が作成日時＋災害区分の形式でないため、資格確認区分を記録できません（空なら--created-atを指定）",
        "請求情報 is not 作成日時 + 災害区分, so the 資格確認区分 cannot be written (if empty, give --created-at)",
    ),
    "result_fails_check": (
        "修正によってuke-checkの問題が増えます",
        "the patch would add problems that uke-check reports",
    ),
}


@attrs.frozen
class Problem:
    """One finding: where (line, record, field) and what (a stable code)."""

    code: str
    line: int | None = None
    record: str | None = None
    field: str | None = None
    position: int | None = None

    @classmethod
    def of(
        cls,
        code: str,
        *,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
        position: int | None = None,
    ) -> Problem:
        """A problem with a known *code*; *position* is the field's 1-based place (the id is 1)."""
        if code not in MESSAGES:
            raise KeyError(code)
        return cls(code, line, record if record in KNOWN_RECORD_IDS else None, field, position)

    @property
    def message_ja(self) -> str:
        return MESSAGES[self.code][0]

    @property
    def message_en(self) -> str:
        return MESSAGES[self.code][1]

    @property
    def message(self) -> str:
        return f"{self.message_ja} / {self.message_en}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "position": self.position,
            "code": self.code,
            "message": self.message,
        }

    def __str__(self) -> str:
        place = f"#{self.position}" if self.position is not None else None
        if self.field is not None:
            place = f"{place}{self.field}" if place else self.field
        where = ":".join(str(part) for part in (self.line, self.record, place) if part is not None)
        return f"{where or '-'}\t{self.code}\t{self.message}"


class UkeError(Exception):
    """A UKE operation failed; ``problems`` says where and why (never a field's value)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))

    @property
    def code(self) -> str:
        return self.problems[0].code


class UkeReadError(UkeError):
    """The file cannot be read as UKE (exit status 2)."""
