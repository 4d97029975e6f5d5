package dev.concierge.domain.testcasegeneration.port.out;

import java.util.List;

/** Turns texts into embedding vectors with the configured provider's embedding model. */
public interface TextEmbedder {
    /** The embedding model's name, stored beside each vector: vectors of another model are embedded again. */
    String model();

    /**
     * One vector per text, in order.
     * @throws EmbeddingUnavailable when the model cannot be reached or refuses (the message says what to start or set)
     */
    List<float[]> embed(List<String> texts);

    final class EmbeddingUnavailable extends RuntimeException {
        public EmbeddingUnavailable(String message) { super(message); }
    }
}
