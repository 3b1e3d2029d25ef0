package org.ftpscope.capture;

/** The container format, detected from the file's first bytes, never from its name. */
public enum CaptureFormat {
    PCAP("pcap"),
    PCAP_NANOSECOND("pcap-ns"),
    /** Alexey Kuznetzov's modified pcap (magic a1b2cd34): 8 more bytes per record header. */
    PCAP_MODIFIED("pcap-modified"),
    PCAPNG("pcapng");

    private final String label;

    CaptureFormat(String label) { this.label = label; }

    public String label() { return label; }
}
