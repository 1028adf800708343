"""An HTML mail body to the text a reader sees: paragraphs and line breaks kept, data tables
as `| a | b |` rows, layout tables (a whole message in a cell) as plain lines, comments and
scripts left out. Parsed by lxml (libxml2), which stays linear on malformed markup."""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

_BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "pre",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "dl",
        "dt",
    )
)
_CELL_TAGS = frozenset(("td", "th"))
_MSO_IGNORE = re.compile(r"mso-list\s*:\s*ignore")
_MSO_LEVEL = re.compile(r"mso-list\s*:[^;]*\blevel(\d)")
_NUMBERED = re.compile(r"^\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]$", re.I)
_VOID_TAGS = frozenset(("br", "hr", "img", "wbr", "meta", "link", "input"))
_ROW_TAGS = frozenset(("tr", "table", "thead", "tbody", "tfoot"))
_SKIP_TAGS = frozenset(("script", "style", "head", "title"))


class _Row:
    """A table row being read: each cell is a list of lines."""

    def __init__(self) -> None:
        self.cells: list[list[str]] = []
        self.column = 0  # where the next cell stands, counting each cell's `colspan`

    def add_text(self, text: str) -> None:
        if not self.cells:
            if not text.strip():
                return  # the source's line break between <tr> and its first <td>: no cell
            self.cells.append([""])
        self.cells[-1][-1] += text

    def break_line(self, paragraph: bool = False) -> None:
        """A new line in the current cell; with `paragraph`, a blank line before it (kept only
        where the cell turns out to be page layout: a message's paragraphs)."""
        if not self.cells:
            return
        cell = self.cells[-1]
        if cell[-1].strip():
            cell.append("")
        if paragraph and len(cell) > 1 and cell[-2] != _PARAGRAPH:
            cell.insert(len(cell) - 1, _PARAGRAPH)

    def render(self) -> list[str]:
        """A data row as `| a | b |`; a layout row (a cell holding a whole message, as in
        Zendesk and Outlook mail) as the lines of its cells, the way a reader sees it."""
        # (a paragraph mark is no whitespace: it stays a line of its own here)
        spaced = [[" ".join(line.split()) for line in cell] for cell in self.cells]
        spaced = [[line for line in cell if line] for cell in spaced]
        # Only cells with paragraph marks are copied again (a page of open cells has none, and
        # each copy is one more object per cell for the garbage collector to walk)
        marked = any(_PARAGRAPH in cell for cell in spaced)
        cells = [[x for x in cell if x != _PARAGRAPH] for cell in spaced] if marked else spaced
        if not any(cells):
            return []
        if any(len(cell) > LAYOUT_LINES or len(" ".join(cell)) > LAYOUT_CHARS for cell in cells):
            if not marked:
                return [line for cell in cells for line in (*cell, "")]
            # a message's paragraphs keep their blank lines, as a reader sees them
            return [
                "" if line == _PARAGRAPH else line
                for cell in spaced
                for line in (*_trimmed(cell), "")
            ]
        if len(cells) == 1 and len(cells[0]) > 1:
            return [*cells[0], ""]  # one cell of several lines (a code box): a box, not a row
        return ["| " + " | ".join(_join_cell(cell) for cell in cells) + " |"]


# A paragraph's end inside a cell (a line of text that is only NUL would read as one: harmless)
_PARAGRAPH = "\x00"


def _trimmed(cell: list[str]) -> list[str]:
    """A layout cell's lines without paragraph marks at its ends or two in a row."""
    out: list[str] = []
    for line in cell:
        if line != _PARAGRAPH or (out and out[-1] != _PARAGRAPH):
            out.append(line)
    while out and out[-1] == _PARAGRAPH:
        out.pop()
    return out


_WHOLE_NAME = re.compile(r"\.(?:uk|com|net|org|io|aws|goog|gov)\.$", re.I)
_HOST_PIECE = re.compile(r"^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*[.-]$")  # "a0dd….4." before a <br>


def _join_cell(lines: list[str]) -> str:
    """A data cell's lines as one: with a space, except where a `<br>` broke a host name
    ("a0dd….4." / "authorize.certificatemanager.goog."): both sides one word, the first ending
    in a dot or hyphen, the second a dotted name."""
    out = ""
    for line in lines:
        broken = bool(_HOST_PIECE.match(out)) and any(c.isdigit() or c in ".-" for c in out[:-1])
        # ("_7bd0….publishing.service.gov.uk." / "_8f0c….acm-validations.aws.": a whole name,
        # ending in a top-level label, then the next one - ACM's name and value in one cell)
        whole = _WHOLE_NAME.search(out) is not None
        if broken and not whole and " " not in line and "." in line.rstrip("."):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


MAX_ROWSPAN = 20  # a merged cell repeated into at most this many rows
MAX_SPANNED = 200  # and only when short (a TTL, "Now", a name)
MAX_SPAN_COPIES = 500  # merged cells copied in one body, at most (a real table needs dozens)
LAYOUT_LINES = 6  # a cell with more lines than this, or more text, is page layout, not data
LAYOUT_CHARS = 400


class _TextCollector:
    """Keeps text and line structure; data-table cells become ' | '-separated rows.

    Fed start/end/data events from a parsed tree (lxml: libxml2's HTML parser, linear on
    malformed markup such as thousands of unclosed `<!--` or `<a`, where the standard
    library's html.parser rescans and goes quadratic)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skipping = 0
        self.pre = 0
        self.line_paragraphs = 0
        self.rows: list[_Row] = []  # open rows, innermost last (tables nest in mail layouts)
        # Cells that span rows below theirs, by table depth: column -> (lines, rows left)
        self.spans: dict[int, dict[int, tuple[list[str], int]]] = {}
        self.span_budget = MAX_SPAN_COPIES  # merged cells copied into the rows they span
        self._msonormal = False
        # A definition list's term just ended: its <dd> follows on the same line, after ": "
        # ("<dt>Record name</dt><dd>x</dd>" is "Record name: x", as a label and its value)
        self.after_term = False
        # Open lists, innermost last: the last number given in an <ol>, None for a <ul>. An item
        # is shown as a browser shows it, on a line of its own with its number or bullet and no
        # blank line between items, so a lead-in's verb reaches every item as in plain text.
        self.lists: list[int | None] = []
        self.items = 0  # open <li> elements
        # The same inside table cells (a Zendesk notification's comment is one): an item keeps
        # its bullet or number, so "- the CNAME stays" is no sentence of the item above it
        self.cell_lists: list[int | None] = []
        self.cell_marker = ""
        self.marker = ""  # an item's number or bullet, written before its first text
        # Outlook's list items: <p class=MsoListParagraph style="mso-list:l0 level2 …"> with its
        # bullet ("·" in Symbol, "o", "§") or number in a <span style="mso-list:Ignore">.
        self.mso_level = 1
        self.mso_marker: list[str] | None = None  # the marker's text while it is read
        self.mso_spans = 0  # spans open inside the marker

    def handle_starttag(self, tag: str, attrs: Mapping[str, str]) -> None:
        self.pre += tag == "pre"
        style = str(attrs.get("style") or "").lower() if attrs else ""
        if self.mso_marker is not None:
            self.mso_spans += tag == "span"
            return
        if tag == "span" and _MSO_IGNORE.search(style) and not self.rows:
            self.mso_marker, self.mso_spans = [], 1
            return
        if tag == "p":
            level = _MSO_LEVEL.search(style)
            self.mso_level = int(level.group(1)) if level else 1
        if tag == "blockquote" and not self.rows:
            self.parts.append(f"\n{_QUOTE_START}\n")
        after_term, self.after_term = self.after_term, False
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag == "dd":
            self._add_text(self._term_gap()) if after_term else self._line_start_or_break(tag)
        elif tag == "tr":
            self.rows.append(_Row())
        elif tag in _CELL_TAGS:
            if not self.rows:
                self.rows.append(_Row())
            row = self.rows[-1]
            spans = self.spans.setdefault(len(self.rows), {})
            self._spanned(row, spans)
            row.cells.append([""])
            down = str(attrs.get("rowspan") or "1").strip() if attrs else "1"
            if down.isdigit() and 1 < int(down[:3]) <= MAX_ROWSPAN and self.span_budget > 0:
                spans[row.column] = (row.cells[-1], int(down) - 1)
            across = str(attrs.get("colspan") or "1").strip() if attrs else "1"
            # ("Record" over "Name | Type | Data": the "TTL" merged down beside it stands in
            # the fifth column of the rows below, not the third)
            row.column += int(across[:3]) if across.isdigit() and int(across[:3]) > 0 else 1
        elif tag in ("ol", "ul") and not self.rows:
            self.lists.append(_list_start(tag, attrs))
            self._line_start() if self.items else self._break(tag)
        elif tag == "li" and not self.rows:
            self.items += 1
            self._line_start()
            indent = "  " * max(0, len(self.lists) - 1)
            self.marker = indent + _item_marker(self.lists)
        elif tag in ("ol", "ul"):
            self.cell_lists.append(_list_start(tag, attrs))
            self.rows[-1].break_line()
        elif tag == "li":
            self.rows[-1].break_line()
            self.cell_marker = _item_marker(self.cell_lists)
        elif tag in _BLOCK_TAGS:
            classes = str(attrs.get("class") or "").lower() if attrs else ""
            # Outlook writes one <p class=MsoNormal> per line, and one MsoListParagraph per item
            self._msonormal = tag == "p" and ("msonormal" in classes or "msolist" in classes)
            self._line_start_or_break(tag)

    def _line_start_or_break(self, tag: str) -> None:
        self._line_start() if self.items and tag != "br" else self._break(tag)

    def _term_gap(self) -> str:
        """ ": " after a term, or " " after one that ends with its own ("<dt>Type:</dt>")."""
        if self.rows:
            cells = self.rows[-1].cells
            said = cells[-1][-1] if cells and cells[-1] else ""
        else:
            said = next((p for p in reversed(self.parts) if p.strip()), "")
        return " " if said.rstrip().endswith(":") else ": "

    def _add_text(self, text: str) -> None:
        if self.rows:
            self.rows[-1].add_text(text)
        else:
            self.parts.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return  # <br> breaks once, at its start
        if self.mso_marker is not None:
            self.mso_spans -= tag == "span"
            if self.mso_spans <= 0:
                said = "".join(self.mso_marker).split()
                number = said[0] if said and _NUMBERED.match(said[0]) else "-"
                self.parts.append("  " * max(0, min(self.mso_level, 9) - 1) + number + " ")
                self.mso_marker = None
            return
        if tag == "blockquote" and not self.rows:
            self.parts.append(f"\n{_QUOTE_END}\n")
        self.pre = max(0, self.pre - (tag == "pre"))
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "tr" or (tag == "table" and self.rows):
            if self.rows and self.rows[-1].cells:  # the merged cells at the row's end
                self._spanned(self.rows[-1], self.spans.get(len(self.rows), {}))
            self._end_row()
            if tag == "table":  # its merged cells end with it
                self.spans = {d: v for d, v in self.spans.items() if d <= len(self.rows)}
        elif tag == "p" and self.line_paragraphs and not self.rows:
            self.line_paragraphs -= 1
        elif tag in ("ol", "ul") and self.lists and not self.rows:
            self.lists.pop()
            self._line_start() if self.items else self._break(None)
        elif tag in ("ol", "ul") and self.cell_lists and self.rows:
            self.cell_lists.pop()
            self.rows[-1].break_line()
        elif tag == "li" and self.items and not self.rows:
            self.items -= 1
            self.marker = ""
            self._line_start()
        elif tag == "dt":
            self.after_term = True  # (no break: its <dd> continues the line)
        elif tag in _BLOCK_TAGS or tag == "dd":
            self._line_start() if self.items else self._break(None, paragraph=tag == "p")

    def _line_start(self) -> None:
        """A new line within a list item: a line break, never a blank line."""
        if self.rows:
            self.rows[-1].break_line()
        elif self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def _break(self, start: str | None, paragraph: bool = False) -> None:
        if self.rows:
            # (<p> in a cell: a paragraph, unless Outlook's one <p class=MsoNormal> per line)
            self.rows[-1].break_line((start == "p" or paragraph) and not self._msonormal)
        elif start == "p" and self._msonormal:
            self.parts.append("\n")  # Outlook writes one <p class=MsoNormal> per line
            self.line_paragraphs += 1
        else:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.mso_marker is not None:
            self.mso_marker.append(data)
            return
        if self.after_term and not data.strip():
            return  # the source's line break between </dt> and <dd>
        if not self.pre:  # outside <pre>, a newline in the source is a space, as a browser shows it
            data = data.replace("\n", " ")
        if self.rows:
            pieces = data.split("\n")
            for i, piece in enumerate(pieces):  # inside a cell, <pre> keeps its lines too
                if i:
                    self.rows[-1].break_line()
                if self.cell_marker and piece.strip():
                    piece, self.cell_marker = self.cell_marker + piece.lstrip(), ""
                self.rows[-1].add_text(piece)
        elif self.lists and not data.strip() and (not self.parts or self.parts[-1].endswith("\n")):
            return  # the source's line breaks between items: no line of their own
        elif self.marker and data.strip():
            self.parts.append(self.marker + data.lstrip())
            self.marker = ""
        else:
            self.parts.append(data)

    def _spanned(self, row: _Row, spans: dict[int, tuple[list[str], int]]) -> None:
        """Put into `row`, where its next cell stands, the cells of rows above that span it
        (`rowspan`: a merged "TTL" or "When" cell stands for each row it covers). Only short
        cells, and only so much in all: a page of merged cells never grows much."""
        if self.span_budget <= 0:
            spans.clear()  # spent: the rest of the body's merged cells stand in one row only
            return
        while row.column in spans:
            column = row.column
            row.column += 1
            lines, left = spans[column]
            size = sum(map(len, lines))
            short = len(lines) <= LAYOUT_LINES and size <= MAX_SPANNED
            copied = short and self.span_budget > 0
            self.span_budget -= 1 if copied else 0
            row.cells.append(list(lines) if copied else [""])
            if left <= 1:
                del spans[column]
            else:
                spans[column] = (lines, left - 1)

    def _end_row(self) -> None:
        if not self.rows:
            return
        lines = self.rows.pop().render()
        if self.rows:  # a row inside a cell of an outer table
            for line in lines:
                self.rows[-1].break_line(paragraph=not line)
                self.rows[-1].add_text(line)
            self.rows[-1].break_line()
        elif lines:
            at_line_start = not self.parts or self.parts[-1].endswith("\n")
            self.parts.append(("" if at_line_start else "\n") + "\n".join(lines) + "\n")

    def close(self) -> None:
        while self.rows:
            self._end_row()


def _list_start(tag: str, attrs: Mapping[str, str]) -> int | None:
    """The number before an <ol>'s first item (its `start` less one); None for a <ul>."""
    if tag != "ol":
        return None
    start = str(attrs.get("start") or "1").strip() if attrs else "1"
    return int(start) - 1 if start.isdigit() and len(start) < 6 else 0


def _item_marker(lists: list[int | None]) -> str:
    """The next item's number ("3. ") or bullet ("- ") in the innermost open list, counted."""
    number = lists[-1] if lists else None
    if number is None:
        return "- "
    lists[-1] = number + 1
    return f"{number + 1}. "


def html_to_text(html: str) -> str:
    """Visible text of an HTML body, with paragraphs, line breaks and table rows kept.

    Comments, processing instructions and hidden elements are not text anyone sees: they are
    left out."""
    return html_to_visible_and_hidden(html)[0]


# Styles that keep an element's text from a reader: not displayed, invisible, no size, or
# white text (on the white of a mail client). A white text on a set background is visible.
_HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)"
    r"|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|%)?\s*(?:;|$)|max-height\s*:\s*0(?:px)?\s*(?:;|$)",
    re.I,
)
_WHITE_TEXT = re.compile(
    r"(?:^|;|\s)color\s*:\s*(?:#fff\b|#ffffff\b|white\b|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))",
    re.I,
)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(?!#fff\b|#ffffff\b|white\b)[#a-z]", re.I)


# Struck-through words ("<s>remove, left over from the 2022 trial</s> <b>KEEP</b>"): the
# writer took them back, so they are no request (kept aside as hidden text, which the reader
# flags when it holds record data)
_STRUCK_TAGS = frozenset(("s", "strike", "del"))
_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:\s*[^;]*line-through", re.I)


def _struck(element: etree._Element) -> bool:
    """Struck-through words, not data: a struck value ("<s>OLD</s> NEW" in an old/new table)
    is the value being replaced, which the reader needs."""
    style = str(element.get("style") or "")[:2000]
    if element.tag not in _STRUCK_TAGS and not _LINE_THROUGH.search(style):
        return False
    said = "".join(element.itertext())[:2000]
    return _DATA.search(said) is None


_DATA = re.compile(r"[\w-]+\.[\w-]+\.[a-z]|[=_]", re.I)  # a host, a token


def _hides(element: etree._Element) -> bool:
    """Does the element's own markup hide it (called only for elements with attributes)?"""
    if element.get("hidden") is not None:
        return True
    style = str(element.get("style") or "")[:2000]
    if _HIDING_STYLE.search(style):
        return True
    color = str(element.get("color") or "").lower()  # <font color="#ffffff">
    white = color in ("#fff", "#ffffff", "white") or bool(_WHITE_TEXT.search(style))
    return white and not _on_background(element)


ANCESTORS_LOOKED_AT = 8  # white text in a header cell: the cell's background is a few levels up


def _on_background(element: etree._Element) -> bool:
    """Does the element or one of its nearest ancestors set a background white text shows on
    (`<td style="background:#1F3864"><span style="color:white">`, `<td bgcolor="#003366">`)?"""
    for n, node in enumerate((element, *element.iterancestors())):
        if n > ANCESTORS_LOOKED_AT:
            return False
        style = str(node.get("style") or "")[:2000]
        bgcolor = str(node.get("bgcolor") or "").lower().strip()
        if _BACKGROUND.search(style) or (bgcolor and bgcolor not in ("#fff", "#ffffff", "white")):
            return True
    return False


def html_to_visible_and_hidden(html: str) -> tuple[str, str]:
    """(visible text, hidden text) of an HTML body. Hidden: comments and elements a mail
    client would not show (`display:none`, white text, zero size); the reader never takes
    a request from it, but says when it holds record-like data."""
    collector = _TextCollector()
    hidden: list[str] = []
    try:
        root = etree.fromstring(html, _PARSER)
    except (etree.ParserError, ValueError):  # nothing parseable
        return "", ""
    if root is None:  # empty, or only a comment
        return "", ""
    hiding: list[object] = []  # hidden elements open around the current one
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        # Tags come lower-case from the HTML parser; a comment's or PI's tag is a function
        tag = element.tag
        if type(tag) is not str:  # a comment or PI: its text is hidden, not its tail
            hidden.append(element.text or "")
            if element.tail:
                (hidden.append if hiding else collector.handle_data)(element.tail)
            continue
        if event == "start":
            text = element.text
            if tag == "title" and text:
                # a mail client shows no <title>: its text is hidden, and marked as the title
                hidden.append(f"\n{TITLE_MARK}" + " ".join(text.split()))
            attrib = element.attrib
            if (
                hiding
                or (attrib and _hides(element))
                or ((tag in _STRUCK_TAGS or attrib) and _struck(element))
            ):
                hiding.append(element)
                hidden.append(("\n" if tag in _BLOCK_TAGS else "") + (text or ""))
            else:
                collector.handle_starttag(tag, attrib)
                if text:
                    collector.handle_data(text)
            continue
        tail = element.tail
        if hiding and hiding[-1] is element:
            hiding.pop()
            if not hiding:
                if tail:
                    collector.handle_data(tail)
                continue
        if hiding:
            hidden.append(("\n" if tag in _BLOCK_TAGS else "") + (tail or ""))
            continue
        collector.handle_endtag(tag)
        if tail:
            collector.handle_data(tail)
    collector.close()
    text = _quoted("".join(collector.parts))
    return re.sub(r"\n{3,}", "\n\n", text), "\n".join(hidden).strip()


# libxml2's HTML parser with plain elements (lxml.html's element classes cost a Python lookup
# per element, a third of the time on a ticket of 200,000 table cells)
_PARSER = etree.HTMLParser()

# A <blockquote> (a quoted mail in Gmail, Apple Mail, Zendesk) is shown to a reader as quoted:
# its lines get `> ` as a plain-text mail would have them. Marked while collecting by two
# private-use characters on lines of their own, which no mail text has.
_QUOTE_START, _QUOTE_END = "\ue000", "\ue001"
# Starts the hidden line that holds the document's <title> (the subject, in most mail).
TITLE_MARK = "\ue002"


def _quoted(text: str) -> str:
    depth, out = 0, []
    for line in text.split("\n"):
        if line == _QUOTE_START:
            depth += 1
        elif line == _QUOTE_END:
            depth = max(0, depth - 1)
        else:
            out.append(("> " * depth + line) if depth and line.strip() else line)
    return "\n".join(out)
