"""pytest plugin: real NSD authoritative servers on loopback (filled in with the live-DNS work)."""
