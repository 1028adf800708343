"""Hostile ticket shapes for the linear-time checks (tests/test_linear_time.py, bench/).

Each shape is a ticket body of about `n` characters built to hit one weakness a pattern or a
parser can have: a long run of spaces after a cue word the patterns look for, one token
repeated, unclosed markup, deep nesting, one very long line.
"""

from __future__ import annotations

from collections.abc import Callable

# Words some pattern waits for before a gap: each gets a long run of spaces after it.
CUES = (
    "Thanks for your request",
    "ticket",
    "request #",
    "Subject:",
    "by",
    "before",
    "expires on",
    "https://",
    "/.well-known/",
    "_acme-challenge.www.gov.uk",
    "_acme-challenge.www.gov.uk CNAME",
    "Name:",
    "Host/Name:",
    "domain",
    "for",
    "CNAME",
    "TXT",
    "please add",
    "point",
    "points to",
    "dig",
    "$ dig +short TXT gov.uk",
    "|",
    "TTL",
    "@",
    "replace",
    "from",
    "ignore",
    "do not",
    "On Mon, 23 Nov 2026 at 10:00, Fastly wrote:",
    "From:",
    "##- Please type your reply above this line -##",
    "0 issue",
    '"',
    # cues of the readers added for holdout3/holdout4 wording
    "belongs on _acme-challenge.www.gov.uk",
    'the "Key" field',
    "the random value",
    "set the TTL to",
    "The correct target for _acme-challenge.gov.uk",
    "once the subscription",
    "Target: identical to",
    "forwarded below",
    '"values":',
    # cues added with holdout18-23 (a session later)
    "please leave it exactly as it is",
    "The draft-assets one. Could you repoint it to:",
    "the one ending in",
    "please do NOT add the TXT for this one",
    "if anything else exists at",
    "listed for completeness only.",
    "is still published. Please delete it.",
    "a TTL of 300 on both of those",
    "Now: no record found Create:",
    "there's still a TXT record sitting at that name",
    # cues added with holdout66-69
    "at gov.uk, www.gov.uk,",
    "with this value:\n\n",
    "anything up to",
    "can be removed",
    "23 Apr 2027, 16:12 BST",
    "Thank you for getting the www.gov.uk",
    "as below? You can delete",
    "rather than leaving",
    # cues added with holdout76-77
    "(a) No need for that one any more",
    "rather than a second record added alongside it",
    "| 2. Remove after the new certificate is issued | Host: gov.uk Type: TXT Value: ",
    "can the old _F77866FC80BB2F8790D96CFBDD7AF36A record be removed",
    "keep it until you have received the new certificate",
    "REMOVE\n\nHOST: _x.gov.uk\nTYPE: TXT\n",
    "the existing _acme-challenge CNAME for x.gov.uk to be updated",
    # cues added with holdout78-79
    'REMOVE*   x.gov.uk   TXT   3600   "v"\n\n  *  = please hold off on this one until issued',
    "The first REMOVE is a leftover",
    "| Host | Type | Before | After |\n|---|---|---|---|\n| _x | CNAME | _none_ | **remove** |",
    "Row 2 is already right, nothing to do.",
    "Please don't take it out until the new certificate is issued",
    "I can still see last year's string,",
    "create it with TTL 300 instead of the default",
    "Once that reissue has completed it can be removed.",
    "which has:\n",
    "forget the fastly-validations CNAME I asked for",
    "is still at the same name:\n",
    "delete it afterwards, once DigiCert has issued",
    "You will also have last year's token on the apex:\n",
    "you are welcome to take it out of the zone",
    "TTL for this one 5 minutes is better",
    "* x.service.gov.uk - nothing to do. That record is already live",
    "please hang on to this one until our order has gone through",
    # cues added with holdout80-81
    "Thanks for checking, no need for that one any more.",
    "Please drop the apex one and only create the www record.",
    "Leave the existing _acme-challenge.gov.uk CNAME as it is.",
    "please do NOT remove the old TXT record yet",
    "remove the old value only after we confirm the new certificate is issued",
    "there are CAA records at x.gov.uk that only allow DigiCert:\n",
    "2. 3600 is fine.",
    "it serves no purpose and can be deleted",
    "the existing entries can stay exactly as they are (this order isn't a wildcard):",
    # cues added with holdout82-83
    "Please do NOT remove the GlobalSign record (your item 2)",
    "please disregard the issuewild line - don't add it",
    "The www record from my first email is correct as it stands",
    "please delete the _dnsauth TXT record above",
    "(c) Leave last year's GlobalSign record in place for now. Then please delete it as well.",
)


def shapes(n: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for cue in CUES:
        out[f"spaces after {cue!r}"] = f"{cue}{' ' * n}x"
        out[f"tabs and newlines after {cue!r}"] = cue + " \t" * (n // 4) + "\n" * (n // 2) + "x"
        out[f"{cue!r} repeated"] = (cue + " ") * max(1, n // (len(cue) + 1))
    out["https:// glued"] = "https://" * (n // 8)
    out["unclosed comments"] = "<p>" + "<!--" * (n // 4)
    out["unclosed anchors"] = "<p>" + "<a" * (n // 2)
    out["nested divs"] = "<div>" * (n // 5)
    out["open cells"] = "<table><tr>" + "<td>x" * (n // 5)
    out["cells with breaks"] = "<table><tr><td>" + "x<br>" * (n // 5)
    out["merged cells"] = "<table>" + '<tr><td rowspan="20">x</td><td>y' * (n // 34)
    out["dotted labels"] = "a." * (n // 2)
    out["underscore labels"] = "_a." * (n // 3) + "gov.uk CNAME x.fastly-validations.com"
    out["quotes"] = '"' * n
    out["quote markers"] = "> " * (n // 2)
    out["dashes"] = "-" * n
    out["label colons"] = "Name:" * (n // 5)
    out["digits"] = "1" * n
    out["one long token"] = "x" * n
    out["one long name"] = (
        "_acme-challenge." + "a." * (n // 2) + "gov.uk CNAME y.fastly-validations.com"
    )
    out["pipes"] = "|" * n
    out["record lines"] = (
        "_acme-challenge.www.gov.uk. 300 IN CNAME abcdefghijklmnopqr.fastly-validations.com.\n"
    ) * (n // 84)
    return out


def ratio(measure: Callable[[str], float], small: str, big: str, repeat: int = 5) -> float:
    """Time(big) / time(small), each the best of `repeat` runs (the least disturbed).

    The runs alternate small and big, so a burst of load on the machine lands on both sides
    of the ratio rather than on one.
    """
    small_times: list[float] = []
    big_times: list[float] = []
    for _ in range(repeat):
        small_times.append(measure(small))
        big_times.append(measure(big))
    return min(big_times) / max(min(small_times), 1e-3)  # below 1 ms a ratio shows timer noise
