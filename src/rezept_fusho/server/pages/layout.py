"""The frame every 受付ナビ page shares: head, navigation, the privacy note, the token field, the headers.

Pages are plain f-strings; every value goes through :func:`esc`. Nothing is
inline — no ``<script>`` body, no ``style`` attribute — so the
Content-Security-Policy can forbid everything but the service's own files.
"""

from __future__ import annotations

from html import escape
from typing import Literal

from fastapi.responses import HTMLResponse

from rezept_fusho import __version__

Page = Literal["triage", "declaration", "print"]

#: Only this service's own files; no frame may hold the pages; forms post only to the service.
CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # Not no-referrer: with it a browser sends "Origin: null" on the page's own posts (server/origin.py).
    "Referrer-Policy": "same-origin",
    # A page may hold what the receptionist typed: the browser must not keep it in its cache.
    "Cache-Control": "no-store",
}

PRIVACY_JA = (
    "入力した内容は、このパソコン（またはこの医療機関）で動いている rezept-fusho が確認のために使うだけで、"
    "保存もログへの記録もしません。外部のサイトには何も送らず、外部のファイルも読み込みません。"
)
PRIVACY_STORAGE_JA = (
    "印刷した控えやダウンロードしたファイルは、医療機関の個人情報の取扱いに従って保管してください。"
)


def esc(value: object) -> str:
    """*value* as HTML text or a quoted attribute value."""
    return escape(str(value), quote=True)


def japanese(message: str) -> str:
    """The Japanese half of a ``日本語 / English`` message."""
    return message.partition(" / ")[0]


def _nav(current: Page) -> str:
    links = (("triage", "/", "受付"), ("declaration", "/declaration", "申立書入力"))
    current_mark = ' aria-current="page"'
    items = "".join(
        f'<li><a href="{href}"{current_mark if name == current else ""}>{label}</a></li>'
        for name, href, label in links
    )
    return f'<nav aria-label="ページ"><ul class="nav">{items}</ul></nav>'


def token_field(required: bool, form: str) -> str:
    """The token input of *form* (only when the service has a token); the script fills it from the session.

    Never filled in by the server: the token is not written into any page.
    """
    if not required:
        return ""
    return (
        '<div class="field token-field">'
        f'<label for="token-{form}">アクセストークン</label>'
        f'<p class="hint" id="token-hint-{form}">このサービスにはトークンが設定されています。'
        "送信のたびに入力してください（JavaScript が使えるブラウザーでは最初の1回だけです）。</p>"
        f'<input type="password" name="token" id="token-{form}" autocomplete="off" '
        f'aria-describedby="token-hint-{form}" required>'
        "</div>"
    )


def token_panel(required: bool) -> str:
    """Shown by the script, once a session, when the service needs a token it does not hold yet."""
    if not required:
        return ""
    return (
        '<section class="token-panel" id="token-panel" hidden aria-labelledby="token-panel-title">'
        '<h2 id="token-panel-title">アクセストークンの入力</h2>'
        '<p id="token-panel-hint">このサービスにはトークンが設定されています。管理者から知らされたトークンを入力してください。'
        "トークンはこのタブを閉じるまでブラウザー（sessionStorage）にだけ保持し、ほかには保存しません。</p>"
        '<p class="note error" id="token-panel-error" role="alert" hidden></p>'
        '<form id="token-form" class="inline-form">'
        '<label for="token-input">トークン</label>'
        '<input type="password" id="token-input" autocomplete="off" aria-describedby="token-panel-hint" required>'
        '<button type="submit">保存</button>'
        "</form></section>"
    )


def document(
    title: str, main: str, *, current: Page, token_required: bool, token_rejected: bool = False
) -> str:
    """A whole page: *main* is the content of ``<main>``; *token_rejected* makes the script forget its token."""
    rejected = ' data-token-rejected="true"' if token_rejected else ""
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} — 受付ナビ</title>
<link rel="stylesheet" href="/static/reception.css">
<script src="/static/reception.js" defer></script>
</head>
<body data-page="{current}" data-token-required="{"true" if token_required else "false"}"{rejected}>
<a class="skip" href="#main">本文へ移動</a>
<header class="site">
<p class="brand">受付ナビ <span class="brand-sub">マイナ保険証で資格確認ができないとき</span></p>
{_nav(current)}
</header>
{token_panel(token_required)}
<main id="main" tabindex="-1">
{main}
</main>
<footer class="site">
<p class="privacy" id="privacy">{esc(PRIVACY_JA)}</p>
<p class="privacy">{esc(PRIVACY_STORAGE_JA)}</p>
<p class="version">rezept-fusho {esc(__version__)} — 結果はすべてライブラリのルール（ルールIDと出典つき）から作られます。</p>
</footer>
</body>
</html>
"""


def html_page(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status_code=status, headers=HEADERS)


def refusal_page(status: int, message_ja: str, *, current: Page, token_required: bool) -> HTMLResponse:
    """A refused form post: what went wrong, and nothing of what was sent."""
    main = (
        f'<h1>送信できませんでした</h1><p class="note error" role="alert">{esc(message_ja)}</p>'
        "<p>ブラウザーの「戻る」で入力した画面に戻れます。</p>"
        '<p><a href="/">受付へ</a> ・ <a href="/declaration">申立書入力へ</a></p>'
    )
    # A wrong token: the script forgets the one it kept, and asks again.
    page = document(
        "送信できませんでした",
        main,
        current=current,
        token_required=token_required,
        token_rejected=status == 401,
    )
    return html_page(page, status)
