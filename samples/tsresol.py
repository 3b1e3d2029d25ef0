#!/usr/bin/env python3
"""Rewrites a classic pcap (µs or ns) as pcapng whose interface has another timestamp resolution.

Usage: python3 samples/tsresol.py IN.pcap OUT.pcapng TSRESOL

TSRESOL is the pcapng if_tsresol byte: 3 = 10^-3 s, 0x8a = 2^-10 s (bit 7: a power of 2). The
packets, their lengths and the link type are the input's; each timestamp is rounded down to the
new unit, as a capture made with that clock would have it. No tool of the Wireshark suite writes
another resolution (editcap keeps the input's), hence this script; python3 standard library only.
"""
import struct
import sys


def block(btype, body):
    body += b'\0' * (-len(body) % 4)
    return struct.pack('<II', btype, len(body) + 12) + body + struct.pack('<I', len(body) + 12)


def main(src, dst, tsresol):
    data = open(src, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    order = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
    magic = struct.unpack(order + 'I', data[:4])[0]
    if magic not in (0xa1b2c3d4, 0xa1b23c4d):
        sys.exit(src + ': not a classic pcap')
    nanos = magic == 0xa1b23c4d
    snaplen, linktype = struct.unpack(order + 'II', data[16:24])
    base = 2 if tsresol & 0x80 else 10
    units = base ** (tsresol & 0x7f)
    out = [block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1)),
           block(1, struct.pack('<HHI', linktype & 0xFFFF, 0, snaplen)
                 + struct.pack('<HHB3x', 9, 1, tsresol) + struct.pack('<HH', 0, 0))]
    at = 24
    while at + 16 <= len(data):
        sec, frac, cap, orig = struct.unpack(order + 'IIII', data[at:at + 16])
        ns = sec * 10**9 + (frac if nanos else frac * 1000)
        ts = ns * units // 10**9
        out.append(block(6, struct.pack('<IIIII', 0, ts >> 32, ts & 0xFFFFFFFF, cap, orig) + data[at + 16:at + 16 + cap]))
        at += 16 + cap
    open(dst, 'wb').write(b''.join(out))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3], 0))
