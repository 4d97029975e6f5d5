package dev.concierge.infrastructure;

import java.util.Locale;

/**
 * The model server on the GPU, chosen by the CDK context {@code llmEngine}. Ollama is the default (seed 002); vLLM
 * batches concurrent requests continuously, many times Ollama's throughput under the generation workers' batch
 * load, and the app reaches it through its OpenAI-compatible provider.
 *
 * @param dockerHubImage the image on Docker Hub, pulled through the ECR pull-through cache
 * @param pinnedTag      the default image tag: a release, never {@code latest}, so every instance runs the same server
 * @param defaultModel   the model unless the context key {@code llmModel} says otherwise; the vLLM default is a 4-bit
 *                       AWQ build because a 7B model in 16-bit does not fit a T4's 16 GB (g4dn, the first fallback)
 * @param appProvider    the app's {@code LLM_PROVIDER} for this engine
 */
public enum LlmEngine {
    OLLAMA("ollama/ollama", "0.12.6", "qwen2.5:7b", 11434, "ollama", "/root/.ollama"),
    VLLM("vllm/vllm-openai", "v0.11.0", "Qwen/Qwen2.5-7B-Instruct-AWQ", 8000, "openai", "/root/.cache/huggingface");

    private final String dockerHubImage;
    private final String pinnedTag;
    private final String defaultModel;
    private final int port;
    private final String appProvider;
    private final String weightsPath;

    LlmEngine(String dockerHubImage, String pinnedTag, String defaultModel, int port, String appProvider, String weightsPath) {
        this.dockerHubImage = dockerHubImage;
        this.pinnedTag = pinnedTag;
        this.defaultModel = defaultModel;
        this.port = port;
        this.appProvider = appProvider;
        this.weightsPath = weightsPath;
    }

    public String dockerHubImage() { return dockerHubImage; }

    public String pinnedTag() { return pinnedTag; }

    public String defaultModel() { return defaultModel; }

    /** Where the server listens, in its task and behind its Service Connect name. */
    public int port() { return port; }

    public String appProvider() { return appProvider; }

    /** Where the server keeps downloaded weights: the shared model volume is mounted here. */
    public String weightsPath() { return weightsPath; }

    static LlmEngine named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ollama" -> OLLAMA;
            case "vllm" -> VLLM;
            default -> throw new IllegalArgumentException("CDK context llmEngine must be ollama or vllm, got '" + name + "'");
        };
    }
}
