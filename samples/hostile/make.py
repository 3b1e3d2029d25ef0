#!/usr/bin/env python3
"""Generates ftpscope's hostile corpus: inputs that cost far more than they weigh.

Usage: python3 samples/hostile/make.py OUT_DIR [NAME...]
       python3 samples/hostile/make.py --list

Deterministic (no randomness, no clock), python3 standard library only. Nothing here is
committed as a binary: HostileCorpusTest runs this script into target/hostile at test time and
each input is written only when it is missing (so a second run costs nothing) or was made
by another version of this script. With NAMEs only
those inputs are written. `make.py --list` prints the names.

Every capture is Ethernet/IPv4/TCP (checksums zero: ftpscope, like Wireshark by default, does
not verify them) unless its name says otherwise.
"""
import gzip
import hashlib
import os
import struct
import sys
import zlib

CLIENT = bytes([10, 0, 0, 1])
SERVER = bytes([10, 0, 0, 2])


def pcap_header(linktype=1, snaplen=262144):
    return struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snaplen, linktype)


def record(frame, ts_usec):
    return struct.pack('<IIII', ts_usec // 1_000_000, ts_usec % 1_000_000, len(frame), len(frame)) + frame


def ipv4_tcp(src, dst, sport, dport, seq, ack, flags, payload=b''):
    tcp = struct.pack('>HHIIBBHHH', sport, dport, seq & 0xffffffff, ack & 0xffffffff, 5 << 4, flags, 65535, 0, 0)
    total = 20 + len(tcp) + len(payload)
    ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, total, 0, 0x4000, 64, 6, 0, src, dst)
    return b'\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x01\x08\x00' + ip + tcp + payload


SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01


class Capture:
    """Records written straight to a (gzip) file, one microsecond apart."""

    def __init__(self, path):
        self.raw = open(path, 'wb')
        # mtime 0 and no file name in the gzip header: the same bytes on every run
        self.f = gzip.GzipFile(filename='', mode='wb', compresslevel=9, fileobj=self.raw, mtime=0) \
            if path.endswith('.gz') else self.raw
        self.f.write(pcap_header())
        self.ts = 1_700_000_000_000_000

    def frame(self, frame, snaplen=None):
        """`snaplen`: keep only that many bytes of the frame, as a capture with that snapshot length would."""
        self.ts += 1
        if snaplen is None or snaplen >= len(frame):
            self.f.write(record(frame, self.ts))
        else:
            self.f.write(struct.pack('<IIII', self.ts // 1_000_000, self.ts % 1_000_000, snaplen, len(frame)) + frame[:snaplen])

    def close(self):
        self.f.close()
        self.raw.close()


class Conn:
    """One TCP connection with its sequence numbers; data is cut into segments of at most `mss`."""

    def __init__(self, cap, cip, sip, cport, sport, mss=1460):
        self.cap, self.cip, self.sip, self.cport, self.sport, self.mss = cap, cip, sip, cport, sport, mss
        self.cseq, self.sseq = 1000, 5000

    def open(self):
        c = self.cap
        c.frame(ipv4_tcp(self.cip, self.sip, self.cport, self.sport, self.cseq, 0, SYN))
        c.frame(ipv4_tcp(self.sip, self.cip, self.sport, self.cport, self.sseq, self.cseq + 1, SYN | ACK))
        self.cseq += 1
        self.sseq += 1
        c.frame(ipv4_tcp(self.cip, self.sip, self.cport, self.sport, self.cseq, self.sseq, ACK))
        return self

    def send(self, from_client, data, snaplen=None):
        for i in range(0, len(data), self.mss):
            chunk = data[i:i + self.mss]
            if from_client:
                self.cap.frame(ipv4_tcp(self.cip, self.sip, self.cport, self.sport, self.cseq, self.sseq, PSH | ACK, chunk), snaplen)
                self.cseq += len(chunk)
            else:
                self.cap.frame(ipv4_tcp(self.sip, self.cip, self.sport, self.cport, self.sseq, self.cseq, PSH | ACK, chunk), snaplen)
                self.sseq += len(chunk)

    def client(self, data, snaplen=None): self.send(True, data, snaplen)

    def server(self, data, snaplen=None): self.send(False, data, snaplen)

    def close(self):
        c = self.cap
        c.frame(ipv4_tcp(self.cip, self.sip, self.cport, self.sport, self.cseq, self.sseq, FIN | ACK))
        c.frame(ipv4_tcp(self.sip, self.cip, self.sport, self.cport, self.sseq, self.cseq + 1, FIN | ACK))
        c.frame(ipv4_tcp(self.cip, self.sip, self.cport, self.sport, self.cseq + 1, self.sseq + 1, ACK))


def control(cap, cport=40000):
    return Conn(cap, CLIENT, SERVER, cport, 21).open()


def pasv_retr(cap, c, i, name):
    """On control connection c: PASV answered with port 50000+i, RETR name, the data connection
    from client port 41000+i opened and the 150; returns the data connection."""
    port = 50000 + i
    c.client(b'PASV\r\n')
    c.server(b'227 Entering Passive Mode (10,0,0,2,%d,%d)\r\n' % (port >> 8, port & 0xff))
    c.client(b'RETR ' + name + b'\r\n')
    d = Conn(cap, CLIENT, SERVER, 41000 + i, port).open()
    c.server(b'150 Opening BINARY mode data connection.\r\n')
    return d


def streamed(data_chunks, conn, from_client):
    for chunk in data_chunks:
        conn.send(from_client, chunk)


# ---- the inputs ----

def line_flood(path):
    """The server sends 1 M bare LF on port 21: a million empty replies."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n' + b'\n' * 1_000_000)
    c.close()
    cap.close()


def multiline_10m_empty(path):
    """One multi-line reply of 10 M empty lines (the character limit never trips)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220-hi\r\n')
    for _ in range(10):
        c.server(b'\n' * 1_000_000)
    c.server(b'220 end\r\n')
    c.close()
    cap.close()


def six_replies_1m_lines(path):
    """Six multi-line replies of 1 M one-character lines each."""
    cap = Capture(path)
    c = control(cap)
    for _ in range(6):
        c.server(b'220-x\r\n' + b'a\n' * 1_000_000 + b'220 x\r\n')
    c.close()
    cap.close()


def port_flood(path):
    """500 k PORT commands, each answered 200."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    cmds, replies = [], []
    for i in range(500_000):
        p = 1024 + i % 60000
        cmds.append(b'PORT 10,0,0,1,%d,%d\r\n' % (p >> 8, p & 255))
        replies.append(b'200 PORT command successful.\r\n')
        if len(cmds) == 64:
            c.client(b''.join(cmds))
            c.server(b''.join(replies))
            cmds, replies = [], []
    c.close()
    cap.close()


def port_bounce_flood(path):
    """30,000 PORT commands naming a third host (10.0.0.3), each another port, each answered 200:
    every setup names an endpoint of its own (a bounce lifeline and a finding each)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    cmds, replies = [], []
    for i in range(30_000):
        p = 1024 + i
        cmds.append(b'PORT 10,0,0,3,%d,%d\r\n' % (p >> 8, p & 255))
        replies.append(b'200 PORT command successful.\r\n')
        if len(cmds) == 64 or i == 29_999:
            c.client(b''.join(cmds))
            c.server(b''.join(replies))
            cmds, replies = [], []
    c.close()
    cap.close()


def bounce_frames(path):
    """10,500 PORT commands naming a third host, each in a frame of its own, each answered 200: a group
    of bounce findings over 10,500 frames, past FINDING_GROUP_FRAMES (10,000)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    for i in range(10_500):
        p = 1024 + i
        c.client(b'PORT 10,0,0,3,%d,%d\r\n' % (p >> 8, p & 255))
        c.server(b'200 PORT command successful.\r\n')
    c.close()
    cap.close()


def syn_flood(path):
    """300 k SYNs, each a new connection (distinct client address and port) to port 80."""
    cap = Capture(path)
    for i in range(300_000):
        src = bytes([172, 16, (i >> 16) & 255, (i >> 8) & 255])
        cap.frame(ipv4_tcp(src, SERVER, 1024 + (i & 0xff) * 200 + 1, 80, i, 0, SYN))
    cap.close()


def reorder_waits(path):
    """300 connections to port 80, then in each the client acknowledges 100 server bytes the capture
    never shows, all within 0.3 ms: 300 connections awaiting acknowledged bytes at once."""
    cap = Capture(path)
    conns = [Conn(cap, bytes([172, 16, 1, i & 255]), SERVER, 2000 + i, 80).open() for i in range(300)]
    for c in conns:
        cap.frame(ipv4_tcp(c.cip, c.sip, c.cport, c.sport, c.cseq, c.sseq + 100, ACK))
    cap.close()


def session_flood(path):
    """65,536 small FTP sessions (greeting, USER, PASS, QUIT), each its own connection."""
    cap = Capture(path)
    for i in range(65_536):
        cip = bytes([10, 1, i >> 8, i & 255])
        c = Conn(cap, cip, SERVER, 30000 + (i % 30000), 21).open()
        c.server(b'220 hi\r\n')
        c.client(b'USER u\r\n')
        c.server(b'331 pw\r\n')
        c.client(b'PASS p\r\n')
        c.server(b'230 ok\r\n')
        c.client(b'QUIT\r\n')
        c.server(b'221 bye\r\n')
        c.close()
    cap.close()


def sparse_10g(path):
    """A pcap header followed by 10 GB of zeros, as a sparse file: 671 M empty records."""
    with open(path, 'wb') as f:
        f.write(pcap_header())
        f.truncate(24 + 10 * 1000 ** 3)


def _bomb(path, header, unit, total):
    """gzip of header + unit repeated up to `total` bytes. Each unit is compressed once after a
    full flush, so the compressed copies are identical and a 10 GB stream costs milliseconds.
    The trailer's CRC is not computed (it would take longer than the rest): a reader that gets
    that far reports a damaged stream."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = co.compress(header) + co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(unit) + co.flush(zlib.Z_FULL_FLUSH)
    tail = co.flush(zlib.Z_FINISH)
    n = total // len(unit)
    with open(path, 'wb') as f:
        f.write(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff')
        f.write(head)
        for _ in range(n):
            f.write(block)
        f.write(tail)
        f.write(struct.pack('<II', 0, (len(header) + n * len(unit)) & 0xffffffff))


def gzip_bomb_zeros(path):
    """A 10 MB .pcap.gz inflating to a pcap header and 10 GiB of zeros (empty records)."""
    _bomb(path, pcap_header(), b'\0' * (1 << 20), 10 << 30)


def gzip_bomb_frames(path):
    """A .pcap.gz inflating to 10 GiB of 262,144-byte frames of zeros (40 k frames)."""
    rec = struct.pack('<IIII', 1, 0, 262144, 262144) + b'\0' * 262144
    _bomb(path, pcap_header(), rec, 10 << 30)


def deep_vlan(path):
    """One frame: 3,000 stacked 802.1Q tags, then IPv4/TCP to port 21."""
    tags = b''.join(struct.pack('>HH', 1, 0x8100) for _ in range(2999)) + struct.pack('>HH', 1, 0x0800)
    inner = ipv4_tcp(CLIENT, SERVER, 40000, 21, 1, 1, PSH | ACK, b'USER x\r\n')[14:]
    frame = b'\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x01\x81\x00' + tags + inner
    with open(path, 'wb') as f:
        f.write(pcap_header())
        f.write(record(frame, 1_700_000_000_000_000))


def deep_ipv6_ext(path):
    """One frame: IPv6 with 3,000 destination-options headers, then TCP."""
    tcp = struct.pack('>HHIIBBHHH', 40000, 21, 1, 1, 5 << 4, PSH | ACK, 65535, 0, 0) + b'USER x\r\n'
    ext = b''.join(struct.pack('>BB6s', 60, 0, b'\x01\x04\0\0\0\0') for _ in range(2999))
    ext += struct.pack('>BB6s', 6, 0, b'\x01\x04\0\0\0\0')
    src = b'\x20\x01\x0d\xb8' + b'\0' * 11 + b'\x01'
    dst = b'\x20\x01\x0d\xb8' + b'\0' * 11 + b'\x02'
    ip6 = struct.pack('>IHBB16s16s', 6 << 28, len(ext) + len(tcp), 60, 64, src, dst)
    frame = b'\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x01\x86\xdd' + ip6 + ext + tcp
    with open(path, 'wb') as f:
        f.write(pcap_header())
        f.write(record(frame, 1_700_000_000_000_000))


def redos_arg(path):
    """A session whose USER argument is 28 'a's: the subject of the ReDoS filters."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    c.client(b'USER ' + b'a' * 28 + b'\r\n')
    c.server(b'331 pw\r\n')
    c.close()
    cap.close()


def names_and_escapes(path):
    """One session of four RETRs over PASV whose names and replies carry terminal escapes (ESC ]0;
    OSC title, ESC [ CSI, C1 CSI U+009B, a bidi override U+202E), a name of 100 four-byte
    characters (400 bytes of UTF-8, more than a file system takes), then a plain name after it;
    and a reply code and an EPSV port in full-width digits, an EPRT port in Arabic-Indic ones."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi \x1b]0;pwned\x07\r\n')
    c.client(b'USER u\r\n')
    c.server(b'331 pw\r\n')
    c.client(b'PASS p\r\n')
    c.server(b'230 ok\r\n')
    names = ['esc\x1b[2Jname.txt', 'c1\u009b31mred\u202egnp.exe', '\U0001F600' * 100 + '.bin', 'after.txt']
    for i, name in enumerate(names):
        port = 50000 + i
        c.client(b'PASV\r\n')
        c.server(b'227 Entering Passive Mode (10,0,0,2,%d,%d).\r\n' % (port >> 8, port & 255))
        d = Conn(cap, CLIENT, SERVER, 41000 + i, port).open()
        c.client(b'RETR ' + name.encode('utf-8') + b'\r\n')
        c.server(b'150 here\r\n')
        d.server(b'content %d \x1b[31m\n' % i)
        d.close()
        c.server(b'226 done\r\n')
    c.server('\uff12\uff12\uff10 full-width\r\n'.encode('utf-8'))
    c.client(b'EPSV\r\n')
    c.server('229 Entering Extended Passive Mode (|||\uff15\uff10\uff10\uff12\uff11|)\r\n'.encode('utf-8'))
    c.client('EPRT |1|10.0.0.1|\u0664\u0661\u0660\u0660\u0660|\r\n'.encode('utf-8'))
    c.server(b'200 ok\r\n')
    c.client(b'QUIT\r\n')
    c.server(b'221 bye\r\n')
    c.close()
    cap.close()


def filters(path):
    """Display filters, one per line: catastrophic backtracking, deep nesting, long disjunctions."""
    lines = [
        'ftp.request.arg matches "((a+)+)+b"',
        'ftp.request.arg matches "(a|aa)+$b"',
        '(' * 2000 + 'tcp' + ')' * 2000,
        ' || '.join('tcp.port == %d' % (i % 65536) for i in range(10_000)),
        ' && '.join('!' * 1 + 'udp' for _ in range(10_000)),
        '!' * 10_000 + 'tcp',
    ]
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')


def _pcapng_block(btype, body):
    n = 12 + len(body)
    return struct.pack('<II', btype, n) + body + struct.pack('<I', n)


def _shb():
    return _pcapng_block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))


def _idb(linktype):
    return _pcapng_block(1, struct.pack('<HHI', linktype, 0, 262144))


def _epb(iface, frame):
    pad = (-len(frame)) % 4
    return _pcapng_block(6, struct.pack('<IIIII', iface, 0, 0, len(frame), len(frame)) + frame + b'\0' * pad)


def pcapng_spb_12(path):
    """An interface, a good frame, then a simple packet block of total length 12 (no room for
    its original-length field), then another good frame."""
    f1 = ipv4_tcp(CLIENT, SERVER, 40000, 21, 1, 1, SYN)
    with open(path, 'wb') as f:
        f.write(_shb() + _idb(1) + _epb(0, f1) + _pcapng_block(3, b'') + _epb(0, f1))


def pcapng_iface_65536(path):
    """65,537 interfaces: 0 is Ethernet, 65,536 is raw IP (link type 101); one frame on each."""
    eth = ipv4_tcp(CLIENT, SERVER, 40000, 21, 1, 1, SYN)
    with open(path, 'wb') as f:
        f.write(_shb() + _idb(1))
        idb = _idb(1)
        f.write(idb * 65_535)
        f.write(_idb(101))
        f.write(_epb(0, eth))
        f.write(_epb(65_536, eth[14:]))


# ---- one input per bound that was not a Limit before (docs/limits.md) ----

def long_control_lines(path):
    """A USER of 70,000 bytes and a 331 reply of 100,000: two lines past CONTROL_LINE_BYTES (64 KiB)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    c.client(b'USER ' + b'a' * 70_000 + b'\r\n')
    c.server(b'331 ' + b'b' * 100_000 + b'\r\n')
    c.client(b'QUIT\r\n')
    c.server(b'221 bye\r\n')
    c.close()
    cap.close()


def control_gaps(path):
    """60 client segments missing from the capture (each a NOOP the server answers): 60 control-channel gaps."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    for _ in range(60):
        c.client(b'NOOP\r\n')
        c.cseq += len(b'NOOP\r\n')  # a NOOP sent, not captured
        c.server(b'200 ok\r\n200 ok\r\n')
    c.client(b'QUIT\r\n')
    c.server(b'221 bye\r\n')
    c.close()
    cap.close()


def _ip_in_ip(inner_ip, depth):
    """`inner_ip` (an IPv4 packet) inside `depth` IPv4 headers of protocol 4 (IP in IP)."""
    for _ in range(depth):
        inner_ip = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(inner_ip), 0, 0x4000, 64, 4, 0,
                               bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])) + inner_ip
    return inner_ip


def tunnels_5(path):
    """Frame 1: a SYN to port 21 in 4 IP-in-IP tunnels (decoded); frame 2: the same in 5 (past IP_TUNNELS)."""
    cap = Capture(path)
    eth, ip = ipv4_tcp(CLIENT, SERVER, 40000, 21, 1, 0, SYN)[:14], ipv4_tcp(CLIENT, SERVER, 40000, 21, 1, 0, SYN)[14:]
    cap.frame(eth + _ip_in_ip(ip, 4))
    cap.frame(eth + _ip_in_ip(ip, 5))
    cap.close()


def ftps_25_data(path):
    """AUTH TLS accepted, TLS records on the control channel, then 25 connections client to server on
    high ports while it is open: an encrypted session's inferred data connections, past ENCRYPTED_DATA_LISTED (20)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    c.client(b'AUTH TLS\r\n')
    c.server(b'234 Proceed with negotiation.\r\n')
    c.client(b'\x16\x03\x01\x00\x05' + b'\x01\x00\x00\x01\x00')
    c.server(b'\x16\x03\x03\x00\x05' + b'\x02\x00\x00\x01\x00')
    for i in range(25):
        c.client(b'\x17\x03\x03\x00\x04ABCD')
        c.server(b'\x17\x03\x03\x00\x04EFGH')
        d = Conn(cap, CLIENT, SERVER, 41000 + i, 50000 + i).open()
        d.server(b'\x17\x03\x03\x00\x04data')
        d.close()
    c.close()
    cap.close()


def cut_control_25_data(path):
    """A control connection whose every payload byte the snapshot length (54: the headers) cut, and 25
    connections between its hosts while it is open: past CUT_SESSION_DATA_LISTED (20)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n', snaplen=54)
    c.client(b'USER anonymous\r\n', snaplen=54)
    c.server(b'331 password\r\n', snaplen=54)
    for i in range(25):
        c.client(b'PASV\r\n', snaplen=54)
        c.server(b'227 Entering Passive Mode (10,0,0,2,195,%d)\r\n' % (80 + i), snaplen=54)
        d = Conn(cap, CLIENT, SERVER, 41000 + i, 50000 + i).open()
        d.server(b'data %d\r\n' % i)
        d.close()
    c.close()
    cap.close()

# ---- TLS (read with a key log: analyze/report/frames --tls-keylog, and tls) ----

TLS_RANDOM_A = bytes(range(1, 33))     # the ClientHello random of tls-limits.pcap's first connection
TLS_RANDOM_B = bytes(range(33, 65))
TLS_MASTER = bytes([0x5a]) * 48


def _tls_record(rtype, body):
    return struct.pack('>BHH', rtype, 0x0303, len(body)) + body


def _handshake(htype, body):
    return bytes([htype]) + len(body).to_bytes(3, 'big') + body


def _tls_records(rtype, data, size=16384):
    return b''.join(_tls_record(rtype, data[i:i + size]) for i in range(0, len(data), size))


def _client_hello(random):
    """TLS 1.2, one suite (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), no session id, no extensions."""
    return _handshake(1, b'\x03\x03' + random + b'\x00' + b'\x00\x02\xc0\x2f' + b'\x01\x00')


def _server_hello(random):
    return _handshake(2, b'\x03\x03' + random + b'\x00' + b'\xc0\x2f' + b'\x00')


def tls_limits(path):
    """Three connections, each past TLS limits; read with tls-limits.keys (or keylog-limits.keys).

    Stream 0, port 21: 70 SITE commands of 1,002 bytes (70,140 bytes), each answered 200 (frames
    5-144), then AUTH TLS, 234 (frame 146) and a ClientHello: TLS after more cleartext than
    TLS_CLEARTEXT_PREFIX (64 KiB).
    Stream 1, port 990: ClientHello (random 01..20, in the key log), ServerHello, a Certificate of 12
    certificates (frame 156, TLS_CERTIFICATES: 10), one record of 40 alerts (frame 157, TLS_ALERTS:
    32), then 100,001 NewSessionTickets: 100,000 in 86 records (frames 158-1117), the last in a frame
    of its own (1118, TLS_SESSION_CACHE: 100,000).
    Stream 2, port 990: ClientHello, ServerHello, and a handshake message of 262,145 bytes in 17
    records, the first ending in frame 1138 (TLS_HANDSHAKE_MESSAGE: 256 KiB); 1,309 frames in all."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    for _ in range(70):
        c.client(b'SITE ' + b'x' * 995 + b'\r\n')
        c.server(b'200 ok\r\n')
    c.client(b'AUTH TLS\r\n')
    c.server(b'234 Proceed with negotiation.\r\n')
    c.client(_tls_record(22, _client_hello(TLS_RANDOM_B)))
    c.close()

    a = Conn(cap, CLIENT, SERVER, 40001, 990).open()
    a.client(_tls_record(22, _client_hello(TLS_RANDOM_A)))
    a.server(_tls_record(22, _server_hello(bytes(32))))
    der = b'\x30\x03\x02\x01\x01'  # not a certificate the JDK reads: counted, not parsed
    certs = b''.join(len(der).to_bytes(3, 'big') + der for _ in range(12))
    a.server(_tls_record(22, _handshake(11, len(certs).to_bytes(3, 'big') + certs)))
    a.server(_tls_record(21, b'\x01\x5a' * 40))  # 40 warning alerts, user_canceled
    tickets = b''.join(_handshake(4, b'\x00\x00\x0e\x10' + b'\x00\x04' + struct.pack('>I', i)) for i in range(100_000))
    a.server(_tls_records(22, tickets))
    a.server(_tls_record(22, _handshake(4, b'\x00\x00\x0e\x10' + b'\x00\x04' + struct.pack('>I', 100_000))))
    a.close()

    b = Conn(cap, CLIENT, SERVER, 40002, 990).open()
    b.client(_tls_record(22, _client_hello(TLS_RANDOM_B)))
    b.server(_tls_record(22, _server_hello(bytes(32))))
    b.server(_tls_records(22, _handshake(11, bytes(262_145))))
    b.close()
    cap.close()


def tls_limits_keys(path):
    """The key log of tls-limits.pcap's stream 1 (its master secret opens nothing: no record is protected)."""
    with open(path, 'w') as f:
        f.write('CLIENT_RANDOM %s %s\n' % (TLS_RANDOM_A.hex(), TLS_MASTER.hex()))


def keylog_limits_keys(path):
    """A key log past its three limits: a line of 1,100 bytes (well-formed but for its padding:
    KEYLOG_LINE_BYTES), tls-limits.pcap's CLIENT_RANDOM, 200,000 TLS 1.3 secrets (KEYLOG_SECRETS is
    heap/8/216 B, 155,344 at -Xmx256m), then comment lines up to 64 MiB + 1,024 bytes (KEYLOG_BYTES)."""
    with open(path, 'wb') as f:
        line = b'CLIENT_RANDOM ' + TLS_RANDOM_B.hex().encode() + b' ' + TLS_MASTER.hex().encode()
        f.write(line + b' ' * (1100 - len(line)) + b'\n')
        f.write(b'CLIENT_RANDOM %s %s\n' % (TLS_RANDOM_A.hex().encode(), TLS_MASTER.hex().encode()))
        for i in range(200_000):
            f.write(b'CLIENT_TRAFFIC_SECRET_0 %064x 5a\n' % i)
        comment = b'#' + b'x' * 1022 + b'\n'
        while f.tell() < (64 << 20) + 1024:
            f.write(comment)


def extract_101(path):
    """101 RETRs over PASV whose data frames the snapshot length cut (94 bytes: 40 of each 100-byte
    segment kept), then 101 RETRs refused 550: extract names 100 of each, past EXTRACT_LISTED (100)."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    for i in range(101):
        d = pasv_retr(cap, c, i, b'f%d.bin' % i)
        d.server(b'%-100d' % i, snaplen=94)
        d.close()
        c.server(b'226 Transfer complete.\r\n')
    for i in range(101):
        c.client(b'RETR missing%d.bin\r\n' % i)
        c.server(b'550 Failed to open file.\r\n')
    c.close()
    cap.close()


def gap_fill(path):
    """Two RETRs whose data connections skip 40 MiB and then 30 MiB of sequence space (a capture
    that lost them, or a hostile one): extract fills the first hole with zeros and leaves the second
    out, past GAP_FILL_BYTES (64 MiB of zeros per extraction); 10 kB of input."""
    cap = Capture(path)
    c = control(cap)
    c.server(b'220 hi\r\n')
    for i, hole in enumerate((40 << 20, 30 << 20)):
        d = pasv_retr(cap, c, i, b'hole%d.bin' % i)
        d.server(b'A' * 1000)
        d.sseq += hole
        d.server(b'B' * 1000)
        d.close()
        c.server(b'226 Transfer complete.\r\n')
    c.close()
    cap.close()


INPUTS = {
    'line-flood.pcap.gz': line_flood,
    'multiline-10m-empty.pcap.gz': multiline_10m_empty,
    'six-replies-1m-lines.pcap.gz': six_replies_1m_lines,
    'port-flood.pcap.gz': port_flood,
    'port-bounce-flood.pcap.gz': port_bounce_flood,
    'bounce-frames.pcap.gz': bounce_frames,
    'syn-flood.pcap.gz': syn_flood,
    'session-flood.pcap.gz': session_flood,
    'reorder-waits.pcap': reorder_waits,
    'sparse-10g.pcap': sparse_10g,
    'gzip-bomb-zeros.pcap.gz': gzip_bomb_zeros,
    'gzip-bomb-frames.pcap.gz': gzip_bomb_frames,
    'deep-vlan.pcap': deep_vlan,
    'deep-ipv6-ext.pcap': deep_ipv6_ext,
    'redos-arg.pcap': redos_arg,
    'filters.txt': filters,
    'names-and-escapes.pcap': names_and_escapes,
    'pcapng-spb-12.pcapng': pcapng_spb_12,
    'pcapng-iface-65536.pcapng': pcapng_iface_65536,
    'long-control-lines.pcap': long_control_lines,
    'control-gaps.pcap': control_gaps,
    'tunnels-5.pcap': tunnels_5,
    'ftps-25-data.pcap': ftps_25_data,
    'cut-control-25-data.pcap': cut_control_25_data,
    'tls-limits.pcap': tls_limits,
    'tls-limits.keys': tls_limits_keys,
    'keylog-limits.keys': keylog_limits_keys,
    'extract-101.pcap': extract_101,
    'gap-fill.pcap': gap_fill,
}


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    if argv[1:2] == ['--list']:
        print('\n'.join(INPUTS))
        return
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    names = argv[2:] or list(INPUTS)
    # Inputs made by another version of this script are made again.
    with open(os.path.abspath(__file__), 'rb') as f:
        version = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(out, '.made-by')
    if not os.path.exists(stamp) or open(stamp).read() != version:
        for name in INPUTS:
            if os.path.exists(os.path.join(out, name)):
                os.remove(os.path.join(out, name))
        with open(stamp, 'w') as f:
            f.write(version)
    for name in names:
        target = os.path.join(out, name)
        if os.path.exists(target):
            continue
        tmp = os.path.join(out, '.part-' + name)  # keeps the .gz ending Capture goes by
        INPUTS[name](tmp)
        os.replace(tmp, target)
        print(name, os.path.getsize(target))


if __name__ == '__main__':
    main(sys.argv)
