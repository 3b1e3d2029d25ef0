#!/usr/bin/env python3
"""Generates the few frames the frame list's columns are checked on that no real sample holds:
ICMP and ICMPv6 messages of every type and code Wireshark names, and FTP lines with bytes that are
no UTF-8 or are control characters.

Usage: python3 samples/hostile/columns.py OUT_DIR

Writes OUT_DIR/icmp.pcap and OUT_DIR/ftp-odd.pcap. Deterministic, python3 standard library only;
checksums are zero (tshark, like ftpscope, does not verify them by default). Nothing is committed
as a binary: ColumnsMatchTsharkTest runs this script; samples/derive-columns.sh runs it too and
records tshark's columns of both files (src/test/resources/org/ftpscope/tshark-columns/).
"""
import os
import struct
import sys

CLIENT, SERVER, ROUTER = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), bytes([10, 0, 0, 254])
C6 = bytes.fromhex('20010db8000000000000000000000001')
S6 = bytes.fromhex('20010db8000000000000000000000002')
R6 = bytes.fromhex('20010db80000000000000000000000fe')
CMAC, SMAC = bytes.fromhex('020000000001'), bytes.fromhex('020000000002')
SYN, ACK, PSH = 0x02, 0x10, 0x08


class Pcap:
    def __init__(self, path):
        self.f = open(path, 'wb')
        self.f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
        self.ts = 1_700_000_000_000_000

    def add(self, frame):
        self.ts += 1
        self.f.write(struct.pack('<IIII', self.ts // 1_000_000, self.ts % 1_000_000, len(frame), len(frame)) + frame)

    def close(self):
        self.f.close()


def eth(payload, etype=0x0800, src=CMAC, dst=SMAC):
    return dst + src + struct.pack('>H', etype) + payload


def ipv4(src, dst, proto, payload, ttl=64):
    return struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0x4000, ttl, proto, 0, src, dst) + payload


def ipv6(src, dst, nxt, payload, hlim=64):
    return struct.pack('>IHBB', 0x60000000, len(payload), nxt, hlim) + src + dst + payload


def tcp(sport, dport, seq, ack, flags, payload=b''):
    return struct.pack('>HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload


def icmp(path):
    cap = Pcap(path)
    quoted = ipv4(CLIENT, SERVER, 6, tcp(40000, 21, 1001, 5001, PSH | ACK, b'NOOP\r\n'))[:28]
    error = lambda t, c, rest=0: cap.add(eth(ipv4(ROUTER, CLIENT, 1, struct.pack('>BBHI', t, c, 0, rest) + quoted),
                                              src=SMAC, dst=CMAC))
    for code in range(17):          # destination unreachable, 16 an unknown code
        error(3, code)
    for code in range(3):
        error(11, code)             # time exceeded, 2 unknown
    for code in range(5):
        error(5, code, 0x0a0000fe)  # redirect, 4 unknown
    for code in range(4):
        error(12, code)             # parameter problem, 3 unknown
    error(4, 0)                     # source quench
    for t, seq in ((8, 1), (0, 1), (8, 2), (0, 2)):  # echo request and reply, twice
        src, dst = (CLIENT, SERVER) if t == 8 else (SERVER, CLIENT)
        cap.add(eth(ipv4(src, dst, 1, struct.pack('>BBHHH', t, 0, 0, 0x1234, seq) + b'abcdefgh')))
    for t in (13, 14):              # timestamp
        cap.add(eth(ipv4(CLIENT, SERVER, 1, struct.pack('>BBHHHIII', t, 0, 0, 1, 1, 0, 0, 0))))
    for t in (15, 16, 17, 18):      # information, address mask
        cap.add(eth(ipv4(CLIENT, SERVER, 1, struct.pack('>BBHHHI', t, 0, 0, 1, 1, 0))))
    for t in (1, 2, 6, 7, 10, 19, 20, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 99, 255):  # the other names
        cap.add(eth(ipv4(CLIENT, SERVER, 1, struct.pack('>BBHI', t, 0, 0, 0) + bytes(8))))
    quoted6 = ipv6(C6, S6, 6, tcp(40001, 21, 1, 1, PSH | ACK, b'NOOP\r\n'))[:48]
    error6 = lambda t, c, rest=0: cap.add(eth(ipv6(R6, C6, 58, struct.pack('>BBHI', t, c, 0, rest) + quoted6), 0x86dd,
                                               src=SMAC, dst=CMAC))
    for code in range(9):
        error6(1, code)             # destination unreachable, 8 unknown
    error6(2, 0, 1280)              # packet too big
    for code in range(3):
        error6(3, code)             # time exceeded, 2 unknown
    for code in range(5):
        error6(4, code)             # parameter problem, 4 unknown
    cap.add(eth(ipv6(C6, S6, 58, struct.pack('>BBHHH', 128, 0, 0, 0x77, 1) + b'ping'), 0x86dd))
    cap.add(eth(ipv6(S6, C6, 58, struct.pack('>BBHHH', 129, 0, 0, 0x77, 1) + b'ping'), 0x86dd, src=SMAC, dst=CMAC))
    cap.close()


def ftp_odd(path):
    cap = Pcap(path)
    seq = {True: 1000, False: 5000}

    def seg(from_client, flags, data=b''):
        src, dst, sp, dp = (CLIENT, SERVER, 40000, 21) if from_client else (SERVER, CLIENT, 21, 40000)
        cap.add(eth(ipv4(src, dst, 6, tcp(sp, dp, seq[from_client], seq[not from_client], flags, data)),
                    src=CMAC if from_client else SMAC, dst=SMAC if from_client else CMAC))
        seq[from_client] += len(data) + (1 if flags & SYN else 0)

    seg(True, SYN)
    seg(False, SYN | ACK)
    seg(True, ACK)
    lines = [
        (False, b'220 ready\r\n'),
        (True, b'USER anonymous\r\n'), (False, b'331 ok\r\n'),
        (True, b'CWD caf\xc3\xa9\r\n'), (False, b'250 caf\xc3\xa9 ok\r\n'),             # UTF-8
        (True, b'CWD \xe9t\xe9\r\n'), (False, b'550 \xe9t\xe9: no\r\n'),                # Latin-1: no UTF-8
        (True, b'\xff\xf4\xff\xf2\r\n'), (False, b'500 ?\r\n'),                        # Telnet IP, DM: no UTF-8
        (True, b'CWD a\tb\x00c\r\n'), (False, b'550 a\tb\x00c\x7f\x08\x0c\x0b\x07\r\n'),  # controls
        (True, b'CWD \x1b]0;pwned\x07\r\n'), (False, b'550 \x1b[2J\x1b]0;pwned\x07\r\n'),  # terminal escapes
        (True, b'PASV\r\n'), (False, b'227 Entr\xe9e en mode passif (10,0,0,2,195,80)\r\n'),  # setup after no UTF-8
        (True, b'PORT 10,0,0,1,156,64\r\n'), (False, b'200 ok\r\n'),
    ]
    for from_client, data in lines:
        seg(from_client, PSH | ACK, data)
        seg(not from_client, ACK)
    cap.close()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    os.makedirs(sys.argv[1], exist_ok=True)
    icmp(os.path.join(sys.argv[1], 'icmp.pcap'))
    ftp_odd(os.path.join(sys.argv[1], 'ftp-odd.pcap'))
