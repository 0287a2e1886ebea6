"""The 受付ナビ pages through the ASGI app: every route, the form flow without JavaScript, the headers,
the cross-site refusal, the token, and that nothing entered reaches a log."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from tests.server.html_tree import Page

from rezept_fusho.api import check_declaration, triage_object
from rezept_fusho.cli import main
from rezept_fusho.rules.frontdesk import cases
from rezept_fusho.server.app import create_app
from rezept_fusho.server.pages.layout import CSP
from rezept_fusho.server.pages.triage_page import situation_object
from rezept_fusho.warning_codes import WARNINGS

ORIGIN = "http://127.0.0.1"
SAME = {"Origin": ORIGIN}
DAY = "2026-05-15"
TRIAGE = {
    "service_date": DAY,
    "case": "qualification_invalid",
    "visit": "first",
    "presented": ["my_number_card"],
}
DECLARATION = {
    "service_date": DAY,
    "kana_name": "ﾔﾏﾀﾞ ﾀﾛｳ",
    "insurance_kind": "employee",
    "insurer_name": "全国健康保険協会",
    "employer_name": "株式会社サンプル",
    "addresses": ["東京都新宿区西新宿2-8-1", ""],
    "contact": "03-1234-5678",
    "contacted_on": "2026-05-20",
    "birth_date": "1980-01-01",
}


def local(app: Any) -> TestClient:
    return TestClient(app, base_url=ORIGIN)


@pytest.fixture
def client() -> TestClient:
    return local(create_app())


def post(client: TestClient, path: str, data: dict[str, Any], headers: dict[str, str] = SAME) -> Any:
    return client.post(path, data=data, headers=headers)


def test_the_pages_answer_in_japanese_with_their_headers(client: TestClient) -> None:
    for path in ("/", "/declaration"):
        answer = client.get(path)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/html; charset=utf-8"
        assert answer.headers["content-security-policy"] == CSP
        assert "default-src 'self'" in CSP
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"
        assert answer.headers["cache-control"] == "no-store"
        assert '<html lang="ja">' in answer.text
        assert "保存もログへの記録もしません" in answer.text


def _inline(html: str) -> list[str]:
    """Whatever the CSP would block: inline script or style, handlers, resources from elsewhere."""
    found = []
    for element in Page(html).root.walk():
        if element.tag == "script" and (not element.attrs.get("src") or element.text().strip()):
            found.append("inline script")
        if element.tag == "style":
            found.append("style element")
        for name, value in element.attrs.items():
            if name == "style" or name.startswith("on"):
                found.append(f"{element.tag} {name}")
            if name in ("src", "href", "action", "formaction") and value and re.match(r"^(\w+:|//)", value):
                found.append(f"{element.tag} {name}={value}")
    return found


def test_nothing_inline_and_nothing_from_elsewhere(client: TestClient) -> None:
    pages = [
        client.get("/").text,
        client.get("/declaration").text,
        post(client, "/", TRIAGE).text,
        post(client, "/declaration", DECLARATION).text,
        post(client, "/declaration/print", DECLARATION).text,
    ]
    for html in pages:
        assert _inline(html) == []
    scripts = Page(pages[0]).find_all("script")
    assert [script.attrs["src"] for script in scripts] == ["/static/reception.js"]


def test_the_static_files_are_the_packages(client: TestClient) -> None:
    script = client.get("/static/reception.js")
    assert script.status_code == 200
    assert script.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "/v1/declaration-check" in script.text
    style = client.get("/static/reception.css")
    assert style.headers["content-type"] == "text/css; charset=utf-8"
    assert "@media print" in style.text
    assert client.get("/static/nope.js").status_code == 404
    assert client.get("/static/..%2Fapp.py").status_code == 404


def test_the_triage_form_offers_every_case(client: TestClient) -> None:
    page = Page(client.get("/").text)
    offered = [el.attrs["value"] for el in page.find_all("input") if el.attrs.get("name") == "case"]
    assert offered == list(cases.CASES)
    assert len(offered) == 8  # the seven cases of the seed, and no card
    assert "data-today" in page["service_date"].attrs
    assert page["service_date"].attrs["value"] == ""  # the server never reads the clock


@pytest.mark.parametrize(
    "situation",
    [
        TRIAGE,
        {
            "service_date": DAY,
            "case": "no_card",
            "visit": "return",
            "presented": ["expired_health_insurance_card"],
            "insurance_kind": "employee",
            "lookup": "valid",
            "age_group": "under_70",
        },
        {
            "service_date": DAY,
            "case": "outage",
            "visit": "first",
            "system_down": "on",
            "holds_past_data": "on",
            "flexible_return_visit": "on",
            "temporary_end": "2026-03-31",
            "setting": "home",
            "declared_ratio": "2割",
        },
    ],
)
def test_the_triage_shown_is_the_librarys(client: TestClient, situation: dict[str, Any]) -> None:
    answer = post(client, "/", situation)
    assert answer.status_code == 200
    page = Page(answer.text)
    guidance = triage_object(
        situation_object({k: v if isinstance(v, list) else [v] for k, v in situation.items()})
    )
    shown = [li.attrs["data-method"] for li in page["paths"].find_all("li")]
    assert shown == [path.method for path in guidance.paths]
    assert page.text("window-ratio") == guidance.window_payment.ratio
    for path in guidance.paths:
        assert path.rule in answer.text
    for entry in guidance.trace:
        assert entry.source in answer.text
    for warning in guidance.warnings:
        assert warning.message.partition(" / ")[0] in answer.text
    # The form comes back as it was sent.
    checked = {el.attrs["name"] for el in page.find_all("input") if "checked" in el.attrs}
    assert {name for name, value in situation.items() if value == "on"} <= checked


def test_a_situation_that_cannot_be_triaged_is_shown_at_its_item(client: TestClient) -> None:
    answer = post(client, "/", {"service_date": DAY, "visit": "first"})
    assert answer.status_code == 422
    page = Page(answer.text)
    assert page["field-case"].attrs.get("aria-invalid") == "true"
    assert "必須項目がありません" in page.text("note-case")
    assert page["error-summary"].find_all("a")[0].attrs["href"] == "#field-case"
    early = Page(post(client, "/", {**TRIAGE, "service_date": "2023-07-09"}).text)
    assert "保発0710第1号" in early.text("note-service_date")


def test_the_declaration_link_carries_the_date_and_the_kind_only(client: TestClient) -> None:
    page = Page(client.get(f"/declaration?service_date={DAY}&insurance_kind=national&kana_name=x").text)
    assert page["service_date"].attrs["value"] == DAY
    kinds = [
        el
        for el in page.find_all("input")
        if el.attrs.get("name") == "insurance_kind" and "checked" in el.attrs
    ]
    assert [el.attrs["value"] for el in kinds] == ["national"]
    assert page["kana_name"].attrs["value"] == ""


def test_the_declaration_without_javascript_shows_what_the_library_makes_of_it(client: TestClient) -> None:
    answer = post(client, "/declaration", DECLARATION)
    assert answer.status_code == 200
    page = Page(answer.text)
    result = check_declaration({**DECLARATION, "addresses": DECLARATION["addresses"]})
    assert result.resolution is not None
    assert page.items("tekiyo") == list(result.resolution.summary)
    assert page.text("co-records").splitlines() == list(result.co_records)
    assert page.text("claim-line") == result.claim_line
    assert page.text("margin-note") == "不詳"
    assert page.text("check-status").startswith("請求できます")
    assert page.text("conv-kana_name") == "摘要での記載：ヤマダ\u3000タロウ"
    assert page.text("conv-contact") == "摘要での記載：０３−１２３４−５６７８"
    assert "hidden" in page["conv-insurer_name"].attrs  # typed as it is written
    assert page["addresses-0"].attrs["value"] == "東京都新宿区西新宿2-8-1"
    assert "hidden" not in page["line-actions"].attrs


def test_a_character_outside_jis_is_shown_beside_its_field(client: TestClient) -> None:
    answer = post(client, "/declaration", {**DECLARATION, "addresses": ["東京都", "新髙島平1-2"]})
    page = Page(answer.text)
    assert page.text("note-addresses-1") == "2文字目はJIS X 0208にない文字です（「髙」）"
    assert page["addresses-1"].attrs["aria-invalid"] == "true"
    assert "note-addresses-1" in (page["addresses-1"].attrs["aria-describedby"] or "")
    assert page.text("check-status") == "まだ請求できません：住所2：2文字目はJIS X 0208にない文字です"
    assert page.text("claim-line") == ""
    assert "hidden" in page["line-actions"].attrs
    assert page["error-summary"].find_all("a")[0].attrs["href"] == "#addresses-1"


def test_an_address_box_is_added_without_javascript(client: TestClient) -> None:
    page = Page(post(client, "/declaration", {**DECLARATION, "action": "add_address"}).text)
    boxes = [el for el in page.find_all("input") if el.attrs.get("name") == "addresses"]
    assert [box.attrs["id"] for box in boxes] == ["addresses-0", "addresses-1", "addresses-2"]
    full = Page(
        post(client, "/declaration", {**DECLARATION, "addresses": ["a"] * 25, "action": "add_address"}).text
    )
    assert len([el for el in full.find_all("input") if el.attrs.get("name") == "addresses"]) == 20
    assert "disabled" in full["add-address"].attrs


def test_the_employer_of_a_late_elderly_patient_is_said_to_be_left_out(client: TestClient) -> None:
    late = {**DECLARATION, "insurance_kind": "unknown", "birth_date": "1950-01-01"}
    page = Page(post(client, "/declaration", late).text)
    assert page.text("conv-employer_name").startswith("摘要には記載しません")
    assert "LATE-ELDERLY-AGE-75" in page.text("late-elderly")
    assert "75歳以上" in page.text("late-elderly")
    printed = Page(post(client, "/declaration/print", late).text)
    assert "記載しません" in printed.find_all("table")[0].text()


def test_the_downloaded_line_resolves_to_the_preview(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preview = Page(post(client, "/declaration", DECLARATION).text)
    answer = post(client, "/declaration/claim.jsonl", DECLARATION)
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == f'attachment; filename="declaration-{DAY}.jsonl"'
    assert answer.headers["cache-control"] == "no-store"
    assert answer.text.endswith("\n")
    assert answer.text.count("\n") == 1
    path = tmp_path / "claim.jsonl"
    path.write_bytes(answer.content)
    assert main(["resolve", str(path)]) == 0
    resolved = json.loads(capsys.readouterr().out)
    assert resolved["basis"] == "fusho"
    assert resolved["summary"] == preview.items("tekiyo")


def test_a_download_name_is_only_safe_characters(client: TestClient) -> None:
    named = post(client, "/declaration/claim.jsonl", {**DECLARATION, "claim_id": 'a"b/c'})
    assert named.headers["content-disposition"] == 'attachment; filename="a_b_c.jsonl"'
    japanese = post(client, "/declaration/claim.jsonl", {**DECLARATION, "claim_id": "受付1"})
    assert japanese.headers["content-disposition"] == 'attachment; filename="claim.jsonl"'


def test_no_download_for_a_claim_that_cannot_be_billed(client: TestClient) -> None:
    answer = post(client, "/declaration/claim.jsonl", {**DECLARATION, "kana_name": ""})
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("text/html")
    assert "不詳請求には申立書の「カナ氏名」が必要です" in answer.text


def test_the_print_view_keeps_the_items(client: TestClient) -> None:
    answer = post(client, "/declaration/print", {**DECLARATION, "addresses": ["東京都", "髙"]})
    assert answer.status_code == 200
    page = Page(answer.text)
    sheet = page.find_all("table")[0].text()
    for item in ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ\u3000タロウ", "全国健康保険協会", "03-1234-5678", "東京都", "髙"):
        assert item in sheet
    assert "1文字目はJIS X 0208にない文字です" in sheet
    assert "FRONTDESK-PATTERN-A-DECLARATION" in answer.text
    assert "請求が支払われるまで保管" in answer.text
    assert "hidden" in page["print-button"].attrs  # shown by the script


def test_the_check_endpoint_is_the_librarys(client: TestClient) -> None:
    body = {**DECLARATION, "addresses": ["東京都", "新髙島平"]}
    answer = client.post("/v1/declaration-check", json=body)
    assert answer.status_code == 200
    assert answer.json() == json.loads(check_declaration(body).model_dump_json())
    refused = client.post("/v1/declaration-check", json={"ヤマダ": "x"})
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "<unknown key>"
    assert "ヤマダ" not in refused.text
    as_form = client.post("/v1/declaration-check", data={"kana_name": "x"}, headers=SAME)
    assert as_form.status_code == 415


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:8001"},
        {"Origin": "https://127.0.0.1.evil.example"},
        {"Referer": "http://evil.example/page"},
        {"Origin": "http://[::1"},
    ],
)
@pytest.mark.parametrize("path", ["/", "/declaration", "/declaration/claim.jsonl", "/declaration/print"])
def test_a_form_from_elsewhere_is_refused(client: TestClient, path: str, headers: dict[str, str]) -> None:
    answer = post(client, path, {**DECLARATION, **TRIAGE}, headers)
    assert answer.status_code == 403
    assert "このサービスのページ以外から送られたフォームは受け付けません" in answer.text
    assert "ﾔﾏﾀﾞ" not in answer.text
    assert answer.headers["content-security-policy"] == CSP


def test_a_browser_that_sends_only_a_referer_is_answered(client: TestClient) -> None:
    assert post(client, "/", TRIAGE, {"Referer": f"{ORIGIN}/"}).status_code == 200


def test_the_v1_endpoints_still_refuse_a_form(client: TestClient) -> None:
    for path in ("/v1/resolve", "/v1/triage"):
        answer = client.post(path, data={"claim_id": "x"}, headers=SAME)
        assert answer.status_code == 415
        assert answer.json()["error"]["code"] == "unsupported_media_type"


def test_a_form_post_must_be_a_form(client: TestClient) -> None:
    answer = client.post("/declaration", json=DECLARATION, headers=SAME)
    assert answer.status_code == 415
    assert "このページのフォームから送信してください" in answer.text
    assert client.post("/", content=b"a=1", headers={**SAME, "Content-Type": "text/plain"}).status_code == 415


def test_a_form_post_is_held_to_the_services_limits() -> None:
    client = local(create_app(max_body_bytes=100))
    answer = post(client, "/declaration", DECLARATION)
    assert answer.status_code == 413
    assert "リクエストが大きすぎます" in answer.text


@pytest.mark.parametrize(
    "body", [b"kana_name=%FF", "kana_name=\u30a2".encode("shift_jis"), b"&".join([b"a=1"] * 101)]
)
def test_a_form_that_cannot_be_read_is_400(client: TestClient, body: bytes) -> None:
    headers = {**SAME, "Content-Type": "application/x-www-form-urlencoded"}
    answer = client.post("/declaration", content=body, headers=headers)
    assert answer.status_code == 400
    assert "UTF-8" in answer.text


def test_a_form_post_needs_an_allowed_host(client: TestClient) -> None:
    answer = client.post("/", data=TRIAGE, headers={"Host": "evil.example", "Origin": "http://evil.example"})
    assert answer.status_code == 421
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 421


def test_with_a_token_the_pages_ask_for_it_and_every_post_needs_it() -> None:
    client = local(create_app(token="s3cret"))
    page = client.get("/")
    assert page.status_code == 200
    tree = Page(page.text)
    assert "hidden" in tree["token-panel"].attrs  # the script shows it
    assert tree["token-triage"].attrs["type"] == "password"
    assert tree.root.find_all("body")[0].attrs["data-token-required"] == "true"
    assert post(client, "/", TRIAGE).status_code == 401
    wrong = post(client, "/", {**TRIAGE, "token": "wrong"})
    assert wrong.status_code == 401
    assert "アクセストークンが違います" in wrong.text
    assert 'data-token-rejected="true"' in wrong.text  # the script forgets the token it kept
    answer = post(client, "/", {**TRIAGE, "token": "s3cret"})
    assert answer.status_code == 200
    assert "s3cret" not in answer.text  # never written into a page
    assert post(client, "/declaration", {**DECLARATION, "token": "s3cret"}).status_code == 200
    assert post(client, "/declaration/print", DECLARATION).status_code == 401
    assert client.post("/v1/declaration-check", json=DECLARATION).status_code == 401
    bearer = {"Authorization": "Bearer s3cret"}
    assert client.post("/v1/declaration-check", json=DECLARATION, headers=bearer).status_code == 200


def test_without_a_token_no_token_field() -> None:
    html = local(create_app()).get("/declaration").text
    assert 'name="token"' not in html
    assert 'data-token-required="false"' in html


def test_typed_text_is_escaped(client: TestClient) -> None:
    answer = post(client, "/declaration", {**DECLARATION, "kana_name": '"><script>alert(1)</script>'})
    assert "<script>alert" not in answer.text
    assert _inline(answer.text) == []


def test_nothing_entered_reaches_any_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = {
        **DECLARATION,
        "kana_name": "ﾋﾐﾂﾉﾅﾏｴ",
        "contact": "09099998888",
        "addresses": ["秘密町9-9-9", "髙"],
    }
    with caplog.at_level(logging.DEBUG):
        post(client, "/", {**TRIAGE, "service_date": "2026-05-14"})
        post(client, "/declaration", secret)
        post(client, "/declaration/claim.jsonl", {**secret, "addresses": ["秘密町9-9-9"]})
        post(client, "/declaration/print", secret)
        client.post("/v1/declaration-check", json=secret)
        post(client, "/declaration", secret, {"Origin": "http://evil.example"})
    text = "\n".join(record.getMessage() for record in caplog.records)
    for typed in ("ﾋﾐﾂ", "ヒミツ", "09099998888", "０９０", "秘密町", "髙", "2026-05-14"):
        assert typed not in text
    access = [r.getMessage() for r in caplog.records if r.name == "rezept_fusho.access"]
    assert [line.rsplit(" ", 1)[0] for line in access] == [
        "POST / 200",
        "POST /declaration 200",
        "POST /declaration/claim.jsonl 200",
        "POST /declaration/print 200",
        "POST /v1/declaration-check 200",
        "POST /declaration 403",
    ]


def test_japanese_halves_of_warnings_hold_no_separator() -> None:
    # The pages show the Japanese half of "日本語 / English": it must never contain the separator.
    assert all(" / " not in text.ja for text in WARNINGS.values())


def test_the_pages_are_not_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    responses = paths["/v1/declaration-check"]["post"]["responses"]
    assert set(responses) == {"200", "400", "401", "408", "413", "415", "421", "422"}
    assert not {
        "/",
        "/declaration",
        "/declaration/claim.jsonl",
        "/declaration/print",
        "/static/{name}",
    } & set(paths)
    schema = client.get("/openapi.json").json()["components"]["schemas"]["DeclarationForm"]
    assert schema["properties"]["kana_name"]["title"] == "カナ氏名"


@pytest.mark.parametrize(
    ("situation", "badge"),
    [
        (
            {**TRIAGE, "presented": ["my_number_card", "portal_screen", "qualification_notice"]},
            "今すぐ使える",
        ),
        ({**TRIAGE, "case": "outage", "system_down": "on", "holds_past_data": "on"}, "システム復旧後"),
        (
            {
                **TRIAGE,
                "case": "no_card",
                "presented": ["expired_health_insurance_card"],
                "insurance_kind": "employee",
                "lookup": "invalid",
            },
            "使えない",
        ),
    ],
)
def test_each_path_says_whether_it_can_be_used(
    client: TestClient, situation: dict[str, Any], badge: str
) -> None:
    page = Page(post(client, "/", situation).text)
    badges = [
        span.text() for span in page["paths"].find_all("span") if "badge" in (span.attrs.get("class") or "")
    ]
    assert badge in badges


def test_an_error_with_no_field_belongs_to_no_control() -> None:
    from rezept_fusho.server.pages.triage_page import _control

    assert _control(None) is None
    assert _control("options.temporary_end") == "temporary_end"
    assert _control("presented.1") == "presented"
