package dev.concierge.adapter.http.alpha;

import dev.langchain4j.model.chat.ChatModel;

/** Fixture, violates rule 4 on purpose: langchain4j outside the llm adapter. */
public final class HttpUsesLangchain4j {
    ChatModel model;
}
