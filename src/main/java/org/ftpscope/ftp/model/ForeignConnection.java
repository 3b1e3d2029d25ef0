package org.ftpscope.ftp.model;

/**
 * A connection to a setup's data port from a host that is not the expected connector (a third
 * host taking a passive port, or racing for it): followed and reported, never the transfer.
 *
 * @param sha256FromClient SHA-256 of what the connecting host sent
 * @param sha256FromServer SHA-256 of what it received
 */
public record ForeignConnection(DataConnection connection, String sha256FromClient, String sha256FromServer) {}
