package dev.concierge.infrastructure;

import java.util.Objects;

/**
 * The model server the app talks to: its engine, the pinned image tag and the model it serves.
 *
 * @param imageTag the image tag (context {@code modelServerImageTag}); {@code latest} is refused, it would let two
 *                 instances run different servers
 */
public record ModelServer(LlmEngine engine, String imageTag, String model) {
    /** The Service Connect name the web tier reaches the model server by. */
    public static final String SERVICE_CONNECT_NAME = "model-server";

    public ModelServer {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(model, "model");
        if (imageTag.equals("latest")) {
            throw new IllegalArgumentException("modelServerImageTag: pin a release (the default is " + engine.pinnedTag()
                    + "); 'latest' lets two instances run different servers");
        }
    }
}
