"""Record requests written as sentences: "a CNAME called X with the value Y", "point X at Y"."""

from __future__ import annotations

import ipaddress
import itertools
import re
from dataclasses import dataclass

from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.mentions import Mention, clean_data, is_owner_token

_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(])(?!(?:CNAME|TXT|CAA|AAAA|A|NS|DS|MX|IN)\b)|\n(?=\s*(?:[-*\u2022]|\d+[.)])\s)"
)
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:\s+"(?:[^"\\\n]|\\.)*")*|[^\s"]+')
_TYPE = re.compile(r"^(?:CNAME|TXT|CAA|AAAA|NS|MX|DS|cname|txt|caa|aaaa|Cname|Txt)$")
_CAA_DATA = re.compile(r'\b(\d{1,3})\s+(issue|issuewild|iodef)\s+("[^"\n]{0,255}"|[^\s"]+)', re.I)
_TTL = re.compile(r"\bTTL\b(?:\s+of)?\s*[:=]?\s*(\d{1,10})\b", re.I | re.ASCII)
_PUNCT = "`'()[]<>{},;:!?"

_VALUE_CUES = frozenset(
    (
        "value",
        "values",
        "target",
        "content",
        "contents",
        "data",
        "containing",
        "contain",
        "reads",
        "text",
        "read",
        "pointing",
        "points",
        "point",
        "resolves",
        "resolving",
        "=",
    )
)
_NAME_CUES = frozenset(("called", "named", "at", "for", "on", "to", "name", "host", "hostname"))
_DESCRIPTIVE = re.compile(
    r"\b(?:currently|exists|existing|we see|there is|is set to|already|at the moment)\b", re.I
)
_CLAUSE_BREAK = re.compile(r"[;,]\s+|\s+(?:and|also|then|plus)\s+", re.I)


def ttl_in(sentence: str) -> int | None:
    m = _TTL.search(sentence) or _TTL_SECONDS.search(sentence)
    return int(m.group(1)) if m else None


# "keep the TTL short on both, 120 seconds": a TTL a few words before its number and unit.
_TTL_SECONDS = re.compile(
    r"\bTTL\b[^.\d\n]{0,40}?\b(\d{1,10})[ ]?(?:s|secs?|seconds?)\b", re.I | re.ASCII
)
# "... on both", "all of them", "those records": a sentence about the records just shown.
BOTH = re.compile(
    r"\b(?:both|all\s+of\s+them|each\s+of\s+them|all\s+(?:three|four)|"
    r"those|these|them)\b",
    re.I,
)


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def split_clauses(sentence: str) -> list[str]:
    """One piece per record type named: a sentence asking for two records is cut between them,
    at the last comma, semicolon or "and" before the second type."""
    types = [m.start() for m in _TOKEN.finditer(sentence) if _TYPE.match(m.group())]
    cuts = [0]
    for prev, here in itertools.pairwise(types):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, prev, here)]
        if breaks:
            cuts.append(breaks[-1])
    return [sentence[a:b] for a, b in zip(cuts, [*cuts[1:], len(sentence)], strict=True)]


@dataclass
class _Token:
    text: str
    start: int
    quoted: bool

    @property
    def word(self) -> str:
        return self.text.lower().strip(_PUNCT)


def _tokens(sentence: str) -> list[_Token]:
    tokens = []
    for m in _TOKEN.finditer(sentence):
        raw = m.group()
        quoted = raw.startswith('"')
        text = raw if quoted or raw in ("->", "=>") else raw.strip(_PUNCT)
        tokens.append(_Token(text, m.start(), quoted))
    return tokens


def _is_name(tok: _Token) -> bool:
    t = tok.text
    return not tok.quoted and "/" not in t and "@" not in t[1:] and is_owner_token(t) and not _ip(t)


def _ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.rstrip("."))
    except ValueError:
        return False
    return True


def _fits(rdtype: str, tok: _Token) -> bool:
    """Could this token be record data of this type?"""
    if rdtype in ("CNAME", "NS", "MX"):
        return _is_name(tok) and "." in tok.text.rstrip(".")
    if rdtype in ("A", "AAAA"):
        return _ip(tok.text)
    if rdtype == "TXT":
        if tok.quoted:
            inner = tok.text.strip('"').strip()
            # not a quoted "@" or "-", nor a name for something ("the "txt_value" value")
            return len(inner) >= 3 and not _FIELD_NAME.fullmatch(inner)
        return ("=" in tok.text and "://" not in tok.text) or _random_token(tok.text)
    return False


# A quoted field name ("txt_value") or a few plain words ("verification link"): what a
# sentence calls something, never a record's data (which has digits, "=" or a token).
_FIELD_NAME = re.compile(r"[a-z]+(?:_[a-z]+)+|[A-Za-z]+(?: [A-Za-z]+){0,5}")
_AS_VALUE = re.compile(
    r"[\"'`]?[ ]+as[ ]+(?:its|the|their)[ ]+(?:target|value|data|content)\b", re.I
)
_RANDOM = re.compile(r"[A-Za-z0-9_-]{16,255}")


def _random_token(text: str) -> bool:
    """A CA's token written without quotes (DigiCert's 32 characters, ACME's 43): letters and
    digits mixed, so never a word."""
    return (
        bool(_RANDOM.fullmatch(text))
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def read_sentence(
    sentence: str, number: int, fallback_name: str | None, earlier_owner: str | None = None
) -> Mention | None:
    """A record requested in one sentence, or None when the sentence requests none.

    The sentence must name a type. The value is the first fitting token after a value cue
    ("value", "pointing at", "target") or a quoted string; the owner is the first name after
    the type (or before it) that is not the value. Two values with an update cue make an
    update (old value first). Tokens joined by arrows are illustrations, never records.
    """
    tokens = _tokens(sentence)
    t = next((i for i, tok in enumerate(tokens) if _is_type(tokens, i)), None)
    if t is None:
        return _pointed(sentence, tokens, number, fallback_name or earlier_owner)
    rdtype = tokens[t].text.upper()
    arrows = {i + d for i, tok in enumerate(tokens) if tok.text in ("->", "=>") for d in (-1, 1)}
    if arrows and rdtype == "CNAME" and _RESOLVING.search(sentence):
        return _arrow_seen(tokens, number)  # "we can see ... live (_acme-challenge.x -> y)"
    usable = [i for i in range(len(tokens)) if i not in arrows and i != t]
    values = _values(sentence, tokens, usable, t, rdtype)
    action = action_cue(sentence[: tokens[t].start]) or action_cue(sentence)
    if not values and action != "delete":
        return None
    described = action is None and bool(_DESCRIPTIVE.search(sentence))
    taken = {i for i, _ in values}
    name_i = _owner(tokens, usable, t, taken)
    name = tokens[name_i].text if name_i is not None else fallback_name
    if name_i is not None and _split_label(tokens, name_i):
        name = f"{name} {tokens[name_i + 1].text}"  # "_acme challenge.www.gov.uk": not a name
    if name is None:
        return None
    old = None
    if len(values) >= 2 and action == "update":
        old = values[0][1]
    ttl = _TTL.search(sentence)
    origins = [tokens[i].text for i in usable if _is_name(tokens[i]) and i != name_i]
    return Mention(
        name=name,
        rdtype=rdtype,
        value=(values[-1][1] if old else values[0][1]) if values else None,
        line=number,
        ttl=int(ttl.group(1)) if ttl else None,
        old_value=old,
        action=action,
        after_issuance=bool(AFTER_ISSUANCE.search(sentence)),
        origin_hint=next((o for o in origins if not o.startswith("_")), None),
        mode="observed" if described else "request",  # "X currently has a CNAME to Y"
    )


_POINT_TO = re.compile(
    r"\b(?:point(?:s|ing)?\s+(?:\S+\s+)?(?:to|at)|resolv(?:es|ing)\s+to|"
    r"(?:change|set|update)\s+(?:the\s+)?(?:target|value)\s+to)\b",
    re.I,
)
_RESOLVING = re.compile(
    r"\b(?:resolv(?:es|ing)\s+to|currently\s+points?|(?:can|we)\s+see|(?:is|are)\s+live|"
    r"live\s+in)\b",
    re.I,
)
_INSTEAD_OF = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\b", re.I)


def _pointed(
    sentence: str, tokens: list[_Token], number: int, fallback: str | None
) -> Mention | None:
    """ "Please change _acme-challenge.gov.uk so that it points to X": no type word, but only a
    CNAME points, and only at a validation name (`_` first) is that a certificate's record."""
    m = _POINT_TO.search(sentence)
    action = action_cue(sentence)
    described = action is None and bool(m) and bool(_RESOLVING.search(sentence))
    if not m or (action not in ("add", "update") and not described):
        return None
    instead = _INSTEAD_OF.search(sentence, m.end())
    end = instead.start() if instead else len(sentence)
    value = next(
        (i for i, tok in enumerate(tokens) if m.end() <= tok.start < end and _fits("CNAME", tok)),
        None,
    )
    old = None
    if instead:  # "point X at NEW instead of OLD"
        old = next((t.text for t in tokens if t.start >= instead.end() and _fits("CNAME", t)), None)
    owners = [
        i
        for i, tok in enumerate(tokens)
        if tok.start < m.end() and _is_name(tok) and tok.text.startswith("_")
    ]
    name = tokens[owners[-1]].text if owners else fallback  # "the record" said before
    if value is None or name is None:
        return None
    return Mention(
        name=name,
        rdtype="CNAME",
        value=clean_data("CNAME", tokens[value].text),
        old_value=clean_data("CNAME", old) if old else None,
        line=number,
        action=action,  # type: ignore[arg-type]
        after_issuance=bool(AFTER_ISSUANCE.search(sentence)),
        mode="observed" if described else "request",  # "I can see X resolving to Y"
    )


def _arrow_seen(tokens: list[_Token], number: int) -> Mention | None:
    for i, tok in enumerate(tokens[1:-1], start=1):
        name, target = tokens[i - 1], tokens[i + 1]
        if (
            tok.text == "->"
            and name.text.startswith("_")
            and _is_name(name)
            and _fits("CNAME", target)
        ):
            value = clean_data("CNAME", target.text)
            return Mention(name.text, "CNAME", value, number, mode="observed")
    return None


def _zone_line_owner(tokens: list[_Token], t: int) -> bool:
    """`NAME [TTL] [IN] TYPE VALUE` written inside a sentence ("Please add: NAME 300 IN ...")."""
    j = t - 1
    while j >= 0 and (tokens[j].text.upper() == "IN" or tokens[j].text.isdecimal()) and j > t - 3:
        j -= 1
    return j >= 0 and _is_name(tokens[j])


def _is_type(tokens: list[_Token], i: int) -> bool:
    tok = tokens[i]
    if tok.quoted:
        return False
    if _TYPE.match(tok.text):
        return True
    following = tokens[i + 1].word if i + 1 < len(tokens) else ""
    return tok.text in ("A", "AAAA") and following in ("record", "records")


def _values(
    sentence: str, tokens: list[_Token], usable: list[int], t: int, rdtype: str
) -> list[tuple[int, str]]:
    if rdtype == "CAA":
        m = _CAA_DATA.search(sentence)
        if not m:
            return []
        i = next(j for j, tok in enumerate(tokens) if tok.start >= m.start())
        return [(i, f"{m.group(1)} {m.group(2).lower()} {m.group(3)}")]
    cued: list[tuple[int, str]] = []
    plain: list[tuple[int, str]] = []
    zone_line = _zone_line_owner(tokens, t)
    for i in usable:
        if not _fits(rdtype, tokens[i]):
            continue
        if zone_line and i < t and i >= t - 3:
            continue  # "it reads NAME CNAME VALUE": NAME owns the record, it is not its data
        before = {tokens[j].word for j in range(max(0, i - 3), i)}
        value = clean_data(rdtype, tokens[i].text)
        colon = sentence[max(0, tokens[i].start - 3) : tokens[i].start].rstrip().endswith(":")
        introduced = (
            i > 0
            and colon
            and tokens[i - 1].word
            in (
                "record",
                "records",
            )
        )  # Fastly: "add the following CNAME record: x.fastly-validations.com"
        # "a CNAME to X", "CNAME pointing to X": the type right before "to"
        typed_to = i >= 2 and tokens[i - 1].word == "to" and i - 2 == t
        end = tokens[i].start + len(tokens[i].text)
        named_after = _AS_VALUE.match(sentence, end) is not None  # "X as its target"
        if (
            before & _VALUE_CUES
            or introduced
            or typed_to
            or named_after
            or (rdtype == "TXT" and tokens[i].quoted)
        ):
            cued.append((i, value))
        elif i == t + 1 and zone_line:
            plain.append((i, value))  # "NAME TYPE VALUE" written inside a sentence
    found = sorted(cued + [p for p in plain if p[0] < (cued[0][0] if cued else len(tokens))])
    return found[:2]


def _split_label(tokens: list[_Token], i: int) -> bool:
    """`_acme challenge.www.gov.uk`: a label and a name with only a space between them."""
    tok = tokens[i]
    if not tok.text.startswith("_") or "." in tok.text or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.start == tok.start + len(tok.text) + 1 and _is_name(nxt) and not nxt.quoted


def _owner(tokens: list[_Token], usable: list[int], t: int, taken: set[int]) -> int | None:
    names = [i for i in usable if i not in taken and _is_name(tokens[i])]
    underscored = [i for i in names if tokens[i].text.startswith("_")]
    if underscored:  # a validation owner is the record's name whatever stands around it
        return underscored[0]
    after = [i for i in names if i > t]
    for i in after:
        if i == t + 1 or tokens[i - 1].word in _NAME_CUES or tokens[i - 1].word == "record":
            return i
    before = [i for i in names if i < t]
    underscored = [i for i in names if tokens[i].text.startswith("_")]
    if underscored:
        return underscored[0]
    if before:
        return before[-1]
    return after[0] if after else None
