package org.ftpscope.ftp.model;

/** How a data channel was set up. Passive modes: the client connects; active: the server does. */
public enum DataMode {
    PASV(true), EPSV(true), LPSV(true), PORT(false), EPRT(false), LPRT(false);

    private final boolean passive;

    DataMode(boolean passive) { this.passive = passive; }

    public boolean passive() { return passive; }
}
