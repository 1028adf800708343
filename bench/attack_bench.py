"""Trust rules over the attack corpus (tests/fixtures/attacks) and the reading corpus.

Rows: attacks stopped (a warn/block flag, and no hostile change in the Jisc draft), attacks
and near-misses with exactly the expected flags and draft, and false blocks: trust blocks on
the reading-corpus tickets, none of which is an attack (their CC requests aside).
`python -m bench.attack_bench` prints the rows and every case that is not exact.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import DEFAULT_CONFIG, AppConfig, load_app_config
from tests.corpus import load_cases, read_path
from tests.test_attacks import TRUST_CODES, _cases, _expectation, expected, outcome

Row = tuple[str, str, str, bool]


def measure(app: AppConfig) -> tuple[list[Row], list[str]]:
    attacks = stopped = exact = legit = legit_exact = 0
    wrong: list[str] = []
    for path in _cases():
        kind = _expectation(path)["kind"]
        flags, drafted = outcome(path, app)
        want_flags, want_drafted = expected(path)
        right = (flags, drafted) == (want_flags, want_drafted)
        exact += right
        if kind == "attack":
            attacks += 1
            stopped += drafted <= want_drafted and any(s != "info" for _, s, _ in flags)
        else:
            legit += 1
            legit_exact += drafted == want_drafted and not any(s == "block" for _, s, _ in flags)
        if not right:
            wrong.append(
                f"  {path.name}: flags missing {sorted(want_flags - flags, key=str)}, extra "
                f"{sorted(flags - want_flags, key=str)}; drafted missing "
                f"{sorted(want_drafted - drafted, key=str)}, "
                f"extra {sorted(drafted - want_drafted, key=str)}"
            )
    false_blocks = 0
    cases = load_cases()
    corpus = len(cases)
    for case in cases:
        result = read_path(case.path, app)
        false_blocks += any(
            f["severity"] == "block"
            and f["code"] in TRUST_CODES
            and f["code"] != "untrusted_author"
            for f in result["flags"]
        )
    total = attacks + legit
    rows: list[Row] = [
        (
            "attacks stopped (flagged, hostile change not drafted)",
            f"{stopped}/{attacks}",
            "all",
            stopped == attacks,
        ),
        (
            "near-misses drafted exactly, no block",
            f"{legit_exact}/{legit}",
            "all",
            legit_exact == legit,
        ),
        ("attack corpus: exact flags and draft", f"{exact}/{total}", "all", exact == total),
        (
            f"trust blocks on the reading corpus ({corpus} tickets)",
            str(false_blocks),
            "(info, all by design: 20 apex CNAME, 31 bad A at gov.uk, 32 NS, 517/1009 Cloudflare "
            "TXT, 1520 www.gov.uk traffic CNAME, 619/1407 acme-dns.io, 218/607/1003/1716/2120 a "
            "CC's site-verification TXT, 1515/2317/2520 a CAA delete or update, 1606/1714 a TXT "
            "delete with no value, 2715 Certainly's _validation-persist TXT, 2815 Cloudflare TXT, "
            "2817 a CNAME delegation to a supplier's DNS, 2818 an A record update, 2810 a misread "
            "CNAME target already flagged by the reader; from the last session's sets: 3902/3908/"
            "3909 a CAA update or delete, 3910 a CAA iodef line, 3501/4103 a TXT at www.gov.uk, "
            "3417 a TXT delete with no value, 3807 a DS delete, 4213/4215 a traffic CNAME or "
            "Cloudflare TXT, 4217 a CNAME outside a validation name, 4218 acme-dns.io, 4220 "
            "Akamai's TXT at www.gov.uk; 3605/3717/3718/3806 misreads already flagged by the "
            "reader, two of them CAA table rows it could not parse; from holdout38-47: "
            "4612/4614/4620/5213/5417/5420 a CAA delete or update, 5008/5215/5220/5310 a TXT at "
            "www.gov.uk, 5017/5219 a CAA at www.gov.uk, 5118/5414 a traffic CNAME update, 5316 a "
            '_fastly TXT delete, 5116 a TXT delete with no value, 5319 an issuewild ";" CAA; '
            "5113/5205/5211/5311/5411 misreads already flagged by the reader; from holdout48-55: "
            "5719 a CAA delete, 5913 a TXT at www.gov.uk; 5513/5516/5619/5920/6018 misreads "
            "already flagged by the reader; from holdout57-65: 6517/6620/6720 a CAA delete or "
            "update, 6505 a CAA iodef line, 6520 a TXT at www.gov.uk, 7119 a delete of the "
            "www.gov.uk CNAME itself (the ticket asks for it; the reader reads it as asked); "
            "6510/7012 misreads already flagged by the reader; from holdout66-75: 7410 a CAA "
            "at www.gov.uk, 7416 a TXT at www.gov.uk (asked for at each of three names); "
            "7311/8113/8115 misreads already flagged by the reader; from holdout76-83: 8309 a "
            "CC's MS= site-verification TXT, 8413 a CAA update, 8512 a TXT at www.gov.uk; 8705 a "
            "misread (a TXT delete with no value) already flagged by the reader; from "
            "holdout84-92: 9409/9420/9616/9819 a CC's site-verification or MS= TXT; 8720 (now "
            "reading both values our comment showed, 'the older one' is no longer guessed), "
            "9402 and 9613 misreads already flagged by the reader; from holdout93-100: 10009 a "
            "CC's site-verification TXT, 10409 a TXT at www.gov.uk, 10513 a CAA iodef line; "
            "10102/10115/10215/10402/10507/10709 a TXT delete with no value and 10205/10518 CAA "
            "rows, misreads already flagged by the reader; from holdout101-104: 10804 a TXT "
            "delete at www.gov.uk; 11107 CAA table rows and 11116 CNAMEs read at the hosts, "
            "misreads already flagged by the reader; from holdout105: 11205/11207 a TXT delete "
            "with no value, misreads already flagged by the reader; from holdout106-109: "
            "11309/11510/11610 a CC's MS= or site-verification TXT, 11419 a CC's traffic CNAME, "
            "11312 DigiCert CNAMEs our proposal in the quoted mail offered, 11414 a CAA delete; "
            "11420 a CAA iodef line on a misread already flagged by the reader; from "
            "holdout110-115: 11705/11718/11805/12008/12015/12109 a CC's validation CNAME, CAA "
            "or site-verification TXT, 11915 a CAA delete, 12214 a CAA iodef line, 12204 a "
            "traffic CNAME after issuance, 12002 a TXT delete with no value; 11804/12201 "
            "CNAMEs read at the hosts, misreads already flagged by the reader; from "
            "holdout116-123: 12304 a CAA iodef line, 12803/12910 a CC's CNAME or "
            "site-verification TXT, 12812/12818/12820 a CAA delete, 13015 a TXT at www.gov.uk; "
            "12320/12917 a misspelt validation domain corrected later, 12701 a traffic target "
            "read as a challenge's, 12817 a TXT delete with no value, 13017 a CNAME delete at a "
            "host, misreads already flagged by the reader)",
            True,
        ),
    ]
    return rows, wrong


def run(app: AppConfig) -> list[Row]:
    return measure(app)[0]


def main() -> int:
    rows, wrong = measure(load_app_config(Path(DEFAULT_CONFIG)))
    for name, result, goal, met in rows:
        print(f"{name}: {result} (goal {goal}) {'met' if met else 'NOT MET'}")
    print("\nNot exact:")
    print("\n".join(wrong) or "  none")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
