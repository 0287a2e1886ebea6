/*
 * 受付ナビ — what the pages do with JavaScript on. Every page works without it;
 * this file only adds: today's date in empty date fields marked data-today, the
 * token asked once a session (kept in sessionStorage only), the 申立書 checked as
 * it is typed (POST /v1/declaration-check: the library's own check), another
 * address box, the copy button and the print button.
 * The results are written with textContent only: nothing typed becomes markup.
 */
(function () {
  "use strict";

  var TOKEN_KEY = "rezept-fusho.token";
  var FIELDS = [
    "service_date", "kana_name", "insurance_kind", "insurer_name", "employer_name", "contact",
    "contacted_on", "birth_date", "payer_when_unknown", "claim_id", "receipt_number"
  ];
  var tokenRequired = document.body.getAttribute("data-token-required") === "true";

  function byId(id) { return document.getElementById(id); }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function today() {
    var d = new Date();  // the browser's clock: the server never reads one
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function storedToken() {
    try { return window.sessionStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; }
  }

  function storeToken(value) {
    try { window.sessionStorage.setItem(TOKEN_KEY, value); } catch (e) { /* private mode: ask again */ }
  }

  function forgetToken() {
    try { window.sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ }
  }

  function japanese(message) { return String(message).split(" / ")[0]; }

  function setText(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  function clear(element) {
    while (element.firstChild) { element.removeChild(element.firstChild); }
  }

  function append(parent, tag, text, className) {
    var child = document.createElement(tag);
    if (text !== undefined) { child.textContent = text; }
    if (className) { child.className = className; }
    parent.appendChild(child);
    return child;
  }

  /* ---- today's date ---------------------------------------------------- */

  Array.prototype.forEach.call(document.querySelectorAll("input[data-today]"), function (input) {
    if (!input.value) { input.value = today(); }
  });

  /* ---- the token, once a session ----------------------------------------- */

  var panel = byId("token-panel");
  var onToken = [];

  function fillTokenFields() {
    Array.prototype.forEach.call(document.querySelectorAll("input[name=token]"), function (input) {
      input.value = storedToken();
    });
  }

  function askToken(message, quietly) {
    if (!panel) { return; }
    setText(byId("token-panel-error"), message || "");
    panel.hidden = false;
    if (!quietly) { byId("token-input").focus(); }
  }

  if (document.body.getAttribute("data-token-rejected") === "true") { forgetToken(); }

  if (tokenRequired) {
    Array.prototype.forEach.call(document.querySelectorAll(".token-field"), function (field) {
      field.hidden = true;
      field.querySelector("input").removeAttribute("required");
    });
    fillTokenFields();
    Array.prototype.forEach.call(document.querySelectorAll("form[method=post]"), function (form) {
      form.addEventListener("submit", function (event) {
        if (!storedToken()) {
          event.preventDefault();
          askToken("送信する前にトークンを入力してください。");
          return;
        }
        fillTokenFields();
      });
    });
    byId("token-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var value = byId("token-input").value;
      if (!value) { return; }
      storeToken(value);
      byId("token-input").value = "";
      panel.hidden = true;
      fillTokenFields();
      onToken.forEach(function (callback) { callback(); });
    });
    if (!storedToken()) { askToken(""); }
  }

  /* ---- 受付: the result, once shown, gets the focus ----------------------- */

  var resultTitle = byId("result-title");
  if (resultTitle && !(panel && !panel.hidden)) { resultTitle.focus(); }

  /* ---- the print view ---------------------------------------------------- */

  var printButton = byId("print-button");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  /* ---- 申立書入力: checked as it is typed ---------------------------------- */

  var form = byId("declaration-form");
  if (!form || !window.fetch) { return; }

  var sequence = 0;
  var timer = null;
  // The words for the library's values, as the server spells them (pages/labels.py).
  var preview = byId("preview");
  var BASIS = JSON.parse(preview.getAttribute("data-basis"));
  var PAYER = JSON.parse(preview.getAttribute("data-payer"));

  function formData() {
    var data = new FormData(form);
    var out = { addresses: data.getAll("addresses").map(String) };
    FIELDS.forEach(function (name) {
      var value = data.get(name);
      out[name] = value === null ? "" : String(value);
    });
    return out;
  }

  function controlFor(field) {
    var id = field.replace(".", "-");
    return byId(id) || byId("field-" + id);
  }

  function labelOf(field) {
    // The page's own label of the item (its first text: without the （必須） mark).
    var id = field.replace(".", "-");
    var label = form.querySelector("label[for='" + id + "']") || form.querySelector("#field-" + id + " legend");
    return label && label.firstChild ? label.firstChild.textContent : "";
  }

  function typedCharacter(field, position) {
    var control = byId(field.replace(".", "-"));
    if (!control || !position) { return ""; }
    var characters = Array.from(control.value);  // code points, as the library counts them
    return characters[position - 1] || "";
  }

  function renderErrors(result) {
    Array.prototype.forEach.call(form.querySelectorAll(".note.error"), function (note) { setText(note, ""); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (control) {
      control.removeAttribute("aria-invalid");
    });
    result.errors.forEach(function (error) {
      if (!error.field) { return; }
      var note = byId("note-" + error.field.replace(".", "-"));
      var shown = typedCharacter(error.field, error.position);
      if (note) { setText(note, error.message_ja + (shown ? "（「" + shown + "」）" : "")); }
      var control = controlFor(error.field);
      if (control) { control.setAttribute("aria-invalid", "true"); }
    });
    var summary = byId("error-summary");
    if (summary) { summary.parentNode.removeChild(summary); }  // the notes at the items replace it
  }

  function renderConverted(result) {
    Array.prototype.forEach.call(form.querySelectorAll(".converted"), function (element) {
      var id = element.id.replace(/^conv-/, "");
      var field = id.replace(/^addresses-/, "addresses.");
      var control = byId(id);
      var written = result.converted[field];
      // Trimmed as the library trims an item (reception.declaration.SPACES).
      var typed = control ? control.value.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, "") : "";
      if (result.omitted[field]) {
        setText(element, "摘要には記載しません（" + result.omitted[field] + "）");
      } else {
        setText(element, written && written !== typed ? "摘要での記載：" + written : "");
      }
    });
  }

  function renderLateElderly(result) {
    var box = byId("late-elderly");
    clear(box);
    var late = result.late_elderly;
    if (!late) { return; }
    late.explanation.forEach(function (sentence) { append(box, "p", sentence); });
    var rule = append(box, "p", undefined, "rule");
    append(rule, "span", late.rule, "rule-id");
    rule.appendChild(document.createTextNode(" "));
    append(rule, "span", late.source, "source");
  }

  function renderPreview(result) {
    var resolution = result.resolution;
    var status = byId("check-status");
    if (resolution) {
      status.textContent = "請求できます：" + BASIS[resolution.basis];
      status.className = "status ok";
    } else {
      var problem = result.problem || { field: null, message_ja: "" };
      var where = problem.field ? labelOf(problem.field) : "";
      status.textContent = "まだ請求できません：" + (where ? where + "：" : "") + problem.message_ja;
      status.className = "status";
    }
    var facts = byId("claim-facts");
    clear(facts);
    if (resolution) {
      [
        ["請求の根拠", BASIS[resolution.basis]],
        ["保険者番号", resolution.insurer_number],
        ["記号", resolution.symbol || "なし"],
        ["番号", resolution.number],
        ["審査支払機関", PAYER[resolution.payer || ""]],
        ["資格確認区分", resolution.qualification_flag || "なし"]
      ].forEach(function (row) {
        append(facts, "dt", row[0]);
        append(facts, "dd", row[1]);
      });
    }
    var warnings = resolution ? resolution.warnings : [];
    var list = byId("warning-list");
    clear(list);
    warnings.forEach(function (warning) { append(list, "li", japanese(warning.message)); });
    byId("warnings").hidden = warnings.length === 0;
    var tekiyo = byId("tekiyo");
    clear(tekiyo);
    (resolution ? resolution.summary : []).forEach(function (line) { append(tekiyo, "li", line); });
    setText(byId("margin-note"), resolution && resolution.paper_margin_note ? resolution.paper_margin_note : "");
    byId("co-records").textContent = result.co_records.join("\n");
    byId("claim-line").textContent = result.claim_line || "";
    byId("line-actions").hidden = !result.claim_line;
    byId("copy-status").textContent = "";
  }

  function render(result) {
    renderErrors(result);
    renderConverted(result);
    renderLateElderly(result);
    renderPreview(result);
  }

  function check() {
    if (tokenRequired && !storedToken()) {
      // Said, not focused: the receptionist is typing in the form.
      askToken("入力しながらの確認には、トークンが必要です。", true);
      return;
    }
    var mine = ++sequence;
    var headers = { "Content-Type": "application/json" };
    if (tokenRequired) { headers.Authorization = "Bearer " + storedToken(); }
    window.fetch("/v1/declaration-check", {
      method: "POST",
      headers: headers,
      body: JSON.stringify(formData()),
      cache: "no-store",
      credentials: "same-origin"
    }).then(function (response) {
      if (mine !== sequence) { return null; }  // a later check is on its way
      if (response.status === 401) {
        forgetToken();
        askToken("トークンが違います。もう一度入力してください。");
        return null;
      }
      return response.json().then(function (body) {
        if (mine !== sequence) { return; }
        if (response.ok) {
          render(body);
        } else {
          byId("check-status").textContent = "確認できませんでした：" + japanese(body.error ? body.error.message : response.status);
        }
      });
    }).catch(function () {
      if (mine === sequence) {
        byId("check-status").textContent = "確認できませんでした（サービスに接続できません）。「確認する」で送信することもできます。";
      }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 250);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  onToken.push(check);

  /* Another address box, without a round trip. */
  var addButton = byId("add-address");
  var boxes = byId("address-boxes");
  addButton.addEventListener("click", function (event) {
    event.preventDefault();
    var index = boxes.querySelectorAll("input[data-address]").length;
    var most = Number(addButton.getAttribute("data-max"));
    if (index >= most) { return; }
    var id = "addresses-" + index;
    var field = append(boxes, "div", undefined, "field");
    field.id = "field-" + id;
    var label = append(field, "label", "住所" + (index + 1));
    label.htmlFor = id;
    var input = append(field, "input");
    input.type = "text";
    input.id = id;
    input.name = "addresses";
    input.autocomplete = "off";
    input.setAttribute("data-address", "");
    input.setAttribute("aria-describedby", "note-" + id + " conv-" + id);
    var converted = append(field, "p", "", "converted");
    converted.id = "conv-" + id;
    converted.hidden = true;
    var note = append(field, "p", "", "note error");
    note.id = "note-" + id;
    note.hidden = true;
    addButton.disabled = index + 1 >= most;
    input.focus();
  });

  /* Copy the claim line (the download button posts the form: it works without this). */
  var copyButton = byId("copy-line");
  copyButton.hidden = false;
  copyButton.addEventListener("click", function () {
    var text = byId("claim-line").textContent;
    var done = function () { byId("copy-status").textContent = "コピーしました。レセコンに貼り付けてください。"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  });

  function fallbackCopy(text, done) {
    // Over plain http to another machine the Clipboard API is off: select the line and copy it.
    var range = document.createRange();
    range.selectNodeContents(byId("claim-line"));
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      if (document.execCommand("copy")) { done(); return; }
    } catch (e) { /* fall through */ }
    byId("copy-status").textContent = "選択しました。Ctrl+C でコピーしてください。";
  }
}());
