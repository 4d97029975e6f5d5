package dev.concierge.domain.kernel;

/** The file store (a bucket, a directory) cannot be read or written now; the message says what to check. */
public final class FilesUnavailable extends Unavailable {
    public FilesUnavailable(String message) { super("files_unavailable", message); }
}
