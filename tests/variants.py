"""Rewrites of a ticket body that a careful reader must read to exactly the same DNS changes.

Each variant changes only the form: how the mail client quoted, wrapped, spaced or marked it
up, how a person typed names, types and quotes, or what was appended that holds no request (a
signature, a legal disclaimer, a `dig` paste of what DNS answers today, which is an observed
fact, never a change). A first line that starts with `Subject:` stays the untouched first line
of every variant. Variants that would equal the input are left out.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable, Sequence
from typing import Literal

Kind = Literal["text", "html"]
Owner = tuple[str, str]  # (absolute name, record type) whose current state a dig paste shows

REPLY = "Thanks, forwarding this to our DNS team now."
ON_WROTE = "On Mon, 23 Nov 2026 at 10:00, Fastly Support <support@fastly.com> wrote:"
DIG_INTRO = "For reference, this is what we see in DNS today:"
SIGNATURE = (
    "-- \nAlex Morgan\nCustomer Support Engineer | Fastly, Inc.\n"
    "support@fastly.com | https://www.fastly.com\n+1 (415) 555-0143"
)
DISCLAIMER = (
    "CONFIDENTIALITY NOTICE: This email and any attachments are confidential and may be legally "
    "privileged. They are intended solely for the use of the individual or entity to whom they "
    "are addressed. If you are not the intended recipient, please notify the sender immediately "
    "by replying to this email and then delete it from your system; you must not copy, forward, "
    "disclose or otherwise use any part of it. Emails sent to or from Fastly may be monitored "
    "and recorded for security, compliance and training purposes. Fastly, Inc. accepts no "
    "liability for any changes made to this message after it was sent, nor for any loss or "
    "damage arising from software viruses. Any views or opinions expressed are solely those of "
    "the author and do not necessarily represent those of Fastly, Inc. Fastly, Inc., 475 "
    "Brannan Street, Suite 300, San Francisco, CA 94107, United States."
)
# What the dig paste says is there today: never one of the ticket's own values.
DIG_VALUES = {
    "CNAME": "other-token.fastly-validations.com.",
    "TXT": '"other-token"',
    "CAA": '0 issue "other-ca.example"',  # (never a CA a ticket names: "pki.goog" is one)
    "NS": "ns-other.awsdns-99.net.",
    "A": "192.0.2.44",
    "AAAA": "2001:db8::44",
    "MX": "10 mx.other-mail.net.",
}

_TYPE_WORD = re.compile(
    r"(?<![\w.-])(?:CNAME|TXT|CAA|AAAA|MX|NS|SRV)(?![\w.-])"
    r"|(?<![\w.-])A(?=[ \t]+\d{1,3}(?:\.\d{1,3}){3}(?![\w.]))"
)
_NAME = re.compile(r"(?<![\w.@/=%:-])(?>[\w-]+(?:\.[\w-]+)*)\.?(?![\w@/=.-])")
_UNDERSCORE_LABEL = re.compile(r"_[a-z][a-z0-9]*(?:-[a-z0-9]+)+|_dnsauth|_domainkey")
_TLDS = frozenset(("uk", "com", "net", "org", "gov", "io", "eu", "aws", "goog"))
_QUOTED = re.compile(
    r'"[^"\n]*"|“[^”\n]*”|&quot;[^\n]*?&quot;|&(?:ldquo|#8220);[^\n]*?&(?:rdquo|#8221);'
)
_ENTITY = re.compile(r"&#?\w+;")
_AFTER_TXT = re.compile(r"(?i)(?<![\w.-])txt(?![\w.-])([^\n]*)")
_VALUE_LINE = re.compile(r"(?im)^[ \t>]*(?:[a-z ]*value|content|data)[ \t]*:([^\n]*)")
_HTML_SKIP = re.compile(
    r"<!--.*?-->|<(style|script|head)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE
)
_RECORD_LINE = re.compile(
    r"^([ \t]*)((@|[\w*-]+(?:\.[\w-]+)*\.?)[ \t]+(?:\d+[ \t]+)?(?:IN[ \t]+)?(?:\d+[ \t]+)?"
    r"(?:CNAME|TXT|CAA|AAAA|A|MX|NS|SRV)[ \t]+\S.*)$",
    re.IGNORECASE,
)


def variants(
    text: str, kind: Kind = "text", *, owners: Sequence[Owner] = ()
) -> list[tuple[str, str]]:
    """(name, text) of every variant of `text`; `owners` name the records a dig paste shows
    (by default the first DNS name in the text)."""
    subject, body = split_subject(text)
    shown = list(owners[:2]) or _owners_in(body)
    made = _TEXT_VARIANTS if kind == "text" else _HTML_VARIANTS
    out = []
    for name, make in made.items():
        variant = to_crlf(text) if name == "crlf" else subject + make(body, shown)
        if variant != text:
            out.append((name, variant))
    return out


def split_subject(text: str) -> tuple[str, str]:
    """(the `Subject:` first line with its line end, and the mail header lines under it
    (`From:`, `To:`, `Date:`: a saved mail's head, which no client rewrites), or "", the
    rest)."""
    if not text.lower().startswith("subject:"):
        return "", text
    end = text.find("\n")
    if end < 0:
        return text, ""
    while _HEADER_LINE.match(text, end + 1):
        end = text.find("\n", end + 1)
        if end < 0:
            return text, ""
    return text[: end + 1], text[end + 1 :]


_HEADER_LINE = re.compile(r"(?:From|To|Cc|Date|Reply-To):[ \t]", re.I)


def to_crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def _lines(body: str, edit: Callable[[str], str]) -> str:
    """`edit` applied to every line of `body`, keeping the line ends and a final newline."""
    tail = "\n" if body.endswith("\n") else ""
    return "\n".join(edit(line) for line in body.removesuffix("\n").split("\n")) + tail


def indented(body: str) -> str:
    return _lines(body, lambda line: "    " + line if line.strip() else line)


def trailing_spaces(body: str) -> str:
    return _lines(body, lambda line: line + "   ")


def reply_quoted(body: str) -> str:
    quoted = _lines(body.strip("\n"), lambda line: "> " + line if line else ">")
    return f"\n{REPLY}\n\n{ON_WROTE}\n{quoted}\n"


def html_paragraphs(body: str) -> str:
    paragraphs = re.split(r"\n[ \t]*\n", body.strip("\n"))
    inner = "\n".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )
    return f"<html><body>\n{inner}\n</body></html>\n"


def html_pre(body: str) -> str:
    escaped = html.escape(body.strip("\n"), quote=False)
    return f"<html><body><pre>{escaped}</pre></body></html>\n"


_OUTLOOK_HEAD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns="http://www.w3.org/TR/REC-html40"><head>'
    '<meta http-equiv=Content-Type content="text/html; charset=utf-8">'
    "<style><!-- p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; "
    'font-family:"Calibri",sans-serif;} div.WordSection1 {page:WordSection1;} --></style></head>\n'
    '<body lang=EN-GB link="#0563C1" vlink="#954F72" style=\'word-wrap:break-word\'>'
    "<div class=WordSection1>\n"
)


def html_outlook(body: str) -> str:
    """Outlook's Word HTML: one `<p class=MsoNormal>` per line, `&nbsp;` for runs of spaces."""

    def paragraph(line: str) -> str:
        if not line.strip():
            return "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        escaped = html.escape(line, quote=False)
        escaped = re.sub(r"^ +", lambda m: "&nbsp;" * len(m.group()), escaped)
        escaped = re.sub(r"(?<=\S)  +", lambda m: "&nbsp;" * (len(m.group()) - 1) + " ", escaped)
        return f"<p class=MsoNormal><span lang=EN-GB>{escaped}<o:p></o:p></span></p>"

    inner = "\n".join(paragraph(line) for line in body.strip("\n").split("\n"))
    return f"{_OUTLOOK_HEAD}{inner}\n</div>\n</body>\n</html>\n"


def signed(body: str) -> str:
    return body.rstrip("\n") + f"\n\n{SIGNATURE}\n\n{textwrap.fill(DISCLAIMER, 76)}\n"


def numbered(body: str) -> str:
    """Blocks made only of record lines become one numbered list, counted through the body."""
    blocks = re.split(r"(\n[ \t]*\n)", body)
    count = 0
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        if i % 2 or not all(_is_record_line(line) for line in lines if line.strip()):
            continue
        for j, line in enumerate(lines):
            if line.strip():
                count += 1
                m = _RECORD_LINE.match(line)
                assert m is not None
                lines[j] = f"{m.group(1)}{count}. {m.group(2)}"
        blocks[i] = "\n".join(lines)
    return "".join(blocks) if count else body


def _is_record_line(line: str) -> bool:
    if _LISTED.match(line):
        return False  # "1. CNAME x -> y": a list already, not numbered again
    m = _RECORD_LINE.match(line)
    return m is not None and (m.group(3) == "@" or "." in m.group(3) or m.group(3)[0] == "_")


_LISTED = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]")


def dig_paste(owners: Sequence[Owner]) -> str:
    return f"{DIG_INTRO}\n\n" + "\n\n".join(_dig(name, rtype) for name, rtype in owners)


def _dig(name: str, rtype: str) -> str:
    name = name.lower().rstrip(".") + "."
    rtype = rtype if rtype in DIG_VALUES else "CNAME"
    return "\n".join(
        (
            f"; <<>> DiG 9.18.28-0ubuntu0.24.04.1-Ubuntu <<>> {name[:-1]} {rtype}",
            ";; global options: +cmd",
            ";; Got answer:",
            ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 40113",
            ";; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1",
            "",
            ";; QUESTION SECTION:",
            f";{name}\t\t\tIN\t{rtype}",
            "",
            ";; ANSWER SECTION:",
            f"{name}\t\t300\tIN\t{rtype}\t{DIG_VALUES[rtype]}",
            "",
            ";; Query time: 24 msec",
            ";; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)",
            ";; WHEN: Mon Nov 23 10:05:12 GMT 2026",
            ";; MSG SIZE  rcvd: 112",
        )
    )


def _owners_in(body: str) -> list[Owner]:
    """The first absolute DNS name in the text (outside URLs and addresses), one with a leading
    underscore (a validation record's owner) first; else a default."""
    plain = _HTML_SKIP.sub(" ", body)
    names = [m.group().rstrip(".").lower() for m in _NAME.finditer(plain)]
    names = [n for n in names if _is_name(n) and "." in n and n.rsplit(".", 1)[-1] in _TLDS]
    for name in sorted(names, key=lambda n: not n.startswith("_")):
        return [(name, "CNAME" if name.startswith("_") else "A")]
    return [("_acme-challenge.www.gov.uk", "CNAME")]


def _is_name(token: str) -> bool:
    """A DNS name as people type it: one case throughout (mixed case is a token value), a
    letter in the last label, or a single underscore label such as `_acme-challenge`."""
    if token != token.lower() and token != token.upper():
        return False
    labels = token.rstrip(".").split(".")
    if len(labels) == 1:
        return _UNDERSCORE_LABEL.fullmatch(token.rstrip(".").lower()) is not None
    return (
        all(0 < len(label) <= 63 for label in labels)
        and re.search("[a-zA-Z]", labels[-1]) is not None
    )


def recased(text: str) -> str:
    """Type words to lower case, DNS names to upper case; quoted strings, TXT values, HTML
    markup and entities untouched (tokens are case sensitive)."""
    keep = sorted(_protected(text))
    out, at = [], 0
    for start, end in [*keep, (len(text), len(text))]:
        if start > at:
            out.append(_recase_chunk(text[at:start]))
        out.append(text[max(at, start) : end])
        at = max(at, end)
    return "".join(out)


def _protected(text: str) -> set[tuple[int, int]]:
    spans = {m.span() for m in _HTML_SKIP.finditer(text)} if "<" in text else set()
    spans |= {m.span() for m in _ENTITY.finditer(text)}
    spans |= {m.span() for m in _QUOTED.finditer(text)}
    spans |= {m.span(1) for m in _AFTER_TXT.finditer(text)}
    for paragraph in re.finditer(r"(?s).+?(?:\n[ \t]*\n|\Z)", text):
        if _AFTER_TXT.search(paragraph.group()):
            offset = paragraph.start()
            spans |= {
                (offset + m.start(1), offset + m.end(1))
                for m in _VALUE_LINE.finditer(paragraph.group())
            }
    return spans


def _recase_chunk(chunk: str) -> str:
    chunk = _NAME.sub(lambda m: m.group().upper() if _is_name(m.group()) else m.group(), chunk)
    return _TYPE_WORD.sub(lambda m: m.group().lower(), chunk)


def swap_quotes(text: str) -> str:
    """Straight double quotes become “ ” (alternating on each line), curly ones become straight."""

    def line(s: str) -> str:
        count = 0

        def one(m: re.Match[str]) -> str:
            nonlocal count
            if m.group() in "“”":
                return '"'
            count += 1
            return "“" if count % 2 else "”"

        return re.sub('["“”]', one, s)

    return _lines(text, line)


def swap_html_quotes(markup: str) -> str:
    """`swap_quotes` on the text between tags, and &quot; against &#8220; / &#8221;."""

    def text(s: str) -> str:
        count = 0

        def one(m: re.Match[str]) -> str:
            nonlocal count
            if m.group() != "&quot;":
                return "&quot;"
            count += 1
            return "&#8220;" if count % 2 else "&#8221;"

        return re.sub(r"&quot;|&(?:ldquo|rdquo|#8220|#8221);", one, swap_quotes(s))

    return _between_tags(markup, text)


def _between_tags(markup: str, edit: Callable[[str], str]) -> str:
    out, at = [], 0
    for m in _HTML_SKIP.finditer(markup):
        out += [edit(markup[at : m.start()]), m.group()]
        at = m.end()
    return "".join([*out, edit(markup[at:])])


def _before_body_end(markup: str, extra: str) -> str:
    at = markup.lower().rfind("</body>")
    return markup + extra if at < 0 else markup[:at] + extra + markup[at:]


def html_reply_quoted(markup: str) -> str:
    """Gmail's reply: our line, the attribution, the original in a blockquote."""
    start = re.search(r"<body\b[^>]*>", markup, re.IGNORECASE)
    end = markup.lower().rfind("</body>")
    head, inner, tail = ("", markup, "")
    if start and end > start.end():
        head, inner, tail = markup[: start.end()], markup[start.end() : end], markup[end:]
    return (
        f'{head}<div dir="ltr">{html.escape(REPLY)}</div><br>\n<div class="gmail_quote">'
        f'<div dir="ltr" class="gmail_attr">{html.escape(ON_WROTE)}<br></div>\n'
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
        f'border-left:1px solid rgb(204,204,204);padding-left:1ex">\n{inner}\n</blockquote></div>\n{tail}'
    )


def html_signed(markup: str) -> str:
    sig = "<br>\n".join(html.escape(line) for line in SIGNATURE.split("\n"))
    note = f'<p style="font-size:8pt;color:#888888">{html.escape(DISCLAIMER)}</p>'
    return _before_body_end(markup, f"\n<p>{sig}</p>\n{note}\n")


def html_dig(markup: str, owners: Sequence[Owner]) -> str:
    intro, _, dig = dig_paste(owners).partition("\n\n")
    return _before_body_end(
        markup, f"\n<p>{intro}</p>\n<pre>{html.escape(dig, quote=False)}</pre>\n"
    )


Maker = Callable[[str, Sequence[Owner]], str]

_TEXT_VARIANTS: dict[str, Maker] = {
    "reply-quoted": lambda b, o: reply_quoted(b),
    "crlf": lambda b, o: to_crlf(b),
    "indented": lambda b, o: indented(b),
    "html-paragraphs": lambda b, o: html_paragraphs(b),
    "html-pre": lambda b, o: html_pre(b),
    "html-outlook": lambda b, o: html_outlook(b),
    "recased": lambda b, o: recased(b),
    "quotes-swapped": lambda b, o: swap_quotes(b),
    "trailing-spaces": lambda b, o: trailing_spaces(b),
    "signature-disclaimer": lambda b, o: signed(b),
    "numbered-list": lambda b, o: numbered(b),
    "dig-appended": lambda b, o: b.rstrip("\n") + "\n\n" + dig_paste(o) + "\n",
}
_HTML_VARIANTS: dict[str, Maker] = {
    "reply-quoted": lambda b, o: html_reply_quoted(b),
    "crlf": lambda b, o: to_crlf(b),
    "indented": lambda b, o: indented(b),
    "recased": lambda b, o: recased(b),
    "quotes-swapped": lambda b, o: swap_html_quotes(b),
    "trailing-spaces": lambda b, o: trailing_spaces(b),
    "signature-disclaimer": lambda b, o: html_signed(b),
    "dig-appended": html_dig,
}
