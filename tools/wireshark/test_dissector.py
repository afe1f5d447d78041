#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""
The Lua dissector (etrunk.lua) with tshark on the host: packets built
here byte by byte from the documented formats (Documentation/*.md), good
ones and every kind of bad one, written to pcaps with text2pcap, decoded
with tshark -X lua_script:etrunk.lua; the fields, the info column and the
expert info are checked, and no Lua error or malformed packet may show.
The selftests in the guest decode real captures (etrunk_flush.sh,
etrunk_etrunkd.sh, etrunk_rbs.sh).

Prints "ok N - ..." lines and "N passed, N failed, N skipped".
"""
import hashlib
import hmac
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LUA = os.path.join(HERE, "etrunk.lua")
passed = failed = skipped = 0
n = 0


def result(ok, desc, detail=""):
    global passed, failed, n
    n += 1
    if ok:
        passed += 1
        print(f"ok {n} - {desc}")
    else:
        failed += 1
        print(f"not ok {n} - {desc}")
        for line in str(detail)[:600].splitlines()[:12]:
            print(f"#    {line}")


def eq(desc, want, got):
    result(want == got, desc, f"expected {want!r}\ngot      {got!r}")


MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000002")
KEY = bytes.fromhex("00112233445566778899aabbccddeeff")


def ether(dst, src, etype, payload):
    frame = dst + src + struct.pack(">H", etype) + payload
    return frame + b"\0" * max(0, 60 - len(frame))


def ipv4_udp(sport, dport, payload):
    udp = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
    hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 1, 0, 64, 17,
                      0, bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2]))
    s = sum(struct.unpack(">10H", hdr))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    hdr = hdr[:10] + struct.pack(">H", ~s & 0xffff) + hdr[12:]
    return ether(MAC_B, MAC_A, 0x0800, hdr + udp)


def ipv4_tcp(src, dst, sport, dport, seq, ack, payload):
    """An IPv4 TCP segment (PSH|ACK) from host .src to .dst of 192.0.2.0/24."""
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq, ack, 5 << 4, 0x18,
                      65535, 0, 0) + payload
    hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0, 64, 6,
                      0, bytes([192, 0, 2, src]), bytes([192, 0, 2, dst]))
    s = sum(struct.unpack(">10H", hdr))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    hdr = hdr[:10] + struct.pack(">H", ~s & 0xffff) + hdr[12:]
    return ether(MAC_B if src == 1 else MAC_A, MAC_A if src == 1 else MAC_B,
                 0x0800, hdr + tcp)


def hello(group=1, prio=100, records=(), seq=1, key=None, version=1,
          flags=0, length=None, rsvd=0):
    n = len(records)
    recs = b""
    for r in records:
        recs += struct.pack(">IIBBBBHHQ", r["id"], r["peer"], r["mode"],
                            r["basis"], r["state"], r["role"], r["links"],
                            rsvd, r["bw"])
    if key is not None:
        flags |= 1
    total = 40 + 24 * n + (32 if key is not None else 0)
    hdr = struct.pack(">4sBBHHBB6sBBIQQ", b"ETKP", version, 1, flags,
                      total if length is None else length, group, prio,
                      MAC_A, 3, n, 1000, 1234567890123, seq)
    pkt = hdr + recs
    if key is not None:
        pkt += hmac.new(key, pkt, hashlib.sha256).digest()
    return pkt


def flush(seq=5, vlans=(), key=None, magic=b"ETRK", version=1, flags=0,
          length=None, trunk=7):
    if key is not None:
        flags |= 1
    total = 32 + 2 * len(vlans) + (32 if key is not None else 0)
    pdu = struct.pack(">4sBBHH6sIHHQ", magic, version, 1, flags,
                      total if length is None else length, MAC_A, trunk, 0,
                      len(vlans), seq)
    pdu += b"".join(struct.pack(">H", v) for v in vlans)
    if key is not None:
        pdu += hmac.new(key, pdu, hashlib.sha256).digest()
    return ether(bytes.fromhex("03455452 4b46".replace(" ", "")), MAC_A,
                 0x88b5, pdu)


def rbs(mtype, seq, body=b"", backup=0, key=None, version=1, nonce=b"\0" * 16,
        role=b"C"):
    """An RBS message; with a key, signed over the sender's role (C: the
    connecting side, L: the listening one) and the receiver's nonce."""
    flags = 1 if key is not None else 0
    total = 24 + len(body) + (32 if key is not None else 0)
    msg = struct.pack(">4sBBBBIQI", b"ERBS", version, mtype, flags, 0,
                      total, seq, backup) + body
    if key is not None:
        msg += hmac.new(key, role + nonce + msg, hashlib.sha256).digest()
    return msg


def rbs_hello(seq, nonce, key=None, role=b"C"):
    return rbs(1, seq, struct.pack(">HHI16s8s", 1, 1000, 0, nonce, b"\0" * 8),
               key=key, role=role)


def rbs_entry(kind, vid, ip, lladdr=b"\0" * 6):
    return struct.pack(">BBHB3s16s6s2s", kind, 0, vid, 0, b"\0" * 3, ip,
                       lladdr, b"\0\0")


def v4mapped(a, b, c, d):
    return b"\0" * 10 + b"\xff\xff" + bytes([a, b, c, d])


def pcap(name, frames, tcp=None):
    """Write frames (bytes) to NAME.pcap through text2pcap; with tcp=(sport,
    dport), each frame is a TCP payload (text2pcap adds the headers)."""
    txt = os.path.join(TMP, name + ".txt")
    out = os.path.join(TMP, name + ".pcap")
    with open(txt, "w") as f:
        for fr in frames:
            for off in range(0, len(fr), 16):
                f.write("%06x %s\n" % (off, " ".join("%02x" % b for b in fr[off:off + 16])))
            f.write("\n")
    args = ["text2pcap", "-q"]
    if tcp:
        args += ["-4", "192.0.2.1,192.0.2.2", "-T", "%d,%d" % tcp]
    subprocess.run(args + [txt, out], check=True, capture_output=True)
    return out


def tshark(path, fields, prefs=(), dfilter=None):
    args = ["tshark", "-n", "-r", path, "-X", "lua_script:" + LUA,
            "-T", "fields", "-E", "separator=|", "-E", "occurrence=a",
            "-E", "aggregator=,"]
    for p in prefs:
        args += ["-o", p]
    if dfilter:
        args += ["-Y", dfilter]
    for f in fields:
        args += ["-e", f]
    r = subprocess.run(args, capture_output=True, text=True)
    return r.stdout.strip().split("\n"), r.stderr


def verbose(path, prefs=()):
    args = ["tshark", "-n", "-V", "-r", path, "-X", "lua_script:" + LUA]
    for p in prefs:
        args += ["-o", p]
    r = subprocess.run(args, capture_output=True, text=True)
    return r.stdout + r.stderr


def clean(desc, text):
    bad = [l for l in text.splitlines()
           if "Lua Error" in l or "Malformed Packet" in l or
           "Dissector bug" in l]
    result(not bad, desc + ": no Lua error, no malformed packet", "\n".join(bad))


def main():
    if not shutil.which("tshark") or not shutil.which("text2pcap"):
        global skipped
        skipped += 1
        print("ok 1 - tshark # SKIP tshark or text2pcap not installed")
        return
    rec = [dict(id=10, peer=20, mode=0, basis=1, state=1, role=1, links=2,
                bw=20000),
           dict(id=11, peer=21, mode=2, basis=0, state=0, role=2, links=0,
                bw=0)]

    # ---- hellos
    p = pcap("hello", [ipv4_udp(40000, 61000, hello(group=3, prio=50, records=rec, seq=7)),
                       ipv4_udp(40000, 61000, hello(key=KEY, seq=8)),
                       ipv4_udp(40000, 61000, hello(key=KEY, seq=9)[:-1] + b"\0"),
                       ipv4_udp(40000, 61000, hello(version=2, seq=10)),
                       ipv4_udp(40000, 61000, hello(length=44, seq=11)),
                       ipv4_udp(40000, 61000, hello(flags=4, seq=12)),
                       ipv4_udp(40000, 61000, hello(records=rec[:1], rsvd=1, seq=13))])
    lines, err = tshark(p, ["etrunk.hello.group", "etrunk.hello.priority",
                            "etrunk.hello.system", "etrunk.hello.seq",
                            "etrunk.hello.records", "etrunk.hello.trunk_id",
                            "etrunk.hello.peer_trunk_id", "etrunk.hello.role",
                            "etrunk.hello.links", "etrunk.hello.bandwidth"])
    eq("hello: group, priority, system id, sequence, records and their fields",
       "3|50|02:00:00:00:00:01|7|2|10,11|20,21|1,2|2,0|20000,0", lines[0])
    eq("hello: the info column names group, priority, sequence and trunks",
       ["Hello group 3, priority 50, seq 7, 2 trunks"],
       tshark(p, ["_ws.col.Info"], dfilter="frame.number == 1")[0])
    v = verbose(p)
    result("HMAC present (not verified: no key set)" in v,
           "hello: an HMAC without a key is shown as present", v[-500:])
    kp = ("etrunk.hello.key:" + KEY.hex(),)
    lines, _ = tshark(p, ["etrunk.hello.seq", "etrunk.hello.hmac.good"], prefs=kp,
                      dfilter="etrunk.hello.hmac")
    eq("hello: with the key, the good HMAC verifies and the damaged one not",
       ["8|1", "9|0"], lines)
    lines, _ = tshark(p, ["etrunk.hello.seq"], dfilter="_ws.expert.message contains \"Unknown version\"")
    eq("hello: version 2 is an unknown version", ["10"], lines)
    lines, _ = tshark(p, ["etrunk.hello.seq"], dfilter="etrunk.hello.length.bad")
    eq("hello: a length field that disagrees with the packet", ["11"], lines)
    lines, _ = tshark(p, ["etrunk.hello.seq"], dfilter="etrunk.hello.reserved.set")
    eq("hello: a reserved flag bit and a record's reserved bytes", ["12", "13"], lines)
    clean("hello", v + err)
    p2 = pcap("hello_port", [ipv4_udp(40000, 61001, hello(seq=1))])
    lines, _ = tshark(p2, ["etrunk.hello.seq"], prefs=("etrunk.hello.port:61001",))
    eq("hello: the port is a preference", ["1"], lines)

    # ---- flush frames
    p = pcap("flush", [flush(seq=100),
                       flush(seq=101, vlans=(10, 20), key=KEY),
                       flush(seq=102, key=KEY)[:-8],
                       flush(seq=103, magic=b"XXXX"),
                       flush(seq=104, version=2),
                       flush(seq=105, vlans=(4095,)),
                       flush(seq=106, length=40),
                       flush(seq=107, flags=2)])
    lines, err = tshark(p, ["etrunk.flush.system", "etrunk.flush.trunk_id",
                            "etrunk.flush.seq", "etrunk.flush.vlans",
                            "etrunk.flush.vid"])
    eq("flush: system, trunk id, sequence, VLAN count and list",
       ["02:00:00:00:00:01|7|100|0|", "02:00:00:00:00:01|7|101|2|10,20"], lines[:2])
    eq("flush: the info column", ["Flush from 02:00:00:00:00:01 trunk 7, seq 101, 2 VLANs"],
       tshark(p, ["_ws.col.Info"], dfilter="frame.number == 2")[0])
    kp = ("etrunk.flush.key:" + KEY.hex(),)
    lines, _ = tshark(p, ["etrunk.flush.seq", "etrunk.flush.hmac.good"], prefs=kp,
                      dfilter="etrunk.flush.hmac")
    eq("flush: with the key, the HMAC verifies", ["101|1"], lines)
    lines, _ = tshark(p, ["etrunk.flush.seq", "etrunk.flush.hmac.good"],
                      prefs=("etrunk.flush.key:" + "ff" * 16,), dfilter="etrunk.flush.hmac")
    eq("flush: with another key, it does not", ["101|0"], lines)
    for seq, what, flt in ((102, "a frame cut short of its length", "etrunk.flush.length.bad"),
                           (103, "a bad magic", "etrunk.flush.magic.bad"),
                           (104, "an unknown version", "etrunk.flush.version.unknown"),
                           (105, "VLAN 4095", "etrunk.flush.vid.bad"),
                           (106, "a length field that disagrees", "etrunk.flush.length.bad"),
                           (107, "a reserved flag bit", "etrunk.flush.reserved.set")):
        lines, _ = tshark(p, ["etrunk.flush.seq"], dfilter=flt + " && etrunk.flush.seq == %d" % seq)
        eq("flush: expert info for " + what, [str(seq)], lines)
    clean("flush", verbose(p, kp) + err)

    # ---- RBS over TCP: a bulk of 1,000 entries split over segments
    entries = b"".join(rbs_entry(0, 10, v4mapped(192, 0, 2, i % 250 + 1),
                                 bytes([2, 0, 0, 0, i // 256, i % 256]))
                       for i in range(1000))
    nd = rbs_entry(1, 0, bytes.fromhex("20010db8000000000000000000000001"),
                   MAC_B)
    msgs = [rbs(1, 1, struct.pack(">HHI16s8s", 1, 1000, 0, b"\x55" * 16, b"\0" * 8)),
            rbs(2, 2),
            rbs(3, 3, struct.pack(">I", 1000) + entries, backup=5),
            rbs(4, 4, struct.pack(">I", 1001)),
            rbs(5, 5, struct.pack(">I", 1) + nd, backup=5),
            rbs(6, 6),
            rbs(6, 7, key=KEY)]
    # One message a segment; the bulk's entries (32,028 bytes) cut in
    # segments of 1400 bytes, as TCP would.
    segs = []
    for m in msgs:
        segs += [m[i:i + 1400] for i in range(0, len(m), 1400)]
    p = pcap("rbs", segs, tcp=(45000, 6787))
    lines, err = tshark(p, ["etrunk.rbs.type", "etrunk.rbs.seq"],
                        dfilter="etrunk.rbs")
    types = ",".join(l.split("|")[0] for l in lines)
    eq("rbs: every message decoded in order across %d segments" % len(segs),
       "1,2,3,4,5,6,6", types)
    lines, _ = tshark(p, ["etrunk.rbs.entries", "etrunk.rbs.backup_id"],
                      dfilter="etrunk.rbs.type == 3")
    eq("rbs: the bulk's entries message carries 1000 entries of backup 5",
       ["1000|5"], lines)
    lines, _ = tshark(p, ["etrunk.rbs.bulk_end.count"], dfilter="etrunk.rbs.type == 4")
    eq("rbs: bulk-end's count", ["1001"], lines)
    lines, _ = tshark(p, ["etrunk.rbs.entry.ipv6", "etrunk.rbs.entry.lladdr",
                          "etrunk.rbs.entry.kind"], dfilter="etrunk.rbs.type == 5")
    eq("rbs: a delete of an ND entry: address, link-layer address, kind",
       ["2001:db8::1|02:00:00:00:00:02|1"], lines)
    lines, _ = tshark(p, ["etrunk.rbs.hello.keepalive", "etrunk.rbs.hello.nonce"],
                      dfilter="etrunk.rbs.type == 1")
    eq("rbs: the hello's keepalive and nonce", ["1000|" + "55" * 16], lines)
    v = verbose(p)
    result("HMAC present (not verified: no key set, or the receiver's hello not captured)" in v,
           "rbs: an HMAC without a key is shown as present", "")
    result("ND 2001:db8::1 vlan 0" in v and "ARP 192.0.2.1 vlan 10" in v,
           "rbs: each entry a subtree named by kind, address and VLAN", "")
    clean("rbs", v + err)
    p = pcap("rbs_bad", [rbs(9, 1), rbs(3, 2, struct.pack(">I", 2) + nd)],
             tcp=(45001, 6787))
    lines, _ = tshark(p, ["etrunk.rbs.seq"], dfilter="etrunk.rbs.type.unknown")
    eq("rbs: an unknown type", ["1"], lines)
    lines, _ = tshark(p, ["etrunk.rbs.seq"], dfilter="etrunk.rbs.length.bad")
    eq("rbs: a count that disagrees with the length", ["2"], lines)

    # A keyed connection both ways: each side's messages are signed over
    # its role (1 connects, 2 listens on 6787) and the other's hello
    # nonce; the hellos over zeros.
    rkey = b"rbs-key"
    na, nb = b"\xaa" * 16, b"\xbb" * 16
    msgs = [(1, rbs_hello(1, na, rkey)), (2, rbs_hello(1, nb, rkey, b"L")),
            (1, rbs(6, 2, key=rkey, nonce=nb)),
            (2, rbs(6, 2, key=rkey, nonce=na, role=b"L")),
            (1, rbs(6, 3, key=rkey, nonce=na)),	# over its own nonce
            (2, rbs(6, 3, key=rkey, nonce=na))]	# as the other role
    seq = {1: 1000, 2: 5000}
    frames = []
    for side, m in msgs:
        other = 3 - side
        frames.append(ipv4_tcp(side, other, 45002 if side == 1 else 6787,
                               6787 if side == 1 else 45002, seq[side],
                               seq[other], m))
        seq[side] += len(m)
    p = pcap("rbs_key", frames)
    lines, _ = tshark(p, ["ip.src", "etrunk.rbs.type", "etrunk.rbs.seq",
                          "etrunk.rbs.hmac.good"],
                      prefs=("etrunk.rbs.key:rbs-key",), dfilter="etrunk.rbs")
    eq("rbs: with the key, hellos and messages over the peer's nonce verify;"
       " one over its sender's own nonce or as the other role (a"
       " reflection) does not",
       ["192.0.2.1|1|1|1", "192.0.2.2|1|1|1", "192.0.2.1|6|2|1",
        "192.0.2.2|6|2|1", "192.0.2.1|6|3|0", "192.0.2.2|6|3|0"], lines)
    lines, _ = tshark(p, ["etrunk.rbs.seq"], prefs=("etrunk.rbs.key:other",),
                      dfilter="etrunk.rbs.hmac.bad")
    eq("rbs: with another key none verifies", ["1", "1", "2", "2", "3", "3"],
       lines)


if __name__ == "__main__":
    TMP = tempfile.mkdtemp(prefix="etrunk-lua.")
    try:
        main()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    sys.exit(1 if failed else 0)
