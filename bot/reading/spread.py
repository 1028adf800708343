"""Records spread over lines: a pasted dig answer, a list of values under a lead-in, a name
and a value each alone on its line (certbot's "under the name:" / "with the following value:").
A mixin of `Walker` (bot/reading/walker.py), whose state (`dig`, `listing`, `loose`, `recent`,
`_add`, `_end_prose`, `_end_block`) it reads and changes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.reading.candidates import is_validation_host
from bot.reading.mentions import (
    Mention,
    Mode,
    clean_data,
    data_shaped,
    is_owner_token,
    is_type_word,
    read_zone_line,
    strip_list_marker,
)
from bot.reading.tokens import data_kind, type_by_shape

# `dig +short TXT x.gov.uk`, `$ host -t txt x.gov.uk`: a lower-case command, then an option or a
# name ("Host name:" is a label, not a command).
_DIG_COMMAND = re.compile(r"^\s*(?:[$#>%]\s*)?(?:dig|host|nslookup)\s+(?:[-+@]|[A-Za-z]*\s*\S*\.)")
_DIG_SECTION = re.compile(r"^\s*;;?\s*(?:ANSWER|AUTHORITY|ADDITIONAL|QUESTION)\s+SECTION", re.I)


# "This is the expected result, not something that exists today", "a lookup should then
# return": the dig answer below shows the records as they will be, not what is published
_EXPECTED = re.compile(
    r"\b(?:expected[ \t]+(?:result|output|answer|response)|should[ \t]+(?:then[ \t]+|now[ \t]+)?"
    r"(?:return|show|look[ \t]+like|give)|you[ \t]+should[ \t]+(?:then[ \t]+)?see|"
    r"not[ \t]+something[ \t]+that[ \t]+exists)\b",
    re.I,
)
_EXPECTED_REACH = 400  # the end of the prose above the dig command

_REMARK_AFTER = re.compile(r"[ \t]{2,}\([^()]{1,80}\)[ \t]*$")


class SpreadRecords:
    if TYPE_CHECKING:
        dig: tuple[str | None, str | None] | None
        dig_mode: Mode  # "observed", or "noted" for the answer a lookup should give later
        para_before: str
        listing: tuple[str, str] | None
        listing_shaped: bool
        last_owner: str | None
        loose: dict[str, str]
        recent: list[int]

        def _add(
            self,
            mention: Mention,
            mode: Mode | None = None,
            structured: bool = True,
            listed: bool = False,
        ) -> None: ...

        def _end_prose(self) -> None: ...

        def _end_block(self) -> None: ...

    def _dig_line(self, number: int, line: str) -> bool:
        """A pasted dig answer describes what is published: observed, never requested."""
        stripped = line.strip()
        if _DIG_COMMAND.match(line):
            self._end_prose()
            self._end_block()
            expected = _EXPECTED.search(self.para_before[-_EXPECTED_REACH:])
            self.dig_mode = "noted" if expected else "observed"
            words = [w for w in stripped.split()[1:] if not w.startswith(("+", "@", "-"))]
            name = next((w for w in words if "." in w and not is_type_word(w)), None)
            rdtype = next((w.upper() for w in words if is_type_word(w)), None)
            self.dig = (name, rdtype)
            return True
        if _DIG_SECTION.match(line):
            self._end_prose()
            self.dig = self.dig or (None, None)
            return True
        if self.dig is None:
            return False
        if stripped.startswith(";") or not stripped or stripped in ("$", "#", "%", ">"):
            return True  # dig's comments, blank lines and a bare shell prompt
        zone_line = read_zone_line(line, number)
        if zone_line is not None:
            self._add(zone_line, mode=self.dig_mode)
            return True
        name, rdtype = self.dig
        if rdtype is None and is_validation_host(stripped.rstrip(".")):
            # "$ dig +short _acme-challenge.x.gov.uk" (no type: dig follows the CNAME and
            # prints its target first): a CA's validation host is that CNAME's data
            rdtype = "CNAME"
        quoted = rdtype != "TXT" or stripped.startswith('"')  # dig prints TXT data in quotes
        if name and rdtype and quoted and data_shaped(rdtype, stripped):  # `dig +short`'s data
            value = clean_data(rdtype, stripped)
            self._add(Mention(name, rdtype, value, number, excerpt=line), mode=self.dig_mode)
            return True
        self.dig = None
        self.dig_mode = "observed"
        return False

    def _listed(self, number: int, line: str) -> bool:
        """A data line under "gov.uk currently has these TXT records:"."""
        if self.listing is None:
            return False
        stripped = _REMARK_AFTER.sub("", strip_list_marker(line)).strip()  # "X   (for y.gov.uk)"
        if stripped.startswith("`") and stripped.endswith("`"):
            stripped = stripped.strip("`").strip()  # "`0 issue "certainly.com"`": code marks
        name, rdtype = self.listing
        if not stripped:
            return False  # blank lines around the list are read as blank lines
        shaped = not self.listing_shaped or type_by_shape(stripped.strip('"')) == rdtype
        if not data_shaped(rdtype, stripped) or not shaped:
            self.listing = None
            return False
        self._end_prose()
        mention = Mention(name, rdtype, clean_data(rdtype, stripped), number, excerpt=line)
        self._add(mention, listed=True)
        return True

    def _shown_updated(self, number: int, line: str, token: str) -> bool:
        """ "please change that record so that it reads" / V: an update of the one record
        just shown whose data is of V's kind (the GlobalSign string among a dig answer's SPF
        and site-verification strings)."""
        self.loose = {}
        shown = [self.mentions[i] for i in self.recent if i < len(self.mentions)]
        kind = data_kind(token)
        same = {(m.name, m.value): m for m in shown if m.value and data_kind(m.value) == kind}
        if len(same) != 1 or not kind:
            return False
        (old,) = same.values()
        self._end_prose()
        self._add(
            Mention(
                old.name,
                old.rdtype,
                clean_data(old.rdtype, token),
                number,
                old_value=old.value,
                action="update",
                excerpt=line,
            ),
            mode="request",
        )
        return True

    def _bare_line(self, number: int, line: str) -> bool:
        """A name or value alone on its line, introduced by the prose line before it
        ("Please deploy a DNS TXT record under the name:" / "with the following value:")."""
        expect = self.loose.get("expect")
        words = line.split()
        if expect and len(words) != 1:
            self.loose["expect"] = ""  # the line after "with the value:" was not the value
        if expect == "value" and len(words) == 1 and self.loose.get("name"):
            # "The correct target for _acme-challenge.gov.uk is:" names no type: the value's
            # shape does (a host name is a CNAME target, a bare token TXT data).
            self.loose.setdefault("type", type_by_shape(words[0].strip("`'\"")) or "")
        if expect == "value" and len(words) == 1 and self.loose.get("update_of"):
            return self._shown_updated(number, line, words[0].strip("`'\""))
        if not expect or len(words) != 1 or not self.loose.get("type"):
            return False
        if not _could_be(expect, self.loose["type"], words[0].strip("`'\"")):
            self.loose["expect"] = ""
            return False
        if expect == "value" and not self.loose.get("name"):
            return False  # the sentence itself names the record: prose reads it whole
        self._end_prose()
        token = words[0].strip("`'\"")
        self.loose[expect] = token
        if expect == "name" and token.startswith("_"):
            self.last_owner = token  # "… TXT there" later means at this name
        self.loose.setdefault("first", str(number))
        self.loose["expect"] = ""
        self.loose["excerpt"] = (self.loose.get("excerpt", "") + " " + token).strip()
        loose = self.loose
        if loose.get("name") and loose.get("value") and loose.get("type"):
            rdtype = loose["type"]
            mention = Mention(
                loose["name"],
                rdtype,
                clean_data(rdtype, words[0].replace("'", '"') if rdtype == "TXT" else token),
                int(loose["first"]),
                last_line=number,
                excerpt=loose["excerpt"] if "said" in loose else f"{rdtype} {loose['excerpt']}",
                action="add" if loose.get("action") == "add" else None,
            )
            self.loose = {"type": rdtype}
            self._add(mention)
        return True


def _could_be(role: str, rdtype: str, token: str) -> bool:
    """A bare line as a record's name, or as its data: a host name where one is needed."""
    if role == "name":
        return is_owner_token(token)
    if rdtype in ("CNAME", "NS", "MX"):
        return is_owner_token(token) and "." in token.rstrip(".")
    return len(token) >= 8 or data_shaped(rdtype, token)
