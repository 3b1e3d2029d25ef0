package org.ftpscope.tcp;

public enum Direction {
    CLIENT_TO_SERVER, SERVER_TO_CLIENT;

    public Direction opposite() { return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER; }
}
