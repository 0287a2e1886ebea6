"""The 受付ナビ in a real browser: Debian's headless Chromium, driven through its chromedriver, keyboard only.

``rezept-fusho serve`` runs as a receptionist's PC runs it (a subprocess on a
free loopback port, its log kept); the browser reaches every control with Tab,
types, and chooses with Space, Enter and the arrow keys. Nothing here downloads
a browser: Selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver
(``.ci/run`` installs Debian's ``chromium`` and ``chromium-driver``).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from chromium_flags import FLAGS as CHROMIUM_FLAGS
from cli_runner import cli_command, run_cli
from rezept_fusho.api import check_declaration, triage_object

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None, reason="chromium or chromedriver is not on PATH"
    ),
]

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FLAGS = (*CHROMIUM_FLAGS, "--window-size=1280,1000")
DAY = "2026-05-15"
#: What the receptionist types; none of it may reach the service's log.
TYPED = ("ﾔﾏﾀﾞ ﾀﾛｳ", "新髙島平1-2", "新高島平1-2", "大阪府大阪市北区1-1", "03-1234-5678", "全国健康保険協会")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(log: Path, token: str | None = None) -> Iterator[str]:
    """``rezept-fusho serve`` on a free loopback port, its output in *log*; stopped (this process only) on exit."""
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if key != "REZEPT_FUSHO_TOKEN"}
    if token is not None:
        env["REZEPT_FUSHO_TOKEN"] = token
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*cli_command(), "serve", "--port", str(port)], stdout=out, stderr=out, env=env
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=1) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    assert process.poll() is None, log.read_text(encoding="utf-8")
                    assert time.monotonic() < deadline, "the service did not start"
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serving(log) as base:
        yield base, log


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


# ---- the keyboard ---------------------------------------------------------------------------------


def press(driver: Any, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def focused(driver: Any) -> WebElement:
    return driver.switch_to.active_element


def tab_until(driver: Any, wanted: Callable[[WebElement], bool], what: str, limit: int = 120) -> WebElement:
    """Press Tab until the focused element is *wanted*: it must be reachable with the keyboard."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        element = focused(driver)
        if wanted(element):
            return element
    raise AssertionError(f"{what} cannot be reached with Tab")


def tab_to(driver: Any, ident: str) -> WebElement:
    return tab_until(driver, lambda element: element.get_attribute("id") == ident, f"#{ident}")


def choose(driver: Any, name: str, value: str) -> None:
    """Tab into a group of radio buttons, then Space and the arrow keys until *value* is chosen."""
    tab_until(driver, lambda el: el.get_attribute("name") == name, f"the {name} buttons")
    press(driver, Keys.SPACE)
    for _ in range(12):
        if focused(driver).get_attribute("value") == value:
            break
        press(driver, Keys.ARROW_DOWN)
    element = focused(driver)
    assert (element.get_attribute("value"), element.is_selected()) == (value, True)


def tick(driver: Any, name: str, value: str) -> None:
    """Tab to a checkbox and tick it with Space."""
    element = tab_until(
        driver,
        lambda el: el.get_attribute("name") == name and el.get_attribute("value") == value,
        f"the {name}={value} box",
    )
    press(driver, Keys.SPACE)
    assert element.is_selected()


def type_date(driver: Any, iso: str) -> None:
    """Type *iso* into the focused date field, in the order and with the separator the browser's locale shows."""
    year, month, day = iso.split("-")
    parts = driver.execute_script(
        "return new Intl.DateTimeFormat(undefined, {year: 'numeric', month: '2-digit', day: '2-digit'})"
        ".formatToParts(new Date(2000, 0, 2)).map(function (p) { return [p.type, p.value]; });"
    )
    press(driver, "".join({"year": year, "month": month, "day": day}.get(kind, text) for kind, text in parts))
    assert focused(driver).get_attribute("value") == iso


def replace_text(driver: Any, text: str) -> None:
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
    press(driver, Keys.BACKSPACE, text)


def wait(driver: Any, condition: Callable[[Any], Any], timeout: float = 10) -> Any:
    # The script re-renders the preview after every check: an element read may be replaced under it.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        condition
    )


def text(driver: Any, ident: str) -> str:
    return str(driver.find_element("id", ident).text)


def items(driver: Any, ident: str) -> list[str]:
    """The text of each ``<li>`` under *ident*, read at once (the script may replace them)."""
    script = "return Array.from(document.querySelectorAll('#' + arguments[0] + ' li'), li => li.textContent);"
    return list(driver.execute_script(script, ident))


# ---- the tests ------------------------------------------------------------------------------------


def _loaded(driver: Any, url: str) -> None:
    driver.get(url)
    # The script has run once today's date is in the field.
    wait(driver, lambda d: d.find_element("id", "service_date").get_attribute("value"))


@pytest.mark.parametrize(
    ("situation", "chosen"),
    [
        (
            {"case": "qualification_invalid", "visit": "first", "presented": ["my_number_card"]},
            "被保険者資格申立書＋マイナンバーカード",
        ),
        (
            {
                "case": "no_card",
                "visit": "return",
                "presented": ["expired_health_insurance_card"],
                "insurance_kind": "employee",
                "lookup": "valid",
            },
            "有効期限切れの保険証・資格情報のお知らせのみ（暫定的取扱い）",
        ),
    ],
    ids=["qualification_invalid", "no_card"],
)
def test_triage_with_the_keyboard(
    browser: Any, service: tuple[str, Path], situation: dict[str, Any], chosen: str
) -> None:
    base, _ = service
    _loaded(browser, f"{base}/")
    tab_to(browser, "service_date")
    type_date(browser, DAY)
    choose(browser, "case", situation["case"])
    choose(browser, "visit", situation["visit"])
    for item in situation["presented"]:
        tick(browser, "presented", item)
    if "lookup" in situation:
        tab_until(browser, lambda el: el.tag_name == "summary", "詳しい条件")
        press(browser, Keys.ENTER)
        choose(browser, "insurance_kind", situation["insurance_kind"])
        tab_to(browser, "lookup")
        for _ in range(3):
            if browser.find_element("id", "lookup").get_attribute("value") == situation["lookup"]:
                break
            press(browser, Keys.ARROW_DOWN)
        assert browser.find_element("id", "lookup").get_attribute("value") == situation["lookup"]
    submit = tab_until(browser, lambda el: el.text == "対応を表示", "the submit button")
    submit_page = browser.current_url
    press(browser, Keys.ENTER)
    wait(browser, lambda d: d.find_elements("id", "result-title"))
    assert browser.current_url == submit_page
    assert focused(browser).get_attribute("id") == "result-title"  # the script moves the focus there

    guidance = triage_object({"situation_id": "s", "service_date": DAY, **situation})
    assert text(browser, "chosen") == chosen
    assert [
        path.get_attribute("data-method") for path in browser.find_elements("css selector", "#paths > li")
    ] == [path.method for path in guidance.paths]
    assert text(browser, "window-ratio") == guidance.window_payment.ratio
    assert guidance.window_payment.rule in text(browser, "result")
    assert submit is not None


def _type_declaration(browser: Any) -> None:
    """The 申立書, typed: a 外字 first, shown at its field, then corrected; a third address box."""
    tab_to(browser, "service_date")
    type_date(browser, DAY)
    tab_to(browser, "kana_name")
    press(browser, "ﾔﾏﾀﾞ ﾀﾛｳ")
    tab_to(browser, "insurer_name")
    press(browser, "全国健康保険協会")
    tab_to(browser, "addresses-0")
    press(browser, "新髙島平1-2")

    wait(browser, lambda d: "2文字目" in text(d, "note-addresses-0"))
    assert text(browser, "note-addresses-0") == "2文字目はJIS X 0208にない文字です（「髙」）"
    field = browser.find_element("id", "addresses-0")
    assert field.get_attribute("aria-invalid") == "true"
    assert "note-addresses-0" in field.get_attribute("aria-describedby")
    assert text(browser, "check-status") == "まだ請求できません：住所1：2文字目はJIS X 0208にない文字です"
    assert text(browser, "claim-line") == ""

    replace_text(browser, "新高島平1-2")
    wait(browser, lambda d: not d.find_element("id", "note-addresses-0").is_displayed())
    assert browser.find_element("id", "addresses-0").get_attribute("aria-invalid") is None
    wait(browser, lambda d: text(d, "conv-addresses-0") == "摘要での記載：新高島平１−２")

    tab_to(browser, "add-address")
    press(browser, Keys.ENTER)
    assert focused(browser).get_attribute("id") == "addresses-2"
    press(browser, "大阪府大阪市北区1-1")
    tab_to(browser, "contact")
    press(browser, "03-1234-5678")
    tab_to(browser, "birth_date")
    type_date(browser, "1950-04-01")


def _downloaded(browser: Any) -> Path:
    tab_to(browser, "download-line")
    press(browser, Keys.ENTER)
    deadline = time.monotonic() + 15
    while not (done := list(browser.downloads.glob("*.jsonl"))):
        assert time.monotonic() < deadline, "nothing was downloaded"
        time.sleep(0.1)
    (downloaded,) = done
    return Path(downloaded)


def test_declaration_with_the_keyboard(browser: Any, service: tuple[str, Path]) -> None:
    base, log = service
    _loaded(browser, f"{base}/declaration")
    _type_declaration(browser)

    expected = check_declaration(
        {
            "service_date": DAY,
            "kana_name": "ﾔﾏﾀﾞ ﾀﾛｳ",
            "insurer_name": "全国健康保険協会",
            "addresses": ["新高島平1-2", "", "大阪府大阪市北区1-1"],
            "contact": "03-1234-5678",
            "birth_date": "1950-04-01",
        }
    )
    assert expected.resolution is not None
    wait(browser, lambda d: items(d, "tekiyo") == list(expected.resolution.summary))
    assert text(browser, "check-status").startswith("請求できます")
    assert text(browser, "co-records").splitlines() == list(expected.co_records)
    assert text(browser, "claim-line") == expected.claim_line
    assert text(browser, "conv-kana_name") == "摘要での記載：ヤマダ\u3000タロウ"
    assert "75歳以上" in text(browser, "late-elderly")  # 75 on 2025-04-01: billed as 後期高齢者医療
    assert expected.resolution.number in text(browser, "claim-facts")

    # The line, downloaded with the keyboard, is what `rezept-fusho resolve` bills as the preview shows.
    downloaded = _downloaded(browser)
    assert downloaded.read_text(encoding="utf-8") == f"{expected.claim_line}\n"
    result = run_cli("resolve", downloaded)
    assert result.returncode == 0, result.stderr
    resolved = json.loads(result.stdout)
    assert resolved["basis"] == "fusho"
    assert resolved["summary"] == items(browser, "tekiyo")

    # Copy: the button says what it did (the clipboard itself is the system's).
    tab_to(browser, "copy-line")
    press(browser, Keys.ENTER)
    wait(browser, lambda d: text(d, "copy-status"))

    # Nothing typed reached the service's log, which has the routes it answered.
    served = log.read_text(encoding="utf-8")
    for typed in TYPED:
        assert typed not in served
    assert "POST /v1/declaration-check 200" in served
    assert "POST /declaration/claim.jsonl 200" in served


def test_the_token_is_asked_once_and_kept_for_the_session(browser: Any, tmp_path: Path) -> None:
    with serving(tmp_path / "serve.log", token="s3cret-token") as base:
        browser.get(f"{base}/")
        wait(browser, lambda d: d.find_element("id", "token-panel").is_displayed())
        assert focused(browser).get_attribute("id") == "token-input"
        press(browser, "s3cret-token", Keys.ENTER)
        wait(browser, lambda d: not d.find_element("id", "token-panel").is_displayed())
        assert browser.execute_script("return sessionStorage.getItem('rezept-fusho.token')") == "s3cret-token"
        assert not browser.find_element("id", "token-triage").is_displayed()
        # The next page of the session does not ask again, and its posts carry the token.
        browser.get(f"{base}/")
        wait(browser, lambda d: d.find_element("id", "service_date").get_attribute("value"))
        assert not browser.find_element("id", "token-panel").is_displayed()
        choose(browser, "case", "outage")
        choose(browser, "visit", "first")
        press(browser, Keys.ENTER)  # from a radio button, Enter submits the form
        wait(browser, lambda d: d.find_elements("id", "result-title"))
        assert "s3cret-token" not in browser.page_source
        assert "s3cret-token" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
