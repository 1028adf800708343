"""Values named by a field of pasted tool output: "the "Key" field in the challenge below".

Vendors and suppliers often paste `kubectl describe challenge`, `az … show -o json` or an
API response and say which of its fields is the record's value instead of copying it:

    Could you create a TXT record named _acme-challenge.x.gov.uk whose value is the "Key"
    field in the challenge below ...
        Key:     zLIv53kpInA5kydBN-PB2Tn6wVGw4XZcpfM5osW1azc

    Value: the validationToken in the output below
        "validationToken": "vmdcxqliqhqq5e031gihwhlr44agje4l"

`resolve` writes the field's value in place of the reference, on the same line, so line
numbers and the ticket-line links stay true (a label's value is the rest of its line, so
nothing else can stay there: the excerpt shows the value, the link shows the wording). It
does so only when the field is named as a
field (quoted, camelCase/snake_case, or followed by "field"/"property"), the comment holds it
as a `key: value` line, and every such line gives one and the same value; otherwise the line
is left alone and the reader's `unread_value` flag sends a person to it.

A supplier forwarding a CA's notice says "please add the random value as a TXT record on
_dnsauth.blog.gov.uk" (DigiCert's words for its token): the same, when the whole comment,
quoted notice included, holds exactly one validation-looking token and the line has none.
"""

from __future__ import annotations

import re

from bot.reading.actions import action_cue
from bot.reading.candidates import candidates

# "the "Key" field in the challenge below", "the validationToken in the output below",
# "the value of `dnsName` above". Bounded quantifiers only (linear on any line).
_REFERENCE = re.compile(
    r"""\bthe[ \t]{1,4}(?:value[ \t]{1,4}of[ \t]{1,4}(?:the[ \t]{1,4})?)?"""
    r"""(?P<q>["'`“‘])?(?P<key>[A-Za-z][\w.-]{0,40})["'`”’]?"""
    r"""(?:[ \t]{1,4}(?P<kind>field|property|attribute|key|value|entry))?"""
    r"""(?P<where>(?:[ \t]{1,4}(?:in|from|of|shown[ \t]{1,4}in|given[ \t]{1,4}in)"""
    r"""(?:[ \t]{1,4}the)?(?:[ \t]{1,4}[\w-]{1,20}){1,3})?[ \t]{1,4}(?:below|above)\b"""
    r"""|[ \t]{1,4}(?:in|from|of)(?:[ \t]{1,4}the)?[ \t]{1,4}(?:output|challenge|response|json|"""
    r"""result|resource)\b)""",
    re.I,
)
# "the random value", "the validation token", "the DCV token", "the verification code".
_TOKEN_REFERENCE = re.compile(
    r"\bthe[ \t]{1,4}(?:random[ \t]{1,4}value|(?:(?:validation|verification|DCV|DNS)[ \t]{1,4})?"
    r"(?:token|code|string))\b",
    re.I,
)
# "replace it with the token from my original message", "the code I sent you earlier": a
# value another message gave, never the one this comment shows (last year's, in a lookup)
_FROM_ELSEWHERE = re.compile(
    r"[ \t]{1,4}(?:(?:in|from)[ \t]{1,4}(?:my|our|your|the)[ \t]{1,4}(?:first|earlier|original|"
    r"previous|initial|opening|other)\b|"
    r"(?:i|we)[ \t]{1,4}(?:sent|gave|posted|asked[ \t]{1,4}for)\b)",
    re.I,
)
_FIELD_LIKE = re.compile(r"[a-z][A-Z]|_|\d")  # camelCase, snake_case, a digit
_LINE_KEY = re.compile(
    r"""^[ \t]*["']?(?P<key>[A-Za-z][\w.-]{0,40})["']?[ \t]*[:=][ \t]*(?P<v>\S.*)$"""
)
_EMPTY = frozenset(("null", "none", "<none>", "true", "false", "nil", '""', "''", "{", "["))


def resolve(lines: list[tuple[int, str]], context: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """`lines` with each reference replaced by the one value it names, where it names one.
    `context`: the whole comment (its quoted mail too), where a token reference may look."""
    if not any(_REFERENCE.search(t) or _TOKEN_REFERENCE.search(t) for _, t in lines):
        return lines
    fields = _fields(lines)
    tokens = _tokens(context or tuple(t for _, t in lines))
    token = next(iter(tokens)) if len(tokens) == 1 else None
    out = []
    previous = ""
    for number, text in lines:
        field_ref = _REFERENCE.search(text)
        token_ref = _TOKEN_REFERENCE.search(text)
        said, previous = f"{previous} {text}", text
        if field_ref and (value := _value_for(field_ref, fields)):
            text = f"{text[: field_ref.start()]}{value}{text[field_ref.end() :]}"
        elif (
            token_ref
            and token
            and not candidates(number, text)
            and not _FROM_ELSEWHERE.match(text, token_ref.end())
            and _asks(said, text, token_ref)
        ):
            # "add the random value as a TXT record": still a phrase ("the value X"). Only
            # where it is asked for: "the random value we issued in October was placed as a
            # TXT record and has now expired" tells a story.
            text = f"{text[: token_ref.start()]}the value {token}{text[token_ref.end() :]}"
        out.append((number, text))
    return out


def _tokens(text: tuple[str, ...]) -> set[str]:
    """Distinct random-looking values anywhere in `text`: no host names, no TTLs said."""
    return {
        c.shown
        for i, line in enumerate(text)
        for c in candidates(i, line)
        if "." not in c.text and " " not in c.text
    }


def _value_for(match: re.Match[str], fields: dict[str, set[str]]) -> str | None:
    key = match.group("key")
    named_as_field = bool(match.group("q")) or bool(_FIELD_LIKE.search(key))
    if not named_as_field and (match.group("kind") or "").lower() not in ("field", "property"):
        return None  # "the record below", "the TXT value above": not a field of an output
    values = fields.get(key.lower(), set())
    return next(iter(values)) if len(values) == 1 else None


def _fields(lines: list[tuple[int, str]]) -> dict[str, set[str]]:
    """Every `key: value` / `"key": "value",` line's value, by key (lower case)."""
    found: dict[str, set[str]] = {}
    for _, text in lines:
        match = _LINE_KEY.match(text)
        if match is None:
            continue
        value = match.group("v").strip().rstrip(",").strip().strip("\"'")
        if not value or value.lower() in _EMPTY or any(c.isspace() for c in value):
            continue
        found.setdefault(match.group("key").lower(), set()).add(value)
    return found


_SENTENCE_END = re.compile(r"[.?!](?:[ \t]|$)")


def _asks(said: str, line: str, ref: re.Match[str]) -> bool:
    """Does the sentence the reference stands in ask for something ("add the random value as a
    TXT record"), not only tell ("The random value is only good for 30 days")? `said` is the
    line before and `line`; a sentence ending earlier on `line` starts it afresh."""
    at = len(said) - len(line)  # where `line` starts in `said`
    ends = [m.end() for m in _SENTENCE_END.finditer(said, at, at + ref.start())]
    tail = _SENTENCE_END.search(said, at + ref.end())
    return (
        action_cue(said[ends[-1] if ends else 0 : tail.start() if tail else len(said)]) is not None
    )
