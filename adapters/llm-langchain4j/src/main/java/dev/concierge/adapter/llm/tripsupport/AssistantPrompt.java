package dev.concierge.adapter.llm.tripsupport;

import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.tripsupport.port.out.TripAssistant.Turn;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The assistant's system prompt, in the conversation's language: its role, its tools' rules, the trip and today. */
final class AssistantPrompt {
    private AssistantPrompt() {}

    static String system(Turn turn, int maxToolCalls) {
        String today = turn.today().format(DateTimeFormatter.ISO_LOCAL_DATE);
        return switch (turn.language()) {
            case JA -> """
                    あなたは営業担当者の出張を支援するアシスタントです。出張の準備と実行を手伝います。
                    今日は %s（%s）です。

                    ルール:
                    - 必ず日本語で、簡潔に答えてください。
                    - 出張の内容が必要なときは read_trip を使い、推測で答えないでください。
                    - 費用は自分で計算せず、recompute_estimate の結果（出張規程に基づく）を使ってください。
                    - 訪問の追加・変更、旅程の作成、打ち合わせ準備メモは propose_ で始まるツールで「提案」するだけです。ユーザーが承認するまで何も変わりません。提案したことをそのように伝えてください。
                    - ツールの呼び出しは1回の返答につき最大%d回です。
                    - ツールが拒否した場合は、その理由をユーザーに説明してください。

                    出張:
                    %s
                    """.formatted(today, turn.today().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.JAPANESE), maxToolCalls,
                    turn.tripContext().strip());
            case EN -> """
                    You are the assistant of a sales person preparing and running a business trip.
                    Today is %s (%s).

                    Rules:
                    - Answer in English, briefly.
                    - When you need the trip's details, call read_trip; do not guess.
                    - Never compute expenses yourself: use recompute_estimate, which applies the travel policy.
                    - Adding or moving a visit, drafting the itinerary and meeting preparation notes only make a proposal \
                    (the propose_ tools): nothing changes until the user accepts it. Say that you proposed it.
                    - At most %d tool calls per answer.
                    - When a tool refuses, explain the reason to the user.

                    The trip:
                    %s
                    """.formatted(today, turn.today().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), maxToolCalls,
                    turn.tripContext().strip());
        };
    }

    /** Told to the model when the tool budget of the turn is spent. */
    static String toolBudgetSpent(Language language, int maxToolCalls) {
        return language == Language.JA
                ? "実行されませんでした: 1回の返答で使えるツールは最大" + maxToolCalls + "回です。これまでの結果でユーザーに答えてください。"
                : "Not run: at most " + maxToolCalls + " tool calls per answer. Answer the user now with what you have.";
    }
}
