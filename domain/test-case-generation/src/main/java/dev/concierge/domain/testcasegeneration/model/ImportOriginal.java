package dev.concierge.domain.testcasegeneration.model;

import java.util.Objects;

/** The file a person imported, exactly as uploaded: it is kept so what was imported can be looked up later. */
public record ImportOriginal(byte[] bytes, String contentType) {
    public ImportOriginal {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }
}
