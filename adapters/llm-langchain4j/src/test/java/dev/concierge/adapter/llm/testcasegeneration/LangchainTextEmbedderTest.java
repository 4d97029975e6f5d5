package dev.concierge.adapter.llm.testcasegeneration;

import dev.concierge.adapter.llm.LlmConfig;
import dev.concierge.adapter.llm.LlmWireFixture;
import dev.concierge.domain.testcasegeneration.model.Similarity;
import dev.concierge.domain.testcasegeneration.port.out.TextEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedder against a server speaking Ollama's /api/embed and OpenAI's /v1/embeddings. */
class LangchainTextEmbedderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ParameterizedTest @EnumSource(LlmConfig.Provider.class)
    void texts_come_back_as_one_vector_each_in_order_from_the_configured_embedding_model(LlmConfig.Provider provider) {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            var embedder = LangchainTextEmbedder.from(llm.config(provider, "qwen2.5:7b", TIMEOUT), "bge-m3");

            List<float[]> vectors = embedder.embed(List.of("パスワードでログインする", "パスワードでログインする。", "月次レポートを出力する"));

            assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(64));
            assertThat(Similarity.cosine(vectors.get(0), vectors.get(1))).isGreaterThan(0.85);
            assertThat(Similarity.cosine(vectors.get(0), vectors.get(2))).isLessThan(0.6);
            var request = llm.requests().getLast();
            assertThat(request.path()).isEqualTo(provider == LlmConfig.Provider.OLLAMA ? "/api/embed" : "/v1/embeddings");
            assertThat(request.json().get("model").asText()).isEqualTo("bge-m3");
            assertThat(request.json().get("input")).hasSize(3);
            assertThat(embedder.model()).isEqualTo("bge-m3");
        }
    }

    @Test void auto_picks_a_multilingual_embedding_model_of_each_provider() {
        assertThat(LangchainTextEmbedder.modelName(LlmConfig.Provider.OLLAMA, "auto")).isEqualTo("bge-m3");
        assertThat(LangchainTextEmbedder.modelName(LlmConfig.Provider.OPENAI, "")).isEqualTo("text-embedding-3-small");
        assertThat(LangchainTextEmbedder.modelName(LlmConfig.Provider.OLLAMA, " nomic-embed-text ")).isEqualTo("nomic-embed-text");
    }

    @Test void a_server_error_is_unavailable_with_words_a_person_can_act_on() {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            llm.failEmbeddings(500);
            var embedder = LangchainTextEmbedder.from(llm.config(LlmConfig.Provider.OLLAMA, "qwen2.5:7b", TIMEOUT), "auto");
            assertThatThrownBy(() -> embedder.embed(List.of("a"))).isInstanceOf(TextEmbedder.EmbeddingUnavailable.class)
                    .hasMessageContaining(llm.ollamaBaseUrl().toString()).hasMessageContaining("500");
        }
    }

    @Test void a_missing_embedding_model_names_the_setting_to_change() {
        try (LlmWireFixture llm = LlmWireFixture.start()) {
            llm.failEmbeddings(404);
            var embedder = LangchainTextEmbedder.from(llm.config(LlmConfig.Provider.OLLAMA, "qwen2.5:7b", TIMEOUT), "bge-m3");
            assertThatThrownBy(() -> embedder.embed(List.of("a"))).isInstanceOf(TextEmbedder.EmbeddingUnavailable.class)
                    .hasMessageContaining("GENERATION_EMBEDDING_MODEL").hasMessageContaining("ollama pull bge-m3");
        }
    }

    @Test void with_nothing_listening_it_is_unavailable_not_a_crash() {
        var config = new LlmConfig(LlmConfig.Provider.OLLAMA, URI.create("http://127.0.0.1:9"), "qwen2.5:7b", Optional.empty(),
                URI.create("https://api.openai.com/v1"), "gpt-4o-mini", TIMEOUT);
        assertThatThrownBy(() -> LangchainTextEmbedder.from(config, "auto").embed(List.of("a")))
                .isInstanceOf(TextEmbedder.EmbeddingUnavailable.class).hasMessageContaining("http://127.0.0.1:9");
    }
}
