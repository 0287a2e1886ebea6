"""The words the pages show for the library's values: the claim tier and the 審査支払機関.

The script reads the same words from the page (``data-basis``, ``data-payer`` on
the preview), so a value is spelled here only.
"""

from __future__ import annotations

from rezept_fusho.models.resolution import Basis

BASIS_LABELS: dict[Basis | None, str] = {
    "current": "現在の資格で請求",
    "past": "旧資格（過去の資格情報）で請求",
    "fusho": "「不詳」で請求（申立書の内容を摘要に記載）",
    None: "保険請求なし（10割を受け取る）",
}
PAYER_LABELS: dict[str, str] = {
    "shiharai_kikin": "支払基金（社会保険診療報酬支払基金）",
    "kokuho_rengokai": "国保連（国民健康保険団体連合会）",
    "": "未定（医療機関が選択）",
}
