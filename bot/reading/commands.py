"""Records given as the commands or API calls that would make them.

A vendor who knows which DNS provider runs a zone may write its request for that provider:
    gcloud dns record-sets create _acme-challenge.account.gov.uk. \\
        --zone="account-gov-uk" --type="CNAME" --ttl="60" \\
        --rrdatas="rannphv3rcl4jmd2hwb5.fastly-validations.com."
or a Route 53 change batch ("Action": "UPSERT", "Name", "Type", "TTL", "ResourceRecords":
[{"Value": …}]). `annotate` writes each such record as the annotated zone line the walker reads
("x. 60 CNAME y. ; add", "; update", "; remove"), on the line its data stands on; a delete that
names no data becomes the sentence that asks for it. The command's other lines are left blank:
options and JSON punctuation say nothing a zone line does not.
Pure: numbered lines in, numbered lines out, each line looked at a bounded number of times.
"""

from __future__ import annotations

import re
import shlex

from bot.reading.mentions import read_zone_line

Lines = list[tuple[int, str]]

MAX_SCAN = 200  # lines looked at for a command or a change batch
MAX_COMMAND = 12  # continuation lines one command may run over

_GCLOUD = re.compile(
    r"\bgcloud[ \t]+(?:beta[ \t]+)?dns[ \t]+record-sets[ \t]+(?:transaction[ \t]+)?"
    r"(?P<verb>create|update|delete|add|remove)\b(?P<rest>.{0,2000})$"
)
_VERBS = {"create": "add", "add": "add", "update": "update", "delete": "remove", "remove": "remove"}
# Route 53: "Action": "UPSERT", "Name": "x.", "Type": "CNAME", "TTL": 300, "Value": "y"
_FIELD = re.compile(
    r"""(?:^|[\[{,][ \t]{0,8})"(?P<key>Action|Name|Type|TTL|Value)"[ \t]*:[ \t]*"""
    r"""(?P<value>"(?:[^"\\]|\\.){0,1000}"|\d{1,10})"""
)
_ACTIONS = {"CREATE": "add", "UPSERT": "add", "DELETE": "remove"}


def annotate(numbered: Lines) -> Lines:
    """The lines, each command's or change batch's records written as annotated zone lines."""
    head = [text for _, text in numbered[:MAX_SCAN]]
    if any("record-sets" in text for text in head):
        numbered = _gcloud(numbered)
    if any('"Action"' in text for text in head):
        numbered = _batch(numbered)
    return numbered


def _gcloud(numbered: Lines) -> Lines:
    out = list(numbered)
    k = 0
    while k < len(numbered):
        found = _GCLOUD.search(numbered[k][1])
        if found is None:
            k += 1
            continue
        parts, end = [found["rest"]], k
        while parts[-1].rstrip().endswith(("\\", "^", "`")) and end + 1 < len(numbered):
            end += 1
            parts.append(numbered[end][1])
            if end - k >= MAX_COMMAND:
                break
        written = _command(found["verb"], " ".join(p.rstrip().rstrip("\\^`") for p in parts))
        if written is not None:
            for at in range(k, end + 1):
                out[at] = (numbered[at][0], written if at == end else "")
        k = end + 1
    return out


def _command(verb: str, rest: str) -> str | None:
    """One gcloud command as the zone line (or the sentence) that says the same."""
    try:
        words = shlex.split(rest)
    except ValueError:
        return None  # an unclosed quote: left as written, for the net to flag
    options: dict[str, str] = {}
    data: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        if word.startswith("--"):
            key, _, value = word[2:].partition("=")
            if not value and at + 1 < len(words) and not words[at + 1].startswith("--"):
                at, value = at + 1, words[at + 1]
            options[key.lower()] = value
        else:
            data.append(word)  # the name (create/update/delete), or the data (transaction add)
        at += 1
    name = options.get("name") or (data.pop(0) if data and verb not in ("add", "remove") else "")
    rdtype = options.get("type", "").upper()
    values = options["rrdatas"].split(",") if options.get("rrdatas") else data
    if not name or not rdtype:
        return None
    note = _VERBS[verb]
    if not values:
        return (
            f"Please delete the {rdtype} record at {name.rstrip('.')}."
            if note == "remove"
            else None
        )
    ttl = options.get("ttl", "")
    ttl = f"{ttl} " if ttl.isdigit() else ""
    lines = [f"{name} {ttl}{rdtype} {_quoted(rdtype, v)} ; {note}" for v in values if v]
    return lines[0] if len(lines) == 1 and read_zone_line(lines[0], 0) else None


def _quoted(rdtype: str, value: str) -> str:
    return f'"{value}"' if rdtype == "TXT" and not value.startswith('"') else value


def _batch(numbered: Lines) -> Lines:
    out = list(numbered)
    change: dict[str, str] = {}
    fields: list[int] = []  # the lines of the change being read
    for k, (number, text) in enumerate(numbered):
        found = _FIELD.search(text.lstrip()) if '"' in text else None
        if found is None:
            continue
        key, raw = found["key"], found["value"]
        value = raw[1:-1].replace('\\"', '"') if raw.startswith('"') else raw
        if key == "Action":
            change, fields = {"Action": value.upper()}, [k]
            continue
        fields.append(k)
        if key != "Value":
            change[key] = value
            continue
        note = _ACTIONS.get(change.get("Action", ""))
        name, rdtype = change.get("Name"), change.get("Type", "").upper()
        if note is None or not name or not rdtype:
            continue
        ttl = f"{change['TTL']} " if change.get("TTL", "").isdigit() and note != "remove" else ""
        line = f"{name} {ttl}{rdtype} {value} ; {note}"
        if read_zone_line(line, number) is not None:
            for at in fields[:-1]:
                if out[at] == numbered[at]:
                    out[at] = (numbered[at][0], "")
            out[k] = (number, line)
            fields = []
    return out
