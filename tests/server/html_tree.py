"""A page as a small tree, for tests: elements by id, their text and attributes (standard library only)."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | str] = []

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def find_all(self, tag: str) -> list[Element]:
        return [element for element in self.walk() if element.tag == tag]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


class Page:
    def __init__(self, html: str) -> None:
        builder = _Builder()
        builder.feed(html)
        builder.close()
        self.root = builder.root
        self.by_id = {el.attrs["id"]: el for el in self.root.walk() if el.attrs.get("id")}

    def __getitem__(self, ident: str) -> Element:
        return self.by_id[ident]

    def text(self, ident: str) -> str:
        return self.by_id[ident].text()

    def items(self, ident: str) -> list[str]:
        """The text of each ``<li>`` under *ident*."""
        return [li.text() for li in self.by_id[ident].find_all("li")]

    def find_all(self, tag: str) -> list[Element]:
        return self.root.find_all(tag)
