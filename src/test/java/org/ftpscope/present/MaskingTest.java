package org.ftpscope.present;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MaskingTest {
    @Test
    void onlyPassArgumentsArePasswords() {
        assertEquals("********", Masking.MASKED.argument("pass", "s3cret"));
        assertEquals("s3cret", Masking.SHOWN.argument("PASS", "s3cret"));
        assertEquals("ftpuser", Masking.MASKED.argument("USER", "ftpuser"));
        assertEquals("********", Masking.MASKED.argument("PASS", ""), "an empty password is not told apart from a masked one");
        assertNull(Masking.MASKED.password(null));
        assertNull(Masking.MASKED.argument(null, null));
    }
}
