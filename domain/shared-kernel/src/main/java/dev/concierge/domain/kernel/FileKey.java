package dev.concierge.domain.kernel;

import java.util.regex.Pattern;

/**
 * A stored file's name inside the store: segments of letters, digits, '.', '_' and '-' joined by '/'. No segment
 * may be '.' or '..', so a key never leaves the store's directory or prefix.
 */
public record FileKey(String value) {
    public static final int MAX_LENGTH = 512;
    /** (max): the field-error code for a key that is not such a name. */
    public static final String FILE_KEY = "file_key";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    public FileKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) throw invalid();
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) throw invalid();
        }
    }

    private static InvalidInput invalid() {
        return InvalidInput.field("fileKey", FILE_KEY, MAX_LENGTH);
    }

    @Override public String toString() { return value; }
}
