"""Whether a saved mail's own headers say it is not from whom it claims (pure).

The receiving server records its checks in the topmost `Authentication-Results` header
(RFC 8601). `dmarc=fail` there means the domain in `From:` did not send or sign the mail
(RFC 7489): a phishing mail dressed as the vendor's, whatever its body asks for.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.utils import parseaddr

# "spf=fail (google.com: …) smtp.mailfrom=…; dmarc=fail (p=REJECT …) header.from=fastly.com"
_RESULT = re.compile(r"\b(spf|dkim|dmarc)[ ]?=[ ]?([a-z]+)", re.I)


def forged_sender(raw: str) -> str | None:
    """Who the mail claims to be from, said with the receiving server's verdict, when that
    verdict is a DMARC failure; else None (no header, or the mail passed)."""
    data = raw.encode("utf-8", "surrogateescape")
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    results = message.get_all("Authentication-Results") or []
    if not results:
        return None
    verdicts: dict[str, str] = {}
    for method, verdict in _RESULT.findall(" ".join(str(results[0]).split())):
        verdicts.setdefault(method.lower(), verdict.lower())
    if verdicts.get("dmarc") != "fail":
        return None
    claimed = parseaddr(str(message.get("From", "") or ""))[1] or "its sender"
    return (
        f"{claimed}, whose mail failed DMARC at the receiving server (Authentication-Results: "
        f"dmarc=fail), so it was not sent by that domain"
    )
