package org.ftpscope.ftp.model;

import org.ftpscope.decode.IpAddr;

/**
 * What a PASV/EPSV/LPSV reply or PORT/EPRT/LPRT command names.
 *
 * @param ip       the address, or null where the syntax carries none (EPSV)
 * @param portMath how the port is written, e.g. {@code 158*256+67 = 40515}, or just the port
 */
public record SetupAddress(IpAddr ip, int port, String portMath) {}
