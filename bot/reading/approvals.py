"""Records we proposed, approved or turned down by their place in a vendor's reply.

Our comment lists what we plan ("1. ADD _acme-challenge.x CNAME y" … "4. REMOVE …", or four
zone lines with no numbers) and asks the vendor to check it. The reply answers by place: "Go
ahead with 1 and 3", "2 isn't needed", "Please leave 4 exactly as it is", "First and second
(…): yes, both correct", "Third (…): not that one", "So in short: 1, 2 and 3, nothing else".

`chosen` finds those verdicts and writes each approved item's record under the line that
approved it, as the vendor's words: the reader then reads the record as the vendor's request,
with the action our item gave it. An item turned down is left out. What the reply approves or
turns down of an item it also names differently ("1 and 3 are fine, 3 isn't needed") is no
verdict; items the reply leaves unanswered while it answers others are returned for the
approval net (`safety.approval_flags`), which tells a person when they were not read.
Pure: lines in, lines out. Every pattern is bounded, and each line is read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.models import Action
from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.candidates import candidates
from bot.reading.mentions import read_zone_line

MAX_ITEMS = 20  # items of one proposal (a longer list is no list of proposals)
MAX_LINES = 200  # lines of our proposal, or of the reply, looked at
MAX_LINE = 400  # characters of a reply's line that can hold a verdict

# "1. ", "2) ", "#3 ", "(4) " at the start of a line, after any "> " quoting
_NUMBERED = re.compile(r"^[ \t>]*(?:#|\()?(\d{1,2})(?:[.):]|\)|[ \t]+[-\u2013])[ \t]+")
_PLACES = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
}
_PLACE = r"(?:\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|last)"
_REF = (
    rf"(?:(?:items?|numbers?|nos?\.|lines?|points?|#)[ \t]*)?{_PLACE}"
    rf"(?:[ \t]*(?:-|\u2013|to)[ \t]*{_PLACE})?"  # "1-3", "2 to 4"
)
_LIST = rf"{_REF}(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&|\+)[ \t]+){_REF}){{0,8}}"
_YES = (
    r"yes|yep|yeah|fine|ok|okay|correct|right|good|spot[ \t]+on|go[ \t]+ahead|approved|"
    r"agreed|needed|required|please[ \t]+do"
)
_NO = (
    r"no(?![ \t]+(?:problem|worries|issues?)\b)|nope|not|don['\u2019]t|do[ \t]+not|leave|keep|"
    r"skip|wrong|incorrect|hold[ \t]+off|isn['\u2019]t|aren['\u2019]t"
)
# "First and second (issue …): yes, both correct", "3: no", "4 - leave it", "Fourth (iodef):
# fine by us": places, some words of their own, a colon or dash, the verdict
_LABELLED = re.compile(
    rf"^[ \t*\-\u2022]*(?:the[ \t]+)?(?P<list>{_LIST})\b(?:[ \t]*\([^()\n]{{0,80}}\))?"
    rf"[ \t]*[:.)\-\u2013][ \t]*(?:(?P<yes>{_YES})|(?P<no>{_NO}))\b",
    re.I,
)
# "1 and 3 are fine", "2 isn't needed", "The second one is wrong"
_SAID_OF = re.compile(
    rf"^[ \t*\-\u2022]*(?:the[ \t]+)?(?P<list>{_LIST})(?:[ \t]+(?:ones?|items?|lines?|records?))?"
    rf"[ \t]+(?:(?P<no>(?:is|are)[ \t]+not|isn['\u2019]t|aren['\u2019]t|(?:is|are)[ \t]+"
    rf"(?:wrong|incorrect|stale))|(?P<yes>(?:is|are|looks?|look)[ \t]+(?:fine|good|correct|"
    rf"right|ok|okay|spot[ \t]+on|needed|required)|"
    # "2 and 3 can go" (to our "Which of these can be removed?")
    rf"can[ \t]+(?:go|be[ \t]+(?:removed|deleted|dropped))))\b",
    re.I,
)
# "Go ahead with 1 and 3", "please do 2", "yes to 1 and 2", "2 and 3 only"
_APPROVED = re.compile(
    rf"\b(?:go[ \t]+ahead[ \t]+(?:with|and[ \t]+do)|please[ \t]+(?:do|apply|action|make)|"
    rf"yes[ \t]+(?:to|for)|approved?[ \t]+(?:for[ \t]+)?|ok(?:ay)?[ \t]+(?:to[ \t]+do|for))"
    rf"[ \t]+(?:the[ \t]+)?(?P<list>{_LIST})\b",
    re.I,
)
# "Please leave 4 exactly as it is", "skip 2", "no to 3", "don't do the second"
_TURNED_DOWN = re.compile(
    rf"\b(?:leave|skip|ignore|drop|no[ \t]+to|hold[ \t]+off[ \t]+on|(?:don['\u2019]t|do[ \t]+not)"
    rf"[ \t]+(?:do|action|make|apply))[ \t]+(?:the[ \t]+)?(?P<list>{_LIST})\b(?![ \t]*(?:minutes?|"
    rf"hours?|days?|weeks?|seconds?))",
    re.I,
)
# "All but the last, please", "all except 2": the rest approved
_ALL_BUT = re.compile(
    rf"\ball[ \t]+(?:but|except(?:[ \t]+for)?)[ \t]+(?:the[ \t]+)?(?P<list>{_LIST})\b", re.I
)
# "All fine except the third one", "All good apart from 2": the others approved, the one
# excepted neither (what the reply says of it - corrected, held - is read as said)
_ALL_FINE_EXCEPT = re.compile(
    rf"\b(?:all|everything)(?:[ \t]+(?:else[ \t]+)?(?:is|are|looks?))?[ \t]+(?:fine|good|ok(?:ay)?|"
    rf"correct|right)[ \t]*,?[ \t]+(?:but|except(?:[ \t]+for)?|apart[ \t]+from|other[ \t]+than)"
    rf"[ \t]+(?:the[ \t]+)?(?:item[ \t]+|number[ \t]+|#)?(?P<list>{_LIST})\b",
    re.I,
)
# "Please do NOT remove the GlobalSign record (your item 2)"
_NOT_THAT = re.compile(
    rf"\b(?:do[ \t]+not|don['\u2019]t)[ \t]+[a-z]+\b[^.\n()]{{0,80}}\((?:your[ \t]+)?"
    rf"(?P<list>{_LIST})\)",
    re.I,
)
# "So in short: 1, 2 and 3 (at TTL 300), nothing else", "only items 1 and 3", "1 and 3
# only.": the rest turned down
_ONLY = re.compile(
    rf"(?:^[^a-z0-9]{{0,3}}(?:so[ \t,]+)?(?:in[ \t]+short|to[ \t]+sum[ \t]+up|in[ \t]+summary)?"
    rf"[ \t]*:?[ \t]*(?P<list>{_LIST})\b(?:[^.\n]{{0,60}}\bnothing[ \t]+else\b|[ \t]+only[ \t]*"
    rf"[.!]?[ \t]*$))|\b(?:only|just)[ \t]+(?:items?|numbers?|#)[ \t]*(?P<only>{_LIST})\b",
    re.I,
)

# An answer that starts with its verdict, written under the one point it answers: "Yes.",
# "No - keep that one.", "Correct, go ahead", "Not yet, please", "Please don't"
_BARE = re.compile(rf"^[ \t]*(?:(?P<yes>{_YES}|confirmed)|(?P<no>{_NO}))\b", re.I)


def bare_verdict(line: str) -> bool | None:
    """True for a line that starts with a yes, False with a no, else None."""
    m = _BARE.match(line[:MAX_LINE])
    return None if m is None else m.group("yes") is not None


def answered_under(
    numbered: list[tuple[int, str]], item: Item
) -> tuple[list[tuple[int, str]], bool]:
    """The reply's lines, written under the one point it answers ("> 1. ADD x CNAME y" /
    "Yes."), with the item below its first line when that line is a yes; and whether the
    first line answers the item (yes or no). Only an item that says what to do with its own
    verb is answered so (a question of ours is answered as one: threadcues)."""
    k = next((k for k, (_, text) in enumerate(numbered) if text.strip()), None)
    verdict = None if k is None or not _own_action(item.line) else bare_verdict(numbered[k][1])
    if k is None or verdict is not True:
        return numbered, verdict is not None
    number = numbered[k][0]
    line = _as_asked(item, numbered[k][1])
    below = [(number, ""), (number, f"   {line}"), (number, "")]
    return [*numbered[: k + 1], *below, *numbered[k + 1 :]], True


@dataclass(frozen=True)
class Item:
    place: int  # 1, 2, … as our list numbered it (or as the records stood in order)
    line: str  # the item's words, its number cut off
    action: Action | None  # what the item proposes: its own verb, else our words above the list


# The verb an item starts with: "ADD TXT …", "3. DEL  _acme-challenge.x TXT …", "REMOVE the TXT"
_OWN_VERB = re.compile(
    r"^[ \t*]*(?:(?P<add>add|create|new|publish)|(?P<delete>del|delete|remove|rm|drop|retire)|"
    r"(?P<update>update|change|repoint|replace|swap|modify))\b",
    re.I,
)
# What our words above an unverbed list propose: "For the clean-up I went through the zone
# files and found four … leftovers. Are these the ones you mean?" / "Before we publish, can you
# confirm this set …?"
_LEAD_DELETES = re.compile(
    r"\b(?:clean[ \t-]?up|tidy(?:[ \t-]?up)?|leftovers?|left[ \t]+over|stale|remov(?:e|ed|ing)|"
    r"delet(?:e|ed|ing)|retire|"
    r"bin|prune)\b",
    re.I,
)
_LEAD_ADDS = re.compile(r"\b(?:publish|add|create|put|push|set[ \t]+up|apply|raise)\b", re.I)


def proposals(lines: Sequence[str], asked: set[int]) -> list[Item]:
    """The records our comment proposed, in order: its numbered items that hold a record read
    there (`asked`: the indexes of such lines) or start with a verb ("4. REMOVE x, which at
    the moment points to y"), or, when it numbers no line, each line that holds one. A list of
    numbered questions over records shown below them is no proposal."""
    numbered: list[Item] = []
    plain: list[Item] = []
    counted = False
    lead: list[str] = []  # our words above the first item
    tail: list[str] = []  # and below the last ("Which of these can be removed?")
    for k, line in enumerate(lines[:MAX_LINES]):
        m = _NUMBERED.match(line)
        counted = counted or m is not None
        verbed = m is not None and _own_action(line[m.end() :]) is not None  # "4. REMOVE x, …"
        if (k not in asked and not verbed) or not _holds_record(line):
            lead += [line] if not numbered and not plain else []
            tail += [line] if (numbered or plain) and len(tail) < _LEAD_LINES else []
            continue
        tail = []
        if m and len(numbered) < MAX_ITEMS:
            numbered.append(Item(int(m.group(1)), line[m.end() :].strip(), None))
        elif not m:
            plain.append(Item(len(plain) + 1, line.lstrip(" \t>").strip(), None))
    if counted:
        places = [item.place for item in numbered]
        items = numbered if len(set(places)) == len(places) else []
    else:
        items = plain if len(plain) <= MAX_ITEMS else []
    said = " ".join(lead[-_LEAD_LINES:])
    if not (_LEAD_DELETES.search(said) or _LEAD_ADDS.search(said)):
        said = " ".join(tail)  # ("We found: … / Which of these can be removed?")
    deletes, adds = bool(_LEAD_DELETES.search(said)), bool(_LEAD_ADDS.search(said))
    above: Action | None = (
        "delete" if deletes and not adds else "add" if adds and not deletes else None
    )
    return [replace(item, action=_own_action(item.line) or above) for item in items]


_LEAD_LINES = 6  # lines above a list that say what it is for


def _own_action(line: str) -> Action | None:
    m = _OWN_VERB.match(line)
    return next((a for a in ("add", "delete", "update") if m and m.group(a)), None)  # type: ignore[return-value]


def answers_by_place(numbered: list[tuple[int, str]]) -> bool:
    """Does some line of the reply answer an item by its place ("Go ahead with 1 and 3")?"""
    return any(_verdicts(text[:MAX_LINE], [1]) for _, text in numbered[:MAX_LINES] if text.strip())


def chosen(
    numbered: list[tuple[int, str]], items: list[Item], settled: frozenset[int] = frozenset()
) -> tuple[list[tuple[int, str]], list[Item], int | None]:
    """The reply's lines with each item it approves written below the line that approves it
    (the item's own words), the items it leaves unanswered while it answers others, and the
    number of the first line that answers (None: the reply answers none by place). `settled`:
    the places the reply already answered under each point (written there, not again)."""
    if not items:
        return numbered, [], None
    places = {item.place: item for item in items}
    order = sorted(places)
    verdicts: dict[int, set[bool]] = {}
    first_said: dict[int, int] = {}  # item place -> index of the reply line approving it
    answered_at = None
    for k, (number, text) in enumerate(numbered[:MAX_LINES]):
        if text.lstrip().startswith(">"):
            continue  # quoted: our own words, or older mail
        for place, yes in _verdicts(text[:MAX_LINE], order):
            if place not in places:
                # "Fourth (iodef): fine" to our three lines: which list the reply counts in is
                # not ours. Nothing is read by place; the approval net tells a person.
                return numbered, items, number
            verdicts.setdefault(place, set()).add(yes)
            answered_at = number if answered_at is None else answered_at
            if yes:
                first_said.setdefault(place, k)
    if not any(True in said for said in verdicts.values()):
        return numbered, [], None  # only turned down ("Please ignore item 3"): nothing asked
    held = _held_removal(numbered)
    held_places: set[int] = set()
    for place in [p for p in order if p not in verdicts and held is not None]:
        # "All fine except the second one. Please hold off removing the old token until the
        # new certificate has been issued": the one removal excepted, held until then
        if places[place].action == "delete" and _excepted(numbered, place, order):
            verdicts[place] = {True}
            first_said.setdefault(place, held)
            held_places.add(place)
    # approved, and saying what to do with it (an item whose action nothing says is left to
    # the approval net)
    approved = {
        p
        for p, said in verdicts.items()
        if said == {True} and places[p].action and p not in settled
    }
    below: dict[int, list[str]] = {}
    for place in sorted(approved):
        k = first_said[place]
        approving = (
            "after issuance" if place in held_places else _approving(places[place], numbered[k][1])
        )
        below.setdefault(k, []).append(_as_asked(places[place], approving))
    out: list[tuple[int, str]] = []
    for k, (number, text) in enumerate(numbered):
        out.append((number, text))
        for line in below.get(k, []):  # each its own paragraph, read as written
            out += [(number, ""), (number, f"   {line}")]
        out += [(number, "")] if k in below else []
    # unanswered, answered both ways, or approved with nothing to say what to do
    unanswered = [
        i for i in items if i.place not in approved | settled and verdicts.get(i.place) != {False}
    ]
    return out, unanswered, answered_at


# "Please hold off removing the old token until the new certificate has been issued"
_HOLD_REMOVING = re.compile(
    r"\b(?:hold[ \t]+off|wait)[ \t]+(?:on[ \t]+|with[ \t]+)?(?:removing|deleting)\b", re.I
)


def _approving(item: Item, line: str) -> str:
    """The words that say when an approved item is to be done: the whole line ("1-2: yes …
    Please don't remove them until the new certificate is issued"), but for an add only its
    verdict's sentence when the rest speaks of removing ("All fine except the second one.
    Please hold off removing the old token until …")."""
    sentence = _verdict_sentence(line)
    rest = line[len(sentence) :] if line.startswith(sentence) else ""
    if item.action == "add" and _REMOVING.search(rest):
        return sentence
    return line


_REMOVING = re.compile(r"\b(?:remov|delet|tak(?:e|ing)[ \t]+(?:it|them|\w+)[ \t]+out)", re.I)


def _verdict_sentence(line: str) -> str:
    """The sentence of a reply's line that gives a verdict by place ("All fine except the second
    one." of "All fine except the second one. Please hold off removing the old token until …"):
    its words say when the approved items are to be done, not the next sentence's."""
    for sentence in re.split(r"(?<=[.!?])[ \t]+", line[:MAX_LINE]):
        if _ANY_PLACE.search(sentence):
            # ("3 - yes, but not yet. … please leave it until the new certificate is live":
            # the sentences after it say when)
            return line if _NOT_YET.search(sentence) else sentence
    return line


_NOT_YET = re.compile(r"\bnot[ \t]+(?:yet|now|straight[ \t]+away)\b", re.I)


def _held_removal(numbered: list[tuple[int, str]]) -> int | None:
    """The index of the reply's line that holds a removal until the certificate is issued."""
    for k, (_, text) in enumerate(numbered[:MAX_LINES]):
        if text.lstrip().startswith(">") or not _HOLD_REMOVING.search(text[:MAX_LINE]):
            continue
        said = " ".join(t for _, t in numbered[k : k + 3])[: 2 * MAX_LINE]
        if AFTER_ISSUANCE.search(said) or re.search(r"\buntil\b[^.]{0,80}\bissued\b", said):
            return k
    return None


def _excepted(numbered: list[tuple[int, str]], place: int, order: list[int]) -> bool:
    """Does the reply say "all fine except" that place?"""
    return any(
        (m := _ALL_FINE_EXCEPT.search(text[:MAX_LINE])) is not None
        and place in _places(m.group("list"), order[-1])
        for _, text in numbered[:MAX_LINES]
        if not text.lstrip().startswith(">")
    )


def _as_asked(item: Item, approving: str) -> str:
    """The item as the vendor's request: its own words when they say what to do (and when),
    else with the action said before them ("Please delete: x. CNAME y.")."""
    later = AFTER_ISSUANCE.search(approving) is not None
    when = "Once the certificate has been issued, please" if later else "Please"
    if action_cue(item.line) == item.action and not later:
        return item.line
    return f"{when} {item.action}: {item.line}"


def _verdicts(text: str, order: list[int]) -> list[tuple[int, bool]]:
    """(place, approved?) for each item a line answers (`order`: the items' places)."""
    found: list[tuple[int, bool]] = []
    if not _ANY_PLACE.search(text):
        return found  # most lines name no place
    for pattern in (_LABELLED, _SAID_OF):
        m = pattern.search(text)
        if m:
            found += [(p, m.group("yes") is not None) for p in _places(m.group("list"), order[-1])]
    for m in _APPROVED.finditer(text):
        found += [(p, True) for p in _places(m.group("list"), order[-1])]
    for m in (*_TURNED_DOWN.finditer(text), *_NOT_THAT.finditer(text)):
        found += [(p, False) for p in _places(m.group("list"), order[-1])]
    m = _ALL_BUT.search(text)
    if m:
        listed = set(_places(m.group("list"), order[-1]))
        found += [(p, p not in listed) for p in order]
    m = _ALL_FINE_EXCEPT.search(text) if m is None else None
    if m:
        # ("All fine except the third one - it ends in a letter o: <the record>"): the rest
        # approved; what the reply says of the one excepted is read as it says it
        listed = set(_places(m.group("list"), order[-1]))
        found += [(p, True) for p in order if p not in listed]
    m = _ONLY.search(text)
    if m:
        listed = set(_places(m.group("list") or m.group("only"), order[-1]))
        found += [(p, p in listed) for p in order]
    return found


_ANY_PLACE = re.compile(
    r"(?<![\w.])(?:\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|last)"
    r"(?![\w.]|-(?!\d))",  # ("1-3", never "abc-12-xyz" or "10.1")
    re.I,
)
_PLACE_WORD = re.compile(rf"\b{_PLACE}\b", re.I)


def _places(listed: str, last: int) -> list[int]:
    places: list[int] = []
    places_end = 0
    for m in _PLACE_WORD.finditer(listed):
        word = m.group(0).lower()
        place = last if word == "last" else _PLACES.get(word) or int(word)
        if places and _RANGE.match(listed, places_end) and place > places[-1]:
            places += range(places[-1] + 1, min(place, places[-1] + MAX_ITEMS) + 1)  # "1-3"
        else:
            places.append(place)
        places_end = m.end()
    return places


_RANGE = re.compile(r"[ \t]*(?:-|\u2013|to)[ \t]*(?=\w)", re.I)


def _holds_record(line: str) -> bool:
    if candidates(0, line):
        return True
    record = read_zone_line(line.lstrip(" \t>"), 0)
    return record is not None and bool(record.value)
