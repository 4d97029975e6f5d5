package dev.concierge.domain.testcasegeneration.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The fingerprint of an acceptance criterion's wording. Width (ＡＢＣ/ABC), surrounding space and runs of spaces or
 * line breaks do not count as a change: a re-import from another spreadsheet must not make every case stale.
 */
public final class ContentHash {
    private ContentHash() {}

    public static String of(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
