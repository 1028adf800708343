"""Record requests written as sentences: "a CNAME called X with the value Y", "point X at Y"."""

from __future__ import annotations

import itertools
import re

from bot.reading import durations
from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.candidates import is_validation_host
from bot.reading.cues import is_negated
from bot.reading.mentions import Mention, clean_data, is_owner_token
from bot.reading.tokens import (
    TOKEN,
    TYPE,
    Token,
    fits,
    is_name,
    is_type_at,
    owner_in,
    split_label,
    tokens_of,
    type_by_shape,
    values_in,
)
from bot.signals import CERTIFICATE_AUTHORITIES

# A list item's start: "- ", "* ", "• ", "1. ", "2) ", "(3) ", "a) ", "(b) "
_ITEM = r"(?:[-*+\u2022]|\(?\d{1,3}[.)]|\(?[a-z][.)])"
ITEM_START = re.compile(rf"^[ ]*{_ITEM}[ ]+")
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(])(?!(?:CNAME|TXT|CAA|AAAA|A|NS|DS|MX|IN)\b)"
    rf"|\n(?=[ \t]*{_ITEM}[ \t])"
    # a line that starts by asking starts a sentence ("… TXT at x: V" / "Please don't touch …")
    r"|\n(?<=[\w\"']\n)(?=[ \t]*Please[ \t])"
)
# "TTL 300", "TTL of 300", "short ttl pls (60)"
_TTL = re.compile(
    r"\bTTL\b(?:\s+(?:of|at|to|is|as)|[ \t]+(?:pls|please))?\s*[:=(]?\s*(\d{1,10})\b"
    r"(?![ \t]*(?:[mhd]\b|min|hour|hr|day))",
    re.I | re.ASCII,
)

# "NAME. 3600 IN CNAME" (a zone-file line broken over lines, read as a sentence): its TTL
_ZONE_TTL = re.compile(
    r"(?<=[.\w])[ \t]+(\d{1,10})[ \t]+IN[ \t]+(?:CNAME|TXT|CAA|A|AAAA|MX|NS)\b", re.ASCII | re.I
)

# "In ticket #71842 (November 2025) we asked you to add …": a request made before, told
_PAST_ASK = re.compile(
    r"\b(?:we|i)[ \t]+(?:(?:had|have|once|previously|originally)[ \t]+)?(?:asked|requested)[ \t]+"
    r"(?:you[ \t]+)?(?:to[ \t]+)?(?:add|create|publish|set[ \t]+up)\b",
    re.I,
)

_DESCRIPTIVE = re.compile(
    r"\b(?:currently|exists|existing|we see|there is|there's still|is set to|already|"
    r"at the moment)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;,]\s+|\s+(?:and|also|then|plus)\s+", re.I)
# Another verb's clause: "… first and then publish the …", "; then add"
_NEXT_ASK = re.compile(
    r"(?:[;,]|\band\b|\bthen\b)\s+(?:then\s+)?(?:please\s+)?(?:add|create|publish|set\s+up|put)\b",
    re.I,
)


# "set the TTL on both records to 300 rather than 3600": the records named between
_TTL_ON = re.compile(
    r"\bTTL[ \t]+(?:on|for|of)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:to|at|=)[ \t]+(\d{1,10})\b"
    r"(?![ \t]*(?:[mhd]\b|min|hour|hr|day))",
    re.I | re.ASCII,
)


# "TTL you can put small like 60": the writer's TTL, said after what may be done with it
_TTL_YOU_CAN = re.compile(
    r"\bTTL[ \t]+(?:you|we)[ \t]+(?:can|could|may)[ \t]+(?:put|set|use|make)\b[^.\d\n]{0,20}?"
    r"\b(\d{1,7})\b(?![ \t]*(?:[mhd]\b|min|hour|hr|day))",
    re.I | re.ASCII,
)

_TTL_ASKED = re.compile(
    r"\b(?:set|use|make|lower|reduce|change|drop|put|give|want|need|request)\w*[ \t]+"
    r"(?:(?:it|the|its|a|an)[ \t]+)?(?:\w+[ \t]+)?$",
    re.I,
)


def ttl_in(sentence: str) -> int | None:
    """The TTL a sentence gives its records; none when it leaves the choice open ("A TTL of
    300 is fine; anything up to 3600 will work")."""
    if durations.left_open(sentence):
        return None
    said = list(_TTL.finditer(sentence)) if sentence.lower().count("ttl") > 1 else []
    if len(said) > 1:
        # "Currently resolves to the old one, TTL 86400. Pls set TTL 300": the TTL asked for,
        # not the one the record has now
        asked = [m for m in said if _TTL_ASKED.search(sentence[max(0, m.start() - 30) : m.start()])]
        if len(asked) == 1:
            return int(asked[0].group(1))
    m = (
        _TTL.search(sentence)
        or _TTL_ON.search(sentence)
        or _TTL_SECONDS.search(sentence)
        or _TTL_YOU_CAN.search(sentence)
    )
    if m:
        return int(m.group(1))
    said = durations.ttl_said(sentence)  # "set the TTL to one hour"
    return said[1] if said else None


# "Please set the TTL to one hour": an instruction about the TTL of the records just given.
TTL_ORDER = re.compile(
    r"\b(?:set|use|make|give|keep|put)\b[^.\n]{0,30}?\bTTL\b|\b(?:short|low)\s+TTL\b|"
    r"\bTTL\s+(?:you|we)\s+(?:can|could|may)\s+(?:put|set|use|make)\b|"
    r"\bTTL\s+(?:pls|please)\b|"
    # "can you create it with TTL 300 instead of the default"
    r"\b(?:create|add|publish)\b[^.\n]{0,30}?\bwith\s+(?:a\s+)?TTL\b",
    re.I,
)
# "TTL 300 is fine.", "Any TTL is OK, 300 like your others is perfect.": a TTL approved, for
# the records just given (not "… is fine as it is": what is there)
TTL_APPROVED = re.compile(
    r"\bTTL\b[^.\n]{0,30}?\b\d{1,7}(?:\s+[a-z']{1,20}){0,4}?\s+(?:is|would\s+be|works)\s+"
    r"(?:\w+\s+)?(?:fine|ok|okay|good|great|perfect|ideal)\b(?!\s+as\s+it\s+is)",
    re.I,
)


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


def hosts_named(text: str) -> set[str]:
    """The host names a sentence names (not owners under `_`, not a CA's validation hosts)."""
    hosts = {
        tok.text.strip("`'\".,;:()").lower()
        for tok in tokens_of(text)
        if is_name(tok) and "." in tok.text.strip(".") and not tok.text.startswith("_")
    }
    return {h for h in hosts if not is_validation_host(h)}


# The places a list's items are named by ("scrap the second one", "the last entry")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_SAME = re.compile(r"\b(?:same\s+again|the\s+same\s+(?:for|with)|likewise|as\s+well)\b", re.I)


def same_again(sentence: str) -> bool:
    """ "the same again with the issuewild tag", "likewise for …": a record like the last."""
    return bool(_SAME.search(sentence))


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def sentences_of(text: str, longest: int = 2000) -> list[str]:
    """The sentences of a text of several paragraphs, each on one line (a sentence never runs
    past a blank line), leaving out any longer than `longest` characters: no instruction runs
    on for pages, and a reader of each sentence stays linear whatever the text."""
    return [
        sentence
        for paragraph in _PARAGRAPH_BREAK.split(text)
        for sentence in split_sentences(" ".join(paragraph.split()))
        if len(sentence) <= longest
    ]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def split_clauses(sentence: str) -> list[str]:
    """One piece per record type named: a sentence asking for two records is cut between them,
    at the last comma, semicolon or "and" before the second type."""
    types = [m.start() for m in TOKEN.finditer(sentence) if TYPE.match(m.group())]
    cuts = [0]
    for prev, here in itertools.pairwise(types):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, prev, here)]
        if breaks:
            cuts.append(breaks[-1])
    return [sentence[a:b] for a, b in zip(cuts, [*cuts[1:], len(sentence)], strict=True)]


def respectively(sentence: str, number: int) -> list[Mention]:
    """ "_acme-challenge.www.gov.uk and _acme-challenge.gov.uk already CNAME to A and B
    respectively": one record per owner, its value in the same place of the second list."""
    if "respectively" not in sentence.lower():
        return []
    tokens = tokens_of(sentence)
    t = next((i for i, tok in enumerate(tokens) if is_type_at(tokens, i)), None)
    if t is None:
        return []
    rdtype = tokens[t].text.upper()
    owners = [tok.text for tok in tokens[:t] if is_name(tok) and tok.text.startswith("_")]
    values = [tok.text for tok in tokens[t + 1 :] if fits(rdtype, tok)]
    if len(owners) < 2 or len(owners) != len(values):
        return []  # the lists do not pair: the sentence is read as usual, and checked
    mode = "observed" if _DESCRIPTIVE.search(sentence) and not action_cue(sentence) else "request"
    return [
        Mention(name, rdtype, clean_data(rdtype, value), number, mode=mode)
        for name, value in zip(owners, values, strict=True)
    ]


# A host name in a list of them ("gov.uk, www.gov.uk and hmrc.gov.uk"), and the list: after
# a word that places records ("at", "on", "for", "names -"), two to twenty names joined by
# commas and a last "and"/"&". Each name's labels are set apart by dots: linear.
_HOST = r"[A-Za-z0-9_*][\w*-]{0,62}(?:\.[\w-]{1,63}){1,10}\.?"
_NAMES_LIST = re.compile(
    rf"(?:\b(?:at|on|to|for|under)|\bnames?[ \t]*[-:–]|\bdomains?[ \t]*[-:–])[ \t\n]+"
    rf"({_HOST}(?:[ \t\n]*,[ \t\n]*{_HOST}){{0,18}}[ \t\n]*,?[ \t\n]*(?:and|&)[ \t\n]+{_HOST})"
    r"(?![\w-])",
    re.I,
)


def listed_with(sentence: str, name: str) -> list[str]:
    """ "Please add a TXT record at gov.uk, www.gov.uk and hmrc.gov.uk with the value V", "the
    same value for each of the three names - A, B and C": every name of the list the record's
    owner stands in, in order (the owner alone when it stands in none, or is said twice)."""
    if "," not in sentence and " and " not in sentence and "&" not in sentence:
        return [name]  # the common case, cheaply
    own = name.lower().rstrip(".")
    if sum(t.text.lower().rstrip(".") == own for t in tokens_of(sentence)) != 1:
        return [name]
    for m in _NAMES_LIST.finditer(sentence):
        names = re.findall(_HOST, m.group(1))
        if own in (n.lower().rstrip(".") for n in names) and all(is_owner_token(n) for n in names):
            return [n if n.lower().rstrip(".") != own else name for n in names]
    return [name]


_INSTRUCTION = re.compile(r"[ \t\n]*(?:please|pls|kindly|add|create|do|don't|leave|keep)\b", re.I)


def _after(tokens: list[Token], i: int) -> int:
    return tokens[i].start + len(tokens[i].text)


# "a CAA record for certainly.com", "a CAA entry allowing letsencrypt.org"
_CAA_FOR = re.compile(
    r"\bCAA(?:[ ]+(?:record|entry|line))?[ ]+(?:for|allowing|permitting|authori[sz]ing)[ ]+"
    r"[`'\"]?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24})\b",
    re.I,
)


def _caa_refused(sentence: str, tokens: list[Token]) -> list[tuple[int, str]]:
    """The CAA issue data a negated sentence names by its CA's domain alone."""
    m = _CAA_FOR.search(sentence)
    if m is None:
        return []
    at = next((i for i, tok in enumerate(tokens) if tok.start >= m.start(1)), None)
    return [] if at is None else [(at, f'0 issue "{m.group(1).lower()}"')]


# "hi pls cname _acme-challenge.www.gov.uk -> x.fastly-validations.com": the type as a verb
_TYPE_AS_VERB = re.compile(r"\b(?:pls|plz|please|can[ ]you|could[ ]you)[ ]+cname\b", re.I)
_MAX_ARROWS = 20  # arrows asked for in one sentence: more is a list, read line by line


def asked_arrows(sentence: str, number: int) -> list[Mention]:
    """Every CNAME a sentence asks for with an arrow (see `_asked_arrows`)."""
    if "->" not in sentence and "=>" not in sentence:
        return []
    return _asked_arrows(sentence, tokens_of(sentence), number)


def _asked_arrows(sentence: str, tokens: list[Token], number: int) -> list[Mention]:
    """ "pls add cname _acme-challenge.x.gov.uk -> y.fastly-validations.com and also for the
    www one _acme-challenge.www.x.gov.uk cname -> z.fastly-validations.com": arrows asked for,
    each from a validation owner to a CA's validation host, with an add (and nothing else)
    said before it: a CNAME each."""
    found: list[Mention] = []
    arrows = [i for i, tok in enumerate(tokens[1:-1], 1) if tok.text in ("->", "=>")]
    for i in arrows[:_MAX_ARROWS]:  # (each looks back over the sentence: bounded, linear)
        tok = tokens[i]
        left, right = tokens[i - 1].text.strip("`'\""), tokens[i + 1].text.strip("`'\"")
        if left.upper() == "CNAME" and i >= 2:  # "_acme-challenge.www.x.gov.uk cname -> y"
            left = tokens[i - 2].text.strip("`'\"")
        if (
            left.startswith("_")
            and is_owner_token(left)
            and is_validation_host(right)
            and (
                action_cue(sentence[: tok.start]) == "add"
                or _TYPE_AS_VERB.search(sentence[: tok.start]) is not None
            )
        ):
            found.append(Mention(left, "CNAME", clean_data("CNAME", right), number, action="add"))
    return found


def read_sentence(
    sentence: str,
    number: int,
    fallback_name: str | None,
    earlier_owner: str | None = None,
    listed: str | None = None,
) -> Mention | None:
    """A record requested in one sentence, or None when the sentence requests none.

    The sentence must name a type. The value is the first fitting token after a value cue
    ("value", "pointing at", "target") or a quoted string; the owner is the first name after
    the type (or before it) that is not the value. Two values with an update cue make an
    update (old value first). Tokens joined by arrows are illustrations, never records.
    `listed` is the action of the list the sentence is an item of ("These can be removed:"
    then "3. the _acme-challenge CNAME for x.gov.uk"), for an item that names no verb.
    """
    tokens = tokens_of(sentence)
    t = next((i for i, tok in enumerate(tokens) if is_type_at(tokens, i)), None)
    if t is None:
        return (
            # (an earlier host name is only "there"/"that name"'s owner, below: never the
            # owner of "Fastly will never ask you to add DNS records pointing at fastly.com")
            _pointed(sentence, tokens, number, fallback_name or _underscored(earlier_owner))
            or _verification(sentence, tokens, number, fallback_name)
            or _target_for(sentence, number)
        )
    rdtype = tokens[t].text.upper()
    # ("X -> please add this one": an arrow to an instruction joins no two records' data)
    arrows = {
        i + d
        for i, tok in enumerate(tokens)
        if tok.text in ("->", "=>") and not _INSTRUCTION.match(sentence, _after(tokens, i))
        for d in (-1, 1)
    }
    if arrows and rdtype == "CNAME" and _RESOLVING.search(sentence):
        return _arrow_seen(tokens, number)  # "we can see ... live (_acme-challenge.x -> y)"
    usable = [i for i in range(len(tokens)) if i not in arrows and i != t]
    values = values_in(sentence, tokens, usable, t, rdtype)
    # ("(@ = gov.uk. itself - NOT www.gov.uk, www is a CNAME …)": what "@" stands for)
    values = [
        v
        for v in values
        if not _AT_MEANS.search(sentence[max(0, tokens[v[0]].start - 12) : tokens[v[0]].start])
    ]
    action = action_cue(sentence[: tokens[t].start]) or action_cue(sentence)
    if not values and rdtype == "CAA" and is_negated(sentence):
        # "Please do not add a CAA record for certainly.com at gov.uk": the issue line it names
        values = _caa_refused(sentence, tokens)
    if not values and (action or listed) != "delete":
        return None

    # "we went to add this but there's already a TXT at X": what is there, whatever the verb
    described = (
        action is None and bool(_DESCRIPTIVE.search(sentence) or _SAYS_IN_PLACE.search(sentence))
    ) or already_there(sentence)
    if action and values and shown_before_lead_in(sentence, values[-1][1]):
        action, described = None, True  # the ask leads in to the records below the sentence
    taken = {i for i, _ in values}
    if rdtype == "CAA":
        # ("CAA 0 issue sectigo.com" under "please delete:": the CA's domain after the tag is
        # the value's, never the record's owner)
        taken |= {i + k for i, _ in values if tokens[i].text.isdigit() for k in (1, 2)}
    name_i = owner_in(tokens, usable, t, taken)
    if (
        name_i is not None
        and name_i > t
        and not values
        and _NEXT_ASK.search(sentence, tokens[t].start, tokens[name_i].start)
    ):
        # "please delete that CNAME first and then publish the _acme-challenge record": the
        # name belongs to the next request, not to "that CNAME"
        name_i = None
    if rdtype == "CAA" and not values and name_i is not None and _issuer(tokens[name_i].text):
        # "delete the globalsign.com CAA": the entry naming that CA, at a name the sentence
        # does not give (read by the records shown), never a CAA record owned by globalsign.com
        return None
    name = tokens[name_i].text if name_i is not None else fallback_name
    there = _THERE.search(sentence)
    if (
        name is None
        and earlier_owner
        and there
        # "There is already a TXT record on that name: W": "already" says it of that name
        and (_SHOWS.search(sentence) or (there.group() != "there" and _ALREADY.search(sentence)))
    ):
        name = earlier_owner  # "dig shows just one TXT there": at the name said before
    if name_i is not None and split_label(tokens, name_i):
        name = f"{name} {tokens[name_i + 1].text}"  # "_acme challenge.www.gov.uk": not a name
    if name is None:
        return None
    if "." not in name.strip("`'\"."):
        # "a CNAME named _acme-challenge (so _acme-challenge.visit.service.gov.uk)": the
        # sentence spells the relative name out in full
        full = [
            tokens[i].text
            for i in usable
            if i not in taken and tokens[i].text.lower().startswith(name.lower() + ".")
        ]
        name = full[0] if len(set(full)) == 1 else name
    old = None
    new_first = False
    if len(values) >= 2 and action == "update":
        old = values[0][1]
        between = sentence[tokens[values[0][0]].start : tokens[values[-1][0]].start]
        if _INSTEAD_OF.search(between) or _NOW_BEFORE.search(between):
            # "so that it points at NEW instead of its current target OLD": the new one first
            old, new_first = values[-1][1], True
    ttl = _TTL.search(sentence) or _ZONE_TTL.search(sentence)
    # Another name in the sentence may say which domain a relative owner is in; never the
    # record's own data ("`_acme-challenge`: CNAME to `x.fastly-validations.com`").
    origins = [
        tokens[i].text for i in usable if is_name(tokens[i]) and i != name_i and i not in taken
    ]
    return Mention(
        name=name,
        rdtype=rdtype,
        value=(values[-1][1] if old and not new_first else values[0][1]) if values else None,
        line=number,
        ttl=int(ttl.group(1)) if ttl else None,
        old_value=old,
        action=action,
        # ("… so once the new one's\nissued you can bin the …": a sentence over two lines)
        after_issuance=bool(AFTER_ISSUANCE.search(" ".join(sentence.split()))),
        origin_hint=next((o for o in origins if not o.startswith("_")), None),
        # "X currently has a CNAME to Y": observed; "last year we asked you to add …": history
        mode="aside" if _PAST_ASK.search(sentence) else "observed" if described else "request",
        # "if anything else exists at X (an old TXT …), it will have to be removed"
        conditional=action == "delete" and not values and if_present(sentence),
    )


def _underscored(owner: str | None) -> str | None:
    return owner if owner and owner.startswith("_") else None


# What a sentence with no request verb says is there: "publishing.service.gov.uk, which has a
# single CAA record, 0 issue "globalsign.com"", "(X CNAME Y is resolving correctly, no change
# needed there)"
_SAYS_IN_PLACE = re.compile(
    r"\b(?:which|that)[ \t]+(?:currently[ \t]+|already[ \t]+|still[ \t]+)?(?:has|holds|contains)"
    r"[ \t]+(?:only[ \t]+|just[ \t]+)?(?:an?|one|the|a[ \t]+single)[ \t]+(?:existing[ \t]+)?"
    r"(?:CAA|TXT|CNAME)\b|"
    r"\b(?:is|are)[ \t]+(?:already[ \t]+|now[ \t]+|still[ \t]+)?(?:resolving|working|validating)"
    r"[ \t]+(?:correctly|fine|ok|okay|properly|as[ \t]+expected)\b",
    re.I,
)


# "has a CAA record that …", "holds an existing TXT": what a name has now
_HAS_RECORD = re.compile(
    r"\b(?:has|have|holds?)[ \t]+(?:an?[ \t]+|one[ \t]+|the[ \t]+)?(?:existing[ \t]+)?"
    r"(?:CAA|TXT|CNAME)\b",
    re.I,
)


def shown_before_lead_in(sentence: str, value: str | None) -> bool:
    """Does a lead-in sentence describe a value and only then ask, of the records below it?
    ("Because X has a CAA record that currently only authorises GlobalSign (0 issue
    "globalsign.com"), please add alongside it:" - the value in brackets is what is there.)"""
    if not value or not sentence.rstrip().endswith(":"):
        return False
    last = value.split()[-1].strip("\"'`").rstrip(".").lower()  # (its last word, as written)
    at = sentence.lower().rfind(last) if last else -1
    if at < 0:
        return False
    before, after = sentence[: at + len(last)], sentence[at + len(last) :]
    return (
        action_cue(before) is None
        and action_cue(after) is not None
        and bool(_DESCRIPTIVE.search(before) or _HAS_RECORD.search(before))
    )


_ISSUER_DOMAINS = frozenset(d for _, domains in CERTIFICATE_AUTHORITIES.values() for d in domains)


def _issuer(word: str) -> bool:
    """Is a word a CA's CAA issuer domain ("globalsign.com", "letsencrypt.org")?"""
    return word.strip("`'\"().,;:").lower().rstrip(".") in _ISSUER_DOMAINS


_AT_MEANS = re.compile(r"@[ ]{0,3}(?:=|means|is)[ ]{0,3}$", re.I)
# "points at", "change the target to", "change the target of _acme-challenge.gov.uk to",
# "update _acme-challenge.gov.uk to"
_POINT_TO = re.compile(
    r"\b(?:point(?:s|ing)?\s+(?:\S+\s+)?(?:to|at)|resolv(?:es|ing)\s+to|"
    r"(?:change|set|update|amend|modify|switch)\s+(?:the\s+)?(?:target|value)\s+"
    r"(?:(?:of|for|on|at)\s+`?_\S{1,253}\s+)?to|"
    r"(?:change|update|amend|modify|switch|re-?point)\s+`?_\S{1,253}\s+"
    # "repoint _acme-challenge.x from the Google target to Y": what it points at now, then "to"
    r"(?:from(?:\s+[^\s;:]{1,253}){1,6}?\s+)?to)\b",
    re.I,
)
# "… still points at OLD - please change it to NEW", "…, could you repoint that one at NEW"
_CHANGE_IT_TO = re.compile(
    r"\b(?:change|update|re-?point|switch|move)\s+(?:it|this|that)(?:\s+(?:one|record|CNAME))?"
    r"\s+(?:to|at)\b",
    re.I,
)
# "… from OLD to": the words naming what a repointed record points at now
_FROM = re.compile(r"\bfrom\s", re.I)
# "please use X", "you should use X" (X the next word)
_USE = re.compile(r"\b(?:please|should|must|to)[ ]{1,3}(?:now[ ]{1,3})?use[ ]{1,3}(?=\S)", re.I)
_RESOLVING = re.compile(
    r"\b(?:resolv(?:es|ing)\s+to|(?:currently|already|still)\s+points?|(?:can|we)\s+see|"
    r"(?:is|are)\s+live|live\s+in|"
    # "it is pointing to the old value X", "is still pointing at last year's target"
    r"(?:is|are|['’]s|['’]re)\s+(?:still\s+|currently\s+)?pointing\s+(?:to|at|for)\s+"
    r"(?:the\s+|an?\s+)?(?:old|previous|stale|wrong|outdated|expired|former|last\s+year['’]s))\b",
    re.I,
)
_SHOWS = re.compile(
    r"\b(?:dig|shows?|returns?|see|seen|published|served|serving|still|sitting|left[ ]over|"
    r"leftover|exists?|existing)\b",
    re.I,
)
_THERE = re.compile(r"\b(?:there|(?:that|the[ ]same)[ ]name)\b", re.I)
_ALREADY = re.compile(r"\balready\b", re.I)
_NOUNS = frozenset(("target", "record", "one", "value", "cname", "entry", "host", "token"))
# "… points at NEW (currently OLD)", "… to NEW; it is OLD now"
_NOW_BEFORE = re.compile(r"\((?:currently|now|was)\b|\bits[ ]+current[ ]+(?:target|value)\b", re.I)
_INSTEAD_OF = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\b", re.I)


# "The correct target for _acme-challenge.www.gov.uk is X", "the value for _dnsauth.x is Y"
_TARGET_FOR = re.compile(
    r"\b(?:target|value|content)[ ]{1,3}(?:for|of)[ ]{1,3}`?(_[\w.-]{3,253}?)`?[ ]{1,3}"
    r"(?:is|should[ ]be|=)[ ]{0,3}:?[ ]{0,3}`?([\w.=+/-]{8,300}?)`?(?=[ ,;)]|\.?$|\.[ ])",
    re.I,
)

# "The record must be at _acme-challenge.x.gov.uk, with the same value V", "please add
# _acme-challenge.x with the value V"
_WITH_VALUE = re.compile(
    r"`?(_[\w.-]{3,253}?)`?[ ]{0,3},?[ ]{1,3}(?:with|using)[ ]{1,3}(?:the[ ]{1,3})?"
    r"(?:same[ ]{1,3}|new[ ]{1,3})?(?:value|target|content)[ ]{0,3}(?:of[ ]{1,3})?:?[ ]{0,3}"
    r"`?([\w.=+/-]{8,300}?)`?(?=[ ,;)]|\.?$|\.[ ])",
    re.I,
)


def _target_for(sentence: str, number: int) -> Mention | None:
    """A record said as "the target for NAME is VALUE" or "NAME with the value VALUE", no type
    named: the value's shape says."""
    low = sentence.lower()
    if "_" not in sentence or not ("target" in low or "value" in low or "content" in low):
        return None  # the common case, cheaply
    flat = " ".join(sentence.split())
    m = _TARGET_FOR.search(flat) or _WITH_VALUE.search(flat)
    rdtype = type_by_shape(m.group(2)) if m else None
    if m is None or rdtype is None or _DESCRIPTIVE.search(sentence):
        return None
    return Mention(m.group(1), rdtype, clean_data(rdtype, m.group(2)), number)


def _verification(
    sentence: str, tokens: list[Token], number: int, host: str | None = None
) -> Mention | None:
    """ "… the new value: globalsign-domain-verification=X on gov.uk": a CA's verification
    string is TXT data though no type is named; its owner is the one name after "on"/"at",
    else `host`, the one host the paragraph around it named ("The record goes on gov.uk
    itself. The content should be: V")."""
    if "verification=" not in sentence:
        return None  # the common case, cheaply
    values = [i for i, tok in enumerate(tokens) if _VERIFICATION.fullmatch(tok.text.strip(_QUOTES))]
    if len(values) != 1:
        return None
    after = tokens[values[0] + 1 : values[0] + 3]
    if len(after) == 2 and after[0].word in ("on", "at", "for") and is_name(after[1]):
        name = after[1].text
    elif _AT_APEX.search(sentence):
        name = "@"  # "still returns last year's token at the apex: V": the ticket's domain,
        # when it names one (never gov.uk by default: see changes.resolve_owner)
    elif host and not host.startswith(("_", "@")) and _LEADS_TO.search(sentence):
        name = host
    else:
        return None
    action = action_cue(sentence)
    described = bool(_DESCRIPTIVE.search(sentence))
    if action == "delete" or (described and name != "@"):
        return None  # a published string or a clean-up: said with a type word, or flagged
    return Mention(
        name=name,
        rdtype="TXT",
        value=clean_data("TXT", tokens[values[0]].text.strip(_QUOTES)),
        line=number,
        action=None if described else action,
        mode="observed" if described else "request",
    )


_QUOTES = "\"'`\u201c\u201d\u2018\u2019"
# A condition on what may be published: "if anything else exists at X", "if you still have"
_IF_THERE = re.compile(
    r"\bif\b[^.;:]{0,80}?\b(?:exists?|there(?:'s|\s+is|\s+are)|you\s+(?:still\s+)?have|"
    r"(?:is|are)\s+(?:still\s+)?(?:there|present|published))\b",
    re.I,
)


def if_present(text: str) -> bool:
    """A condition on what may be published ("if anything else exists at X", "if you still
    have the old one"): what follows is not asked for as such."""
    return bool(_IF_THERE.search(text))


_ALREADY_THERE = re.compile(
    r"\bthere(?:'s|\u2019s|\s+is|\s+are)\s+already\s+(?:an?\s+|two\s+|some\s+)?(?:TXT|CNAME|CAA)\b",
    re.I,
)


def already_there(text: str) -> bool:
    """ "there's already a TXT record at X": a description of what is published."""
    return bool(_ALREADY_THERE.search(text))


_AT_APEX = re.compile(r"\b(?:at|on)[ ]+(?:the[ ]+)?(?:zone[ ]+)?apex\b", re.I)


# "The content should be: V", "with the following content: V", "value - V": the string is
# what a sentence before it described (never "you still have V published")
_LEADS_TO = re.compile(
    r"\b(?:content|value|string|record|text|token)\b[^.:]{0,60}[:\u2013\u2014-]\s*[\"'\u201c\u2018]?"
    r"globalsign-domain-verification=",
    re.I,
)
_VERIFICATION = re.compile(r"globalsign-domain-verification=[A-Za-z0-9_-]{16,100}", re.I)


def _pointed(
    sentence: str, tokens: list[Token], number: int, fallback: str | None
) -> Mention | None:
    """ "Please change _acme-challenge.gov.uk so that it points to X": no type word, but only a
    CNAME points, and only at a validation name (`_` first) is that a certificate's record."""
    m = _POINT_TO.search(sentence)
    action = action_cue(sentence)
    if m is None:
        # "_acme-challenge.www.x.gov.uk: please use 9r8e….fastly-validations.com rather than
        # the value in the first message": only a CA's validation host is used so
        m = _USE.search(sentence)
        used = m and next((t for t in tokens if t.start >= m.end()), None)
        m = m if used and is_validation_host(used.text) else None
        action = action or ("add" if m else None)
    described = action is None and bool(m) and bool(_RESOLVING.search(sentence))
    if not m or (action not in ("add", "update") and not described):
        return None
    instead = _INSTEAD_OF.search(sentence, m.end())
    end = instead.start() if instead else len(sentence)
    value = next(
        (i for i, tok in enumerate(tokens) if m.end() <= tok.start < end and fits("CNAME", tok)),
        None,
    )
    old = None
    then = _CHANGE_IT_TO.search(sentence, m.end(), end)
    now = [n for n, t in enumerate(tokens) if m.end() <= t.start < (then.start() if then else 0)]
    if then and len([n for n in now if fits("CNAME", tokens[n])]) == 1:
        # "X still points at OLD - please change it to NEW": what it points at now, then the
        # change (the first target after "points at" is the old one, not the one asked)
        after = next(
            (i for i, t in enumerate(tokens) if then.end() <= t.start < end and fits("CNAME", t)),
            None,
        )
        if after is not None:
            old = next(tokens[n].text for n in now if fits("CNAME", tokens[n]))
            value, action = after, "update"
    since = _FROM.search(sentence, m.start(), m.end())
    if since and not instead:  # "repoint X from OLD to NEW" (or "from the Google target")
        olds = [
            n
            for n, t in enumerate(tokens)
            if since.end() <= t.start < m.end() and fits("CNAME", t) and t.word != "to"
        ]
        # ("from the certificatemanager.goog target": a description of what is there, whose
        # data what the ticket shows published says)
        named = olds and olds[0] + 1 < len(tokens) and tokens[olds[0] + 1].word in _NOUNS
        old = tokens[olds[0]].text if len(olds) == 1 and not named else None
    if instead:  # "point X at NEW instead of OLD"
        at = next((n for n, t in enumerate(tokens) if t.start >= instead.end()), len(tokens))
        olds = [n for n in range(at, len(tokens)) if fits("CNAME", tokens[n])]
        described = olds and olds[0] + 1 < len(tokens) and tokens[olds[0] + 1].word in _NOUNS
        # "instead of the certificatemanager.goog target shown above": a description of the
        # record shown, not its data; what is published there says the old value.
        old = tokens[olds[0]].text if olds and not described else None
    owners = [
        i
        for i, tok in enumerate(tokens)
        if tok.start < m.end() and is_name(tok) and tok.text.startswith("_")
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


def _arrow_seen(tokens: list[Token], number: int) -> Mention | None:
    for i, tok in enumerate(tokens[1:-1], start=1):
        name, target = tokens[i - 1], tokens[i + 1]
        if (
            tok.text == "->"
            and name.text.startswith("_")
            and is_name(name)
            and fits("CNAME", target)
        ):
            value = clean_data("CNAME", target.text)
            return Mention(name.text, "CNAME", value, number, mode="observed")
    return None


# "Its value must be the following random value, entered exactly as shown: X", "It should
# point to X": the value of the record the sentence before named without one
_ITS_VALUE = re.compile(
    r"^\W{0,3}(?:\d{1,2}[.)][ ]*)?(?:its[ ](?:value|data|content|target)|the[ ]value|"
    r"it[ ](?:should|must|needs[ ]to)[ ](?:point|resolve)[ ](?:to|at)|"
    # "1. … create a CNAME with the name _acme-challenge.gov.uk / 2. Point it at X"
    r"(?:then[ ])?(?:point|set|aim)[ ]it[ ](?:at|to))\b",
    re.I,
)


def half_record(sentence: str) -> tuple[str, str] | None:
    """(owner, type) of a sentence that asks for a record but gives no data ("Please create a
    TXT record on _dnsauth.x.gov.uk.")."""
    return named_record(sentence) if action_cue(sentence) == "add" else None


def named_record(sentence: str) -> tuple[str, str] | None:
    """(owner, type) of a sentence that names a validation record but gives no data
    ("_acme-challenge.www.gov.uk -> please do NOT add the TXT for this one")."""
    tokens = tokens_of(sentence)
    t = next((i for i, tok in enumerate(tokens) if is_type_at(tokens, i)), None)
    if t is None:
        return None
    usable = [i for i in range(len(tokens)) if i != t]
    if values_in(sentence, tokens, usable, t, tokens[t].text.upper()):
        return None
    name_i = owner_in(tokens, usable, t, set())
    if name_i is None or not tokens[name_i].text.startswith("_"):
        return None
    return tokens[name_i].text, tokens[t].text.upper()


def its_value(sentence: str, rdtype: str) -> str | None:
    """The one value of that type a sentence starting "Its value …" gives."""
    if not _ITS_VALUE.match(sentence):
        return None
    tokens = tokens_of(sentence)
    found = [
        tok.text
        for tok in tokens
        if fits(rdtype, tok) and type_by_shape(tok.text.strip('"')) == rdtype
    ]
    return clean_data(rdtype, found[0]) if len(found) == 1 else None


def owners_in(text: str) -> set[str]:
    """The validation owners ("_x.gov.uk") a text names, absolute and lower case."""
    words = (w.strip("`'\",;:()").lower().rstrip(".") for w in text.split())
    return {w + "." for w in words if w.startswith("_") and "." in w}
