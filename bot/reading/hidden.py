"""Text of an HTML mail that its reader would not see (comments, `display:none`, white
text): never read as a request, but flagged (`hidden_text`) when it holds record-like data."""

from __future__ import annotations

from bot.htmltext import TITLE_MARK
from bot.models import Flag
from bot.reading.changes import resolve_owner
from bot.reading.conversation import MAX_LINES, MAX_RECORDS, Part
from bot.reading.mentions import is_owner_token, safe_name
from bot.reading.safety import unread_flags
from bot.reading.walker import Walker


def hidden_flags(part: Part, zone: str) -> list[Flag]:
    """`hidden_text` for HTML a reader would not see that holds record-like data. It is never
    read as a request: a mail that hides a record from its reader is not a request to trust."""
    if not part.hidden or part.role == "us":
        return []
    # The <title> is usually the subject, shown elsewhere: only a whole record in it counts.
    titles = [line.removeprefix(TITLE_MARK) for line in part.hidden if line.startswith(TITLE_MARK)]
    rest = tuple(line for line in part.hidden if not line.startswith(TITLE_MARK))
    walker = Walker()
    for number, line in enumerate([*rest[:MAX_LINES], "", *titles[:1]], start=1):
        walker.feed(number, line)
    walker.finish()
    names: list[str | None] = []
    for mention in walker.mentions[:MAX_RECORDS]:
        try:
            names.append(resolve_owner(mention, zone))
        except Exception:  # a malformed hidden record is still a hidden record
            names.append(None)
    if not names:
        typed = _typed_names(" ".join(rest[:MAX_LINES]))
        names += [n for n in typed if n] or typed[:1]  # named owners, else one unnamed
    lines = [(part.comment_id, n, t) for n, t in enumerate(rest[:MAX_LINES], start=1)]
    if not names and unread_flags(lines, []):
        names.append(None)  # values that look like validation data, in no readable record
    where = f"Comment {part.comment_id}" if part.comment_id is not None else "The ticket"
    return [
        Flag(
            code="hidden_text",
            severity="warn",
            name=name,
            message=f"{where} hides record-like text from its reader (an HTML comment, "
            f"display:none, white text or the page title){f' at {name}' if name else ''}: it "
            "was not read as a request. A real vendor mail has no reason to hide records; ask "
            "the vendor what it means before acting on this ticket.",
        )
        for name in dict.fromkeys(names)
    ]


_RECORD_TYPES = frozenset(
    ("A", "AAAA", "CNAME", "TXT", "NS", "DS", "MX", "CAA", "SRV", "HTTPS", "SVCB", "DNAME", "PTR")
)


def _typed_names(text: str) -> list[str | None]:
    """Owners of record-like text the reader does not take apart: a record type written in
    capitals, with the name before it if there is one ("add to the NS set: gov.uk. IN NS x")."""
    tokens = text.replace(",", " ").split()[:20_000]
    found: list[str | None] = []
    for i, token in enumerate(tokens):
        word = token.strip(":;()")
        if word not in _RECORD_TYPES:
            continue
        before = [t.strip("`'\",;:()") for t in tokens[max(0, i - 4) : i]]
        owners = [t for t in before if is_owner_token(t) and "." in t.rstrip(".")]
        found.append(safe_name(owners[-1]) if owners else None)
    return found
