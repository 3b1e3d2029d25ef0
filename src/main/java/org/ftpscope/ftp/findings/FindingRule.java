package org.ftpscope.ftp.findings;

/**
 * One diagnosis, or a family of related ones, derived from what the analysis established: facts
 * in, findings out, nothing else. Every rule is registered once, in {@link FindingRules#ALL}.
 */
public sealed interface FindingRule permits SessionRule, PatternRule {}
