"""What a vendor's later reply says of the records asked for, in words that name none by its data.

- Answers keyed to our questions: "(a) No need for that one any more" to our "(a) Do you need
  both names? … nothing points www.x.service.gov.uk at you today" withdraws the records for
  www.x.service.gov.uk (`withdrawn_hosts`).
- A place: "Please drop the apex one" (`dropped_place`).
- Names to leave as they are: "Leave the existing _acme-challenge.gov.uk CNAME as it is"
  (`kept_names`), which read.py holds against any change of them.
- "no need for that one any more" with nothing to say which (`drops_one`): read.py holds every
  request before it for a person.
- "The one from Tuesday." to our "Which should the apex have - the one from Tuesday
  (avld22d0...) or yesterday's (85ualvb9...)?" (`chosen_value`): the value chosen.
Pure: text in, hosts, places and names out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.reading import cues, prose
from bot.reading.actions import action_cue
from bot.reading.candidates import candidates
from bot.reading.mentions import read_zone_line

MAX_ITEMS = 20  # items of a question list (a longer "list" is no set of questions)
MAX_ITEM = 2_000  # characters of one item that are read

# "(a) ", "a) ", "1. ", "2) ", "Q3: " at the start of a line (after any "> " quoting)
_LABEL = re.compile(
    r"^[ \t>]*(?:\(([a-h])\)|([a-h])\)|(\d{1,2})(?:[.)]|[ \t]+[-\u2013:](?=[ \t]))|"
    r"q(\d{1,2})[:.)])[ \t]+",
    re.I,
)  # "(a) ", "a) ", "1. ", "2) ", "3 - ", "Q3: "
# The answer withdraws what the question pointed at, without naming it: "No need for that one
# any more", "we don't need it after all", "that one isn't needed", "you can skip that one"
_DROPS_IT = re.compile(
    r"\bno[ \t]+(?:longer[ \t]+)?need(?:ed)?[ \t]+(?:for[ \t]+)?(?:that|this|it)\b|"
    r"\b(?:that|this)[ \t]+one[ \t]+(?:is[ \t]+not|isn['’]t|is[ \t]+no[ \t]+longer)[ \t]+"
    r"(?:needed|required)\b|"
    r"\b(?:do[ \t]+not|don['’]t|no[ \t]+longer)[ \t]+need[ \t]+(?:that|this|it)\b|"
    r"\b(?:skip|drop|ignore|disregard)[ \t]+(?:that|this)(?:[ \t]+one)?\b",
    re.I,
)


def withdrawn_hosts(answer: Iterable[str], asked: Iterable[str]) -> frozenset[str]:
    """ "~host" (`decide`'s scope for the records that validate a host) for each answer item
    that withdraws, by pronoun, what the question of the same label named: one host only."""
    questions = _items(asked)
    if not questions:
        return frozenset()  # the common case: we asked no list of questions
    found: set[str] = set()
    for label, text in _items(answer).items():
        question = questions.get(label)
        if question is None or not _DROPS_IT.search(text):
            continue
        hosts = prose.hosts_named(question)
        if len(hosts) == 1:
            found |= {f"~{h}" for h in hosts}
    return frozenset(found)


def dropped_place(text: str) -> str | None:
    """ "Please drop the apex one", "skip the www one": the place whose records a comment
    withdraws ("apex" or "www"), if it names one so."""
    said = _DROPS_PLACE.search(text[:MAX_COMMENT])
    return said.group(1).lower() if said else None


_DROPS_PLACE = re.compile(
    r"\b(?:drop|skip|ignore|disregard|forget(?:[ \t]+about)?|leave[ \t]+out|omit|scrap)[ \t]+"
    r"the[ \t]+(apex|www)(?:[ \t]+(?:one|record|entry|line|cname|txt))\b",
    re.I,
)


def kept_names(text: str) -> set[str]:
    """The owner names a comment says to leave as they are ("Leave the existing
    _acme-challenge.gov.uk CNAME as it is"), absolute and lower case."""
    if "_" not in text:
        return set()  # the common case, cheaply
    found: set[str] = set()
    for line in text[:MAX_COMMENT].split("\n"):  # (its line: never a name of the line next)
        sentence = _sentence_keeping(line)
        if sentence:
            found |= prose.owners_in(sentence)
    return found


def refused_names(text: str) -> set[str]:
    """The owner names a comment says not to change at all ("Please do NOT remove
    _acme-challenge.www.gov.uk; it is still in use", "don't change X"): a later comment's
    refusal withdraws what was asked for them before."""
    if "_" not in text:
        return set()  # the common case, cheaply
    found: set[str] = set()
    for line in text[:MAX_COMMENT].split("\n"):
        for sentence in prose.split_sentences(line):
            if action_cue(sentence) is None and (
                _NOT_REMOVED.search(sentence) or _still_wanted(sentence)
            ):
                found |= prose.owners_in(sentence)
    return found


def _still_wanted(sentence: str) -> bool:
    """Does the sentence say a record must stay, for good ("Please keep _acme-challenge.x
    (pointing to y) - it's live.", "_acme-challenge.x must stay - we still validate with
    it.", "_acme-challenge.x is still needed")? Never when it only says when ("keep it until
    the new certificate is out", "for now"): a removal put off is no removal withdrawn."""
    low = sentence.lower()
    if not any(w in low for w in ("keep", "retain", "stay", "remain", "still")):
        return False  # the common case, cheaply
    return bool(_STILL_WANTED.search(sentence)) and not _ONLY_FOR_A_WHILE.search(sentence)


# A record to stay: "Please keep X", "X must stay", "X is still
# needed / in use" (never "X is still live", which the vendor says of a record it goes on to
# ask us to remove)
_STILL_WANTED = re.compile(
    r"(?:^|\bplease[ ]+|\b(?:actually|instead|rather|so|but|correction)[ ,:]+)[ ]*(?:do[ ]+)?"
    r"(?:keep|retain|leave)\b"
    r"|\b(?:must|should|needs?[ ]+to|has[ ]+to|will[ ]+have[ ]+to)[ ]+(?:stay|remain|be[ ]+kept|"
    r"be[ ]+left)\b"
    r"|\bstill[ ]+(?:in[ ]+use|needed|required|wanted|being[ ]+used|used)\b",
    re.I,
)
_ONLY_FOR_A_WHILE = re.compile(
    r"\b(?:until|till|before|once|after|afterwards|for[ ]+now|yet|for[ ]+the[ ]+moment|"
    r"for[ ]+the[ ]+time[ ]+being)\b",
    re.I,
)


def refused_labels(text: str) -> set[str]:
    """The labels by which a comment names records to leave as they are, for good ("Please
    leave the content-publisher one exactly where it is!", "don't remove the registers
    record"): which record each names is for the reader to match against what was asked."""
    if "the" not in text.lower():
        return set()  # the common case, cheaply
    found: set[str] = set()
    for line in text[:MAX_COMMENT].split("\n"):
        sentence = _sentence_keeping(line)
        if sentence and not _FOR_NOW.search(sentence.lower()):  # ("… for now": it waits)
            found |= {m.group(1).lower() for m in _LABEL_ONE.finditer(sentence)}
    return found - _NOT_LABELS


# "the content-publisher one", "the registers CNAME", "the www record"
_LABEL_ONE = re.compile(
    r"\bthe[ \t]+([a-z0-9][a-z0-9-]{0,62})[ \t]+(?:one|record|CNAME|TXT|CAA|entry)\b", re.I
)
# words that say which one by something else than its name ("the old one", "the other record")
_NOT_LABELS = frozenset(
    (
        "old",
        "new",
        "other",
        "first",
        "second",
        "third",
        "last",
        "same",
        "existing",
        "current",
        "previous",
        "earlier",
        "later",
        "latest",
        "apex",
        "original",
        "wrong",
        "right",
        "correct",
        "stale",
        "only",
        "txt",
        "cname",
        "caa",
        "dns",
        "challenge",
        "validation",
        "verification",
    )
)


def left_alone(text: str) -> bool:
    """Does a comment say to leave "it" as it is, for good ("please leave it exactly as it
    is", "no need to change it"), never only for now ("leave it where it is for now")?"""
    low = text[:MAX_COMMENT].lower()
    if "leave" not in low and "keep" not in low and "no need" not in low:
        return False  # the common case, cheaply
    return any(_LEFT_ALONE.search(s) and not _FOR_NOW.search(s) for s in prose.split_sentences(low))


_LEFT_ALONE = re.compile(
    r"\b(?:(?:leave|keep)[ \t]+it[ \t]+(?:exactly[ \t]+|just[ \t]+)?(?:as[ \t]+it[ \t]+is|"
    r"as[ \t]+is|alone|unchanged)|"
    r"no[ \t]+need[ \t]+to[ \t]+(?:change|touch|update|repoint)[ \t]+it)\b"
)
_FOR_NOW = re.compile(r"\b(?:for[ \t]+now|yet|until|till|for[ \t]+the[ \t]+moment)\b")


def _sentence_keeping(line: str) -> str:
    """The sentence of a line that says to leave a record as it is, and asks nothing."""
    for sentence in prose.split_sentences(line):
        if action_cue(sentence) is not None:
            continue
        if cues.says_to_keep(sentence) or _NOT_REMOVED.search(sentence):
            return sentence
    return ""


# "Please do NOT remove _acme-challenge.www.gov.uk; it is still in use" (never "do not remove
# it yet", which says when)
_NOT_REMOVED = re.compile(
    r"\b(?:do[ ]+not|don['’]?t|never|must[ ]+not|should[ ]+not)[ ]+(?:touch|remove|delete|change)"
    r"\b(?![^.;]{0,60}\b(?:yet|until|till|before)\b)",
    re.I,
)


def drops_one(text: str) -> str | None:
    """The words of a comment that drop something by pronoun ("no need for that one any
    more"), if it says so: which record is meant is for the reader to work out."""
    said = _DROPS_IT.search(text[:MAX_COMMENT])
    return said.group(0) if said else None


MAX_COMMENT = 20_000  # characters of a comment searched for such words


def _items(lines: Iterable[str]) -> dict[str, str]:
    """The text of each labelled item: its line and the lines under it, to a blank line."""
    return {
        label: " ".join(text for _, text in item)[:MAX_ITEM]
        for label, item in _item_lines(enumerate(lines)).items()
    }


def _item_lines(lines: Iterable[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """The numbered lines of each labelled item (its label cut off the first)."""
    items: dict[str, list[tuple[int, str]]] = {}
    current: list[tuple[int, str]] | None = None
    for number, line in lines:
        m = _LABEL.match(line)
        if m and len(items) < MAX_ITEMS:
            label = next(g for g in m.groups() if g).lower()
            current = items.setdefault(label, [])
            current.append((number, line[m.end() :]))
        elif current is not None and line.strip() and not line.lstrip().startswith(">"):
            current.append((number, line))
        else:
            current = None
    return items


def removals_answered(numbered: list[tuple[int, str]], asked: list[str]) -> list[tuple[int, str]]:
    """The lines of a comment with, under each answer that removes by pronoun ("1) Not yet -
    remove it only after the new certificate is issued."), the record our question of the same
    label showed ("1. There is already a GlobalSign TXT at the apex: gov.uk. TXT "…" Should
    that come out …?"): the answer's words then read as said of that record."""
    questions = _item_spans(asked[:MAX_LINES_ASKED])
    if not questions:
        return numbered  # the common case: we asked no list of questions
    below: dict[int, list[str]] = {}  # index of an answer's last line -> records to add
    indexed = [(k, text) for k, (_, text) in enumerate(numbered[:MAX_LINES_ASKED])]
    for label, item in _item_lines(indexed).items():
        said = " ".join(text for _, text in item)[:MAX_ITEM]
        if action_cue(said) != "delete" or not _BY_PRONOUN.search(said):
            continue
        if any(candidates(0, text) for _, text in item):
            continue  # the answer names its own data: read as written
        shown = [text.strip() for text in questions.get(label, []) if _a_record(text)]
        if 1 <= len(shown) <= 3:
            below[item[-1][0]] = shown
    if not below:
        return numbered
    out: list[tuple[int, str]] = []
    for k, (number, text) in enumerate(numbered):
        out.append((number, text))
        out += [(number, f"   {record}") for record in below.get(k, [])]
    return out


MAX_LINES_ASKED = 200  # lines of a question list, or of its answers, looked at
MAX_SPAN = 12  # lines of one question, its record shown below it after a blank line too


def _item_spans(lines: list[str]) -> dict[str, list[str]]:
    """The lines of each labelled question: its own, and after a blank line the record lines it
    shows ("1 - when do you want it gone? Currently it's:" / "" / "x.gov.uk. 3600 IN CNAME y.")."""
    spans: dict[str, list[str]] = {}
    current: list[str] | None = None
    gap = False  # a blank line since the question's own lines
    for line in lines:
        m = _LABEL.match(line)
        if m and len(spans) < MAX_ITEMS:
            current, gap = spans.setdefault(next(g for g in m.groups() if g).lower(), []), False
            current.append(line[m.end() :])
        elif current is None or len(current) >= MAX_SPAN:
            continue
        elif not line.strip():
            gap = True
        elif not gap or _a_record(line):
            current.append(line)
        else:
            current = None  # a paragraph of its own: no part of the question
    return spans


_BY_PRONOUN = re.compile(r"\b(?:it|them|that[ \t]+one|this[ \t]+one|those|that)\b", re.I)


def _a_record(line: str) -> bool:
    record = read_zone_line(line, 0)
    return record is not None and bool(record.value)


def picks_own(answer: str) -> bool:
    """Does the answer pick the value its writer sent ("Go with the one in my message",
    "mine is the right one")?"""
    return _OWN.search(answer[:300]) is not None


_OWN = re.compile(
    r"\bthe[ \t]+(?:one|value|target|record)[ \t]+(?:in|from)[ \t]+my[ \t]+"
    r"(?:first[ \t]+|original[ \t]+|earlier[ \t]+)?(?:message|e-?mail|mail|comment|note|reply)\b|"
    r"\bmine[ \t]+(?:is|was)[ \t]+(?:the[ \t]+)?(?:right|correct)\b",
    re.I,
)


def chosen_value(answer: str, asked: Iterable[str], values: Iterable[str]) -> str | None:
    """The value an answer picks from the ones our question set against each other, each by a
    few words and its first characters ("the one from Tuesday (avld22d0...) or yesterday's
    (85ualvb9...)?" answered "The one from Tuesday."). `values`: the data asked for so far."""
    known = list(values)
    for question in _questions(asked):
        sides = _SIDES.split(question)
        picked = [_value_in(side, known) for side in sides]
        if len(sides) != 2 or None in picked or picked[0] == picked[1]:
            continue
        said = set(_WORD.findall(_first_sentence(answer).lower())) - _COMMON
        hits = [
            k for k, side in enumerate(sides) if said & (set(_WORD.findall(side.lower())) - _COMMON)
        ]
        if len(hits) == 1:
            return picked[hits[0]]
        which = _WHICH_MESSAGE.search(answer[:MAX_ITEM])
        if which and not hits:  # "Please use the one in Nadia's first message."
            first, second = sorted(picked, key=lambda v: known.index(v))  # type: ignore[arg-type]
            return first if which.group(1).lower() in _EARLIER else second
    return None


# "the one in Nadia's first message", "the value from my original email"
_WHICH_MESSAGE = re.compile(
    r"\b(?:the[ \t]+one|the[ \t]+value|the[ \t]+target|the[ \t]+token)[ \t]+(?:in|from)[ \t]+"
    r"(?:my|her|his|their|our|the|[A-Z][a-z]{1,20}['\u2019]s)[ \t]+"
    r"(first|original|earlier|older|second|latest|later|newer|last)[ \t]+"
    r"(?:message|email|e-mail|mail|comment|reply|update)\b",
    re.I,
)
_EARLIER = frozenset(("first", "original", "earlier", "older"))


def _questions(asked: Iterable[str]) -> list[str]:
    text = " ".join(" ".join(asked).split())[: MAX_ITEM * 4]
    return [s for s in prose.split_sentences(text) if s.rstrip().endswith("?")]


def _value_in(side: str, values: list[str]) -> str | None:
    """The one value asked for that a side of the question names, in full or by its start."""
    starts = [m.group(1).lower() for m in _CUT.finditer(side)]
    # ("vbd0vdsd3vjd9hv7ep or h3lidan3zluwhsz0sv?": a CNAME target's first label, whole)
    starts += [w for w in _LABEL_WORD.findall(side.lower()) if any(c.isdigit() for c in w)]
    low = side.lower()
    named = {
        v
        for v in values
        if v.lower().rstrip(".") in low or any(v.lower().startswith(s) for s in starts)
    }
    return named.pop() if len(named) == 1 else None


def _first_sentence(answer: str) -> str:
    text = " ".join(answer.split())[:MAX_ITEM]
    for sentence in prose.split_sentences(text):
        if not _GREETING.match(sentence):
            return sentence
    return ""


_SIDES = re.compile(r"\bor\b", re.I)
_CUT = re.compile(r"\b([0-9a-z_-]{6,63})(?:\.\.\.|\u2026)", re.I)  # "avld22d0..." (a value cut)
_WORD = re.compile(r"[a-z]{4,}")
_LABEL_WORD = re.compile(r"\b[0-9a-z]{12,63}\b")
# words any side of a question may share with an answer without choosing it
_COMMON = frozenset(
    [
        "which",
        "should",
        "have",
        "that",
        "this",
        "with",
        "from",
        "your",
        "yours",
        "ours",
        "what",
        "record",
        "records",
        "value",
        "values",
        "target",
        "token",
        "message",
        "sent",
        "apex",
        "please",
        "thanks",
        "sorry",
        "mistake",
        "line",
        "lines",
    ]
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|morning|afternoon|thanks)\b[^.!?]{0,40}[,!.]?$", re.I
)


def removal_deferred(answer: list[tuple[int, str]], asked: Iterable[str]) -> tuple[int, str] | None:
    """The line and sentence of a reply that puts off a removal our last comment asked about
    ("Should we remove the globalsign.com entry now, or is that premature?" / "Not yet please.
    Leave it until the new certificate has been issued … after that it can come out"): a
    removal still to be done, of a record the reply need not name. None if we asked of no
    removal, or the reply puts nothing off."""
    if not any(_ASKS_REMOVAL.search(s) for s in _questions(asked)):
        return None  # the common case: we asked nothing of a removal
    for number, line in answer[:MAX_LINES_ASKED]:
        for sentence in prose.split_sentences(line[:MAX_ITEM]):
            if _PUTS_OFF.search(sentence):
                return number, sentence
    return None


# our question of a removal: "should we remove the globalsign.com entry now?", "can the old
# TXT come out as well?", "do you want us to delete it at the same time?"
_ASKS_REMOVAL = re.compile(
    r"\b(?:remove|delete|drop|take[ \t]+(?:(?:it|them|that|those|this)[ \t]+)?out|come[ \t]+out|"
    r"get[ \t]+rid[ \t]+of|clean[ \t]+up|tidy[ \t]+up)\b",
    re.I,
)
# the reply putting it off: "Not yet please.", "No, not yet -", "Hold off on that until …",
# "Please wait until the certificate is issued", "leave it where it is until …"
_PUTS_OFF = re.compile(
    r"^\W*(?:no[,.]?[ \t]+)?not[ \t]+(?:just[ \t]+|quite[ \t]+)?yet\b|"
    r"\bhold[ \t]+off\b|\bwait[ \t]+(?:until|till|for)\b|\bplease[ \t]+wait\b|"
    r"\b(?:leave|keep)[ \t]+(?:it|them|that(?:[ \t]+one)?)\b[^.;!?]{0,60}?\b(?:until|till)\b",
    re.I,
)
