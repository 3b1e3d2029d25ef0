package org.ftpscope.cli;

import org.ftpscope.decode.Ascii;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Numbers on the command line in ASCII digits only, as everywhere in ftpscope: picocli's own
 * converter (Integer.valueOf) would take "١" (Arabic-Indic one) as frame 1.
 */
final class AsciiInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            return Ascii.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
    }
}
