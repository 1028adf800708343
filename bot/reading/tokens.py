"""The words of a sentence, and what each could be in a record: a name, a type, data of a
type (a host name, an address, a TXT value or a CA's token), and which of them a sentence
gives as the record's data and owner. Used by bot/reading/prose.py."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from bot.reading.candidates import is_bare_validation_domain
from bot.reading.mentions import clean_data, is_owner_token

TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"(?:\s+"(?:[^"\\\n]|\\.)*")*|[^\s"]+')
TYPE = re.compile(r"^(?:CNAME|TXT|CAA|AAAA|NS|MX|DS|cname|txt|caa|aaaa|Cname|Txt)$")
_CAA_DATA = re.compile(r'\b(\d{1,3})\s+(issue|issuewild|iodef)\s+("[^"\n]{0,255}"|[^\s"]+)', re.I)
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
        "i.e.",  # "the old TXT for GlobalSign i.e. globalsign-domain-verification=…"
        "ie",
        "namely",
    )
)
_REPOINTS = frozenset(
    ("update", "change", "repoint", "re-point", "point", "set", "switch", "move", "amend")
)
_GOES = frozenset(
    ("go", "goes", "going", "map", "maps", "mapped", "redirect", "redirects", "aliased")
)
_NAME_CUES = frozenset(("called", "named", "at", "for", "on", "to", "name", "host", "hostname"))


@dataclass
class Token:
    text: str
    start: int
    quoted: bool

    @property
    def word(self) -> str:
        return self.text.lower().strip(_PUNCT)


def tokens_of(sentence: str) -> list[Token]:
    tokens = []
    for m in TOKEN.finditer(sentence):
        raw = m.group()
        quoted = raw.startswith('"')
        text = raw if quoted or raw in ("->", "=>") else _bare(raw)
        if (
            text.endswith(".")
            and tokens
            and tokens[-1].text.startswith("_")
            and TYPE.match(text[:-1])
        ):
            text = text[:-1]  # "… you can bin the _acme-challenge.x CNAME." ends a sentence
        tokens.append(Token(text, m.start(), quoted))
    return tokens


def _bare(raw: str) -> str:
    """A word without the punctuation around it; "(CNAME)." ends a sentence after a bracket,
    so its full stop goes too (a name's own trailing dot stays: "gov.uk.")."""
    text = raw.strip(_PUNCT)
    if text.endswith(".") and text[:-1][-1:] in tuple(_PUNCT):
        text = text[:-1].strip(_PUNCT)
    return text


def is_name(tok: Token) -> bool:
    t = tok.text
    if t in ("*", "*."):
        return False  # a bullet ("* the _acme-challenge CNAME for gov.uk …"), not a wildcard name
    return (
        not tok.quoted and "/" not in t and "@" not in t[1:] and is_owner_token(t) and not is_ip(t)
    )


def is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.rstrip("."))
    except ValueError:
        return False
    return True


def fits(rdtype: str, tok: Token) -> bool:
    """Could this token be record data of this type?"""
    if rdtype in ("CNAME", "NS", "MX"):
        # (never "GOV.UK" in capitals: the site's name as people write it, no record's data)
        brand = _BRAND.fullmatch(tok.text.rstrip(".,;:)")) is not None
        return is_name(tok) and "." in tok.text.rstrip(".") and not brand
    if rdtype in ("A", "AAAA"):
        return is_ip(tok.text)
    if rdtype == "TXT":
        if tok.quoted:
            inner = tok.text.strip('"').strip()
            # not a quoted "@" or "-", nor a name for something ("the "txt_value" value")
            return len(inner) >= 3 and not _FIELD_NAME.fullmatch(inner)
        return ("=" in tok.text and "://" not in tok.text) or random_token(_unstopped(tok.text))
    return False


_BRAND = re.compile(r"[A-Z]{2,10}\.UK")


def _unstopped(text: str) -> str:
    """A token that ends a sentence, without the sentence's full stop (a CA's random token
    never ends in one)."""
    return text[:-1] if text.endswith(".") and random_token(text[:-1]) else text


# A quoted field name ("txt_value") or a few plain words ("verification link"): what a
# sentence calls something, never a record's data (which has digits, "=" or a token).
_FIELD_NAME = re.compile(r"[a-z]+(?:_[a-z]+)+|[A-Za-z]+(?: [A-Za-z]+){0,5}")


_AS_VALUE = re.compile(
    r"[\"'`]?[ ]+(?:as|(?:should|must|will|needs[ ]to)[ ]+be)[ ]+(?:its|the|their)[ ]+"
    r"(?:target|value|data|content)\b",
    re.I,
)


# "TOKEN as a TXT record", "TOKEN needs to go in as a TXT record"
_AS_A = re.compile(r"[\"'`]?(?:[ ]+[a-z]{1,12}){0,4}?[ ]+as[ ]+an?[ ]+(?:new[ ]+)?", re.I)
_RANDOM = re.compile(r"[A-Za-z0-9_-]{16,255}")


def random_token(text: str) -> bool:
    """A CA's token written without quotes (DigiCert's 32 characters, ACME's 43): letters and
    digits mixed, so never a word."""
    return (
        bool(_RANDOM.fullmatch(text))
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def zone_line_owner(tokens: list[Token], t: int) -> bool:
    """`NAME [TTL] [IN] TYPE VALUE` written inside a sentence ("Please add: NAME 300 IN ...")."""
    j = t - 1
    while j >= 0 and (tokens[j].text.upper() == "IN" or tokens[j].text.isdecimal()) and j > t - 3:
        j -= 1
    return j >= 0 and is_name(tokens[j])


def is_type_at(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.quoted:
        return False
    if TYPE.match(tok.text):
        return True
    following = tokens[i + 1].word if i + 1 < len(tokens) else ""
    return tok.text in ("A", "AAAA") and following in ("record", "records")


def values_in(
    sentence: str, tokens: list[Token], usable: list[int], t: int, rdtype: str
) -> list[tuple[int, str]]:
    if rdtype == "CAA":
        # ("change the CAA from 0 issue "globalsign.com" to 0 issue "certainly.com"": the
        # old data and the new, as two values; the caller's update cue decides what they are)
        found: list[tuple[int, str]] = []
        for m in _CAA_DATA.finditer(sentence):
            i = next((j for j, tok in enumerate(tokens) if tok.start >= m.start()), None)
            if i is None:
                break
            found.append((i, f"{m.group(1)} {m.group(2).lower()} {m.group(3)}"))
            if len(found) == 2:
                break
        return found
    cued: list[tuple[int, str]] = []
    plain: list[tuple[int, str]] = []
    zone_line = zone_line_owner(tokens, t)
    for i in usable:
        if not fits(rdtype, tokens[i]):
            continue
        if rdtype == "CNAME" and is_bare_validation_domain(tokens[i].text):
            continue  # "pointing to the fastly-validations.com target in my first message"
        before = {tokens[j].word for j in range(max(0, i - 3), i)}
        # "Point NAME at VALUE (CNAME)"
        pointed = (
            i >= 3
            and tokens[i - 1].word in ("at", "to")
            and is_name(tokens[i - 2])
            and tokens[i - 3].word in ("point", "points", "repoint", "re-point")
        )
        # "The value for NAME is VALUE": a cue, the record's name, then "is"
        value_for = (
            i >= 4
            and tokens[i - 1].word in ("is", "=")
            and is_name(tokens[i - 2])
            and tokens[i - 3].word in ("for", "of", "at")
            and tokens[i - 4].word in _VALUE_CUES
        )
        if zone_line and t - 3 <= i < t and not (pointed or value_for):
            continue  # "it reads NAME CNAME VALUE": NAME owns the record, it is not its data
        value = clean_data(
            rdtype, _unstopped(tokens[i].text) if rdtype == "TXT" else tokens[i].text
        )
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
        # "… currently points to OLD; please update it to NEW"
        typed_to |= (
            i >= 3
            and tokens[i - 1].word == "to"
            and tokens[i - 2].word in ("it", "this", "that")
            and tokens[i - 3].word in _REPOINTS
        )
        # "change its target from OLD to NEW": both values (the old one first)
        typed_to |= (
            i >= 3
            and tokens[i - 1].word == "to"
            and tokens[i - 3].word == "from"
            and fits(rdtype, tokens[i - 2])
        )
        typed_to |= (
            i >= 1
            and i + 2 < len(tokens)
            and tokens[i - 1].word == "from"
            and tokens[i + 1].word == "to"
            and fits(rdtype, tokens[i + 2])
        )
        # "CNAME `_acme-challenge.www.gov.uk` to `X`": the type, the owner, "to", the target
        typed_to |= i >= 3 and tokens[i - 1].word == "to" and i - 3 == t and is_name(tokens[i - 2])
        # "the alias name is N and it go to X", "… maps to X", "redirect to X"
        typed_to |= i >= 2 and tokens[i - 1].word == "to" and tokens[i - 2].word in _GOES
        # "X has an A record of 18.133.45.201"
        typed_to |= (
            i >= 3
            and tokens[i - 1].word == "of"
            and tokens[i - 2].word in ("record", "records")
            and i - 3 == t
        )
        end = tokens[i].start + len(tokens[i].text)
        named_after = _AS_VALUE.match(sentence, end) is not None  # "X as its target"
        # "add TOKEN as a TXT record" (a CNAME's "create NAME as a CNAME to X" names its owner)
        named_after |= (
            rdtype == "TXT"
            and i < t
            and _AS_A.fullmatch(sentence, end, tokens[t].start) is not None
        )
        if (
            before & _VALUE_CUES
            or value_for
            or pointed
            or introduced
            or typed_to
            or named_after
            or (rdtype == "TXT" and tokens[i].quoted)
            or (rdtype == "TXT" and "-verification=" in tokens[i].text)  # data by its shape
        ):
            cued.append((i, value))
        elif i == t + 1 and zone_line:
            plain.append((i, value))  # "NAME TYPE VALUE" written inside a sentence
    found = sorted(cued + [p for p in plain if p[0] < (cued[0][0] if cued else len(tokens))])
    return found[:2]


def data_in(text: str, rdtype: str) -> set[str]:
    """Every token of `text` that fits `rdtype`'s data, without the quotes and sentence
    punctuation around it ("… repoint it to X.", "remove the old value V")."""
    return {tok.text.strip("`'\".,") for tok in tokens_of(text) if fits(rdtype, tok)}


def split_label(tokens: list[Token], i: int) -> bool:
    """`_acme challenge.www.gov.uk`: a label and a name with only a space between them."""
    tok = tokens[i]
    if not tok.text.startswith("_") or "." in tok.text or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.start == tok.start + len(tok.text) + 1 and is_name(nxt) and not nxt.quoted


def owner_in(tokens: list[Token], usable: list[int], t: int, taken: set[int]) -> int | None:
    names = [
        i
        for i in usable
        if i not in taken
        and is_name(tokens[i])
        # ("For the GOV.UK team, … the CAA record for x.gov.uk": the site's name, no owner)
        and not _BRAND.fullmatch(tokens[i].text.rstrip(".,;:"))
    ]
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


def type_by_shape(token: str) -> str | None:
    """The type a value's shape says: a host name is a CNAME target, a CA's random token or
    verification string TXT data; anything else says nothing."""
    if is_owner_token(token) and "." in token.rstrip(".") and not token.startswith("_"):
        return "CNAME"
    return "TXT" if random_token(token) or "-verification=" in token else None


def data_kind(data: str) -> str:
    """What sort of data a value is, to match an old value with its new one: a CA's
    verification string by its prefix ("globalsign-domain-verification"), a host by its
    parent domain, else its record type."""
    data = data.strip("`'\"").lower().rstrip(".")
    if "=" in data:
        return data.split("=", 1)[0]
    if "." in data:
        return data.split(".", 1)[1]
    return type_by_shape(data) or ""
