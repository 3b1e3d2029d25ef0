package org.ftpscope.capture;

/** One capture interface (a pcap file has one; pcapng one per IDB, across all sections). */
public record CaptureInterface(int id, int linkType, int snapLength, String name) {}
