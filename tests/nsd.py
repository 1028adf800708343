"""pytest plugin: two real NSD authoritative servers on loopback, serving test zones.

The primary listens on 127.0.0.1:PORT and the secondary on 127.0.0.2:PORT (same port, so the
NS records of gov.uk. can name both and the bot finds them as it would in production). The
secondary serves an older copy of gov.uk. to make "partial" propagation testable. Every
address in the zones is on loopback or in a documentation range that is never queried.
Skips when nsd is missing, except under CI, where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dns.message
import dns.query
import pytest

PRIMARY, SECONDARY = "127.0.0.1", "127.0.0.2"
UNREACHABLE = "127.0.0.9"  # NS of delegations not served here: nothing listens

SOA = "@ IN SOA ns0.gov.uk. hostmaster.gov.uk. {serial} 3600 600 86400 300\n@ IN NS ns0.gov.uk.\n@ IN NS ns1.gov.uk.\n"

GOV_UK = """$ORIGIN gov.uk.
$TTL 300
{soa}ns0 IN A 127.0.0.1
ns1 IN A 127.0.0.2
@ IN A 192.0.2.10
@ IN TXT "v=spf1 -all"
@ IN TXT "globalsign-domain-verification=OldTokenOldTokenOldTokenOldTokenOldToken12"
@ IN CAA 0 issue "digicert.com"
www IN CNAME www-cdn.production.govuk.service.gov.uk.
_acme-challenge IN CNAME r8d2kq7vn3hy6wz1mc.fastly-validations.com.
_acme-challenge.www IN CNAME {www_token}.fastly-validations.com.
_acme-challenge.assets IN TXT "old-validation-token"
_acme-challenge.stale IN CNAME gone.example.net.
delegated IN NS ns1.delegated.gov.uk.
ns1.delegated IN A 127.0.0.9
hmrc IN NS ns1.delegated.gov.uk.
hosted IN NS ns0.gov.uk.
hosted IN NS ns1.gov.uk.
service IN NS ns0.gov.uk.
service IN NS ns1.gov.uk.
"""
HOSTED = """$ORIGIN hosted.gov.uk.
$TTL 300
{soa}www IN A 192.0.2.20
_acme-challenge.www IN TXT "token-123"
grand IN NS ns.grand.hosted.gov.uk.
ns.grand IN A 127.0.0.9
"""
SERVICE = """$ORIGIN service.gov.uk.
$TTL 300
{soa}publishing IN NS ns1.delegated.gov.uk.
_acme-challenge.signup.example IN TXT "cE3A8qQpEzAIYq-T9DWNdLJ1_YRXamdxcjGTbzrOH5L"
"""
# What Fastly publishes behind the validation CNAMEs, so a recursive resolver can follow them.
FASTLY = """$ORIGIN fastly-validations.com.
$TTL 300
{soa}k4v7qh2m9xw3zt8pld IN TXT "acme-token-new"
oldoldoldoldoldold IN TXT "acme-token-old"
r8d2kq7vn3hy6wz1mc IN TXT "acme-token"
"""
NEW_WWW_TOKEN = "k4v7qh2m9xw3zt8pld"
OLD_WWW_TOKEN = "oldoldoldoldoldold"

CONF = """server:
    ip-address: {address}@{port}
    do-ip6: no
    username: ""
    chroot: ""
    zonesdir: "{dir}"
    database: ""
    zonelistfile: "{dir}/zone.list"
    xfrdfile: "{dir}/xfrd.state"
    xfrdir: "{dir}"
    pidfile: "{dir}/nsd.pid"
    logfile: "{dir}/nsd.log"
    server-count: 1
    hide-version: yes
remote-control:
    control-enable: no
{zones}"""


@dataclass(frozen=True)
class Nsd:
    port: int

    @property
    def nameserver(self) -> str:
        return f"{PRIMARY}:{self.port}"


def nsd_binary() -> str | None:
    return shutil.which("nsd") or ("/usr/sbin/nsd" if os.path.exists("/usr/sbin/nsd") else None)


def _free_port(addresses: tuple[str, ...] = (PRIMARY, SECONDARY)) -> int:
    """A port free for UDP and TCP on every given loopback address."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.bind((PRIMARY, 0))
            port = probe.getsockname()[1]
        try:
            for address in dict.fromkeys(addresses):
                for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                    with socket.socket(socket.AF_INET, kind) as s:
                        s.bind((address, port))
        except OSError:
            continue
        return port
    raise RuntimeError("no free port on loopback")


def _write_instance(root: Path, address: str, port: int, www_token: str, serial: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    soa = SOA.format(serial=serial)
    files = {
        "gov.uk": GOV_UK.format(soa=soa, www_token=www_token),
        "hosted.gov.uk": HOSTED.format(soa=soa),
        "service.gov.uk": SERVICE.format(soa=soa),
        "fastly-validations.com": FASTLY.format(soa=soa),
    }
    zones = ""
    for zone, text in files.items():
        (root / f"{zone}.zone").write_text(text)
        zones += f'zone:\n    name: "{zone}"\n    zonefile: "{zone}.zone"\n'
    conf = root / "nsd.conf"
    conf.write_text(CONF.format(address=address, port=port, dir=root, zones=zones))
    return conf


def _wait_until_answering(address: str, port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nsd exited: {log.read_text() if log.exists() else ''}")
        try:
            dns.query.udp(dns.message.make_query("gov.uk.", "SOA"), address, port=port, timeout=0.2)
            return
        except Exception:
            time.sleep(0.05)
    raise RuntimeError(f"nsd on {address}:{port} did not answer in 10 s")


@contextmanager
def running_nsd(root: Path, listen: tuple[str, str] = (PRIMARY, SECONDARY)) -> Iterator[Nsd]:
    """Start the two instances (newer copy of gov.uk. first) and stop them afterwards."""
    binary = nsd_binary()
    if binary is None:
        raise FileNotFoundError("nsd")
    port = _free_port((*listen, PRIMARY, SECONDARY, "127.0.0.3"))
    procs: list[subprocess.Popen] = []
    try:
        for address, token, serial in (
            (listen[0], NEW_WWW_TOKEN, 2026112402),
            (listen[1], OLD_WWW_TOKEN, 2026112401),
        ):
            conf = _write_instance(root / address, address, port, token, serial)
            subprocess.run([f"{binary}-checkconf", str(conf)], check=True, capture_output=True)
            proc = subprocess.Popen(
                [binary, "-d", "-c", str(conf)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            procs.append(proc)
            _wait_until_answering(address, port, proc, root / address / "nsd.log")
        yield Nsd(port=port)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def nsd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nsd]:
    if nsd_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("nsd is not installed, and CI must run the NSD tests (apt-get install nsd)")
        pytest.skip("nsd is not installed (apt-get install nsd); CI runs these tests")
    with running_nsd(tmp_path_factory.mktemp("nsd")) as servers:
        yield servers


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A UDP port on loopback that receives queries and never answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((PRIMARY, 0))
        yield f"{PRIMARY}:{sock.getsockname()[1]}"


RECURSIVE = "127.0.0.3"

UNBOUND_CONF = """server:
    interface: {address}@{port}
    outgoing-interface: {address}
    do-ip6: no
    do-daemonize: no
    use-syslog: no
    logfile: "{dir}/unbound.log"
    username: ""
    chroot: ""
    directory: "{dir}"
    pidfile: "{dir}/unbound.pid"
    num-threads: 1
    do-not-query-localhost: no
    access-control: 127.0.0.0/8 allow
    module-config: "iterator"
    qname-minimisation: no
    so-reuseport: no
# Every zone, the root included, is a stub pointing at the NSDs on loopback: no query can
# leave this machine (NSD refuses what it does not serve, and unbound answers SERVFAIL).
{stubs}"""


@pytest.fixture(scope="session")
def recursive(nsd: Nsd, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real recursive resolver (unbound) in front of the NSD servers, on 127.0.0.3:PORT."""
    binary = shutil.which("unbound") or (
        "/usr/sbin/unbound" if os.path.exists("/usr/sbin/unbound") else None
    )
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("unbound is not installed, and CI must run the recursive tests")
        pytest.skip("unbound is not installed (apt-get install unbound); CI runs these tests")
    root = tmp_path_factory.mktemp("unbound")
    stubs = "".join(
        f'stub-zone:\n    name: "{zone}"\n    stub-addr: {PRIMARY}@{nsd.port}\n    stub-addr: {SECONDARY}@{nsd.port}\n'
        for zone in (".", "gov.uk", "hosted.gov.uk", "service.gov.uk", "fastly-validations.com")
    )
    conf = root / "unbound.conf"
    conf.write_text(UNBOUND_CONF.format(address=RECURSIVE, port=nsd.port, dir=root, stubs=stubs))
    subprocess.run([f"{binary}-checkconf", str(conf)], check=True, capture_output=True)
    proc = subprocess.Popen(
        [binary, "-d", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_until_answering(RECURSIVE, nsd.port, proc, root / "unbound.log")
        yield f"{RECURSIVE}:{nsd.port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
