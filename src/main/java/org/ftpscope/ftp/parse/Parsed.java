package org.ftpscope.ftp.parse;

/** A parser's answer: the value, or why the input is not one. Parsers never throw on bad input. */
public sealed interface Parsed<T> {
    record Ok<T>(T value) implements Parsed<T> {}

    record Invalid<T>(String reason) implements Parsed<T> {}

    static <T> Parsed<T> ok(T v) { return new Ok<>(v); }

    static <T> Parsed<T> invalid(String reason) { return new Invalid<>(reason); }
}
