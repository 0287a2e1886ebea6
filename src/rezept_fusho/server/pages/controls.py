"""Form controls of the 受付ナビ pages: each with its label, hint and the note the checks write into.

A control named ``addresses.0`` has the id ``addresses-0``; its note (an error
at that item) is ``note-addresses-0`` and the converted text the 摘要 will hold
is ``conv-addresses-0``. The script fills the same elements as the server does,
so a page checked as it is typed and a page sent without JavaScript look alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from rezept_fusho.server.pages.layout import esc


def control_id(name: str) -> str:
    return name.replace(".", "-")


def _note(name: str, error: str | None) -> str:
    hidden = "" if error else " hidden"
    return f'<p class="note error" id="note-{control_id(name)}"{hidden}>{esc(error or "")}</p>'


def _described_by(*ids: str) -> str:
    present = " ".join(filter(None, ids))
    return f' aria-describedby="{present}"' if present else ""


def text_input(
    name: str,
    label: str,
    value: str,
    *,
    kind: str = "text",
    hint: str = "",
    error: str | None = None,
    converted: str | None = None,
    required: bool = False,
    extra: str = "",
) -> str:
    """A labelled input with its hint, what the 摘要 makes of it (``conv-…``) and the error note (``note-…``)."""
    ident = control_id(name)
    hint_html = f'<p class="hint" id="hint-{ident}">{esc(hint)}</p>' if hint else ""
    conv_hidden = "" if converted else " hidden"
    conv = f'<p class="converted" id="conv-{ident}"{conv_hidden}>{esc(converted or "")}</p>'
    described = _described_by(f"hint-{ident}" if hint else "", f"note-{ident}", f"conv-{ident}")
    flags = (' aria-invalid="true"' if error else "") + (' required aria-required="true"' if required else "")
    mark = '<span class="required">（必須）</span>' if required else ""
    return (
        f'<div class="field" id="field-{ident}">'
        f'<label for="{ident}">{esc(label)}{mark}</label>'
        f"{hint_html}"
        f'<input type="{kind}" id="{ident}" name="{esc(name.partition(".")[0])}" value="{esc(value)}"'
        f' autocomplete="off"{described}{flags}{extra}>'
        f"{conv}{_note(name, error)}</div>"
    )


def radios(
    name: str,
    legend: str,
    options: Iterable[tuple[str, str]],
    checked: str | None,
    *,
    hint: str = "",
    error: str | None = None,
) -> str:
    """A fieldset of radio buttons (arrow keys move between them)."""
    ident = control_id(name)
    buttons = "".join(
        f'<label class="choice"><input type="radio" name="{esc(name)}" value="{esc(value)}"'
        f"{' checked' if value == checked else ''}> {esc(label)}</label>"
        for value, label in options
    )
    hint_html = f'<p class="hint" id="hint-{ident}">{esc(hint)}</p>' if hint else ""
    described = _described_by(f"hint-{ident}" if hint else "", f"note-{ident}")
    invalid = ' aria-invalid="true"' if error else ""
    return (
        f'<fieldset class="choices" id="field-{ident}"{described}{invalid}>'
        f"<legend>{esc(legend)}</legend>{hint_html}"
        f'<div class="choice-list">{buttons}</div>{_note(name, error)}</fieldset>'
    )


def checkboxes(
    name: str,
    legend: str,
    options: Iterable[tuple[str, str]],
    checked: Iterable[str],
    *,
    error: str | None = None,
) -> str:
    """A fieldset of checkboxes sharing one name (Space ticks one)."""
    ident = control_id(name)
    ticked = set(checked)
    boxes = "".join(
        f'<label class="choice"><input type="checkbox" name="{esc(name)}" value="{esc(value)}"'
        f"{' checked' if value in ticked else ''}> {esc(label)}</label>"
        for value, label in options
    )
    return (
        f'<fieldset class="choices" id="field-{ident}"{_described_by(f"note-{ident}")}>'
        f'<legend>{esc(legend)}</legend><div class="choice-list">{boxes}</div>{_note(name, error)}</fieldset>'
    )


def checkbox(name: str, label: str, checked: bool) -> str:
    """One checkbox standing alone (sent as ``on`` when ticked)."""
    ident = control_id(name)
    return (
        f'<div class="field check" id="field-{ident}">'
        f'<label class="choice"><input type="checkbox" id="{ident}" name="{esc(name)}"'
        f"{' checked' if checked else ''}> {esc(label)}</label></div>"
    )


def select(
    name: str,
    label: str,
    options: Iterable[tuple[str, str]],
    selected: str,
    *,
    hint: str = "",
    error: str | None = None,
) -> str:
    """A labelled drop-down list."""
    ident = control_id(name)
    choices = "".join(
        f'<option value="{esc(value)}"{" selected" if value == selected else ""}>{esc(text)}</option>'
        for value, text in options
    )
    hint_html = f'<p class="hint" id="hint-{ident}">{esc(hint)}</p>' if hint else ""
    described = _described_by(f"hint-{ident}" if hint else "", f"note-{ident}")
    invalid = ' aria-invalid="true"' if error else ""
    return (
        f'<div class="field" id="field-{ident}"><label for="{ident}">{esc(label)}</label>{hint_html}'
        f'<select id="{ident}" name="{esc(name)}"{described}{invalid}>{choices}</select>{_note(name, error)}</div>'
    )
