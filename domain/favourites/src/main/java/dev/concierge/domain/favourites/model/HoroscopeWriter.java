package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.Language;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a sign's daily horoscope offline. Every choice is drawn from bits of a stable hash of (sign, date), so
 * the same pair always reads the same, in every language, on every instance, without any external service.
 * English and Japanese tables are parallel: the same bits pick the same meaning in both.
 */
public final class HoroscopeWriter {

    private record Phrase(String en, String ja) {
        String in(Language language) { return language == Language.JA ? ja : en; }
    }

    private static final List<Phrase> FIRE = List.of(
            new Phrase("Your energy runs high today and people notice it.", "今日はエネルギーに満ちあふれ、周りの人もそれに気づきます。"),
            new Phrase("A spark of confidence carries you further than you planned.", "ひらめきと自信が、予定以上の成果へと導いてくれます。"),
            new Phrase("You feel like starting something new, and the timing is right.", "何か新しいことを始めたくなる日。タイミングも味方しています。"),
            new Phrase("Impatience is your only real obstacle today.", "今日の本当の障害は、あなた自身の焦りだけです。"));
    private static final List<Phrase> EARTH = List.of(
            new Phrase("Steady work pays off in a visible way today.", "地道な努力が、目に見える形で報われる日です。"),
            new Phrase("You see clearly what matters and what can wait.", "大切なことと後回しにできることが、はっきり見えてきます。"),
            new Phrase("A practical choice made today saves you trouble next week.", "今日の現実的な判断が、来週の手間を省いてくれます。"),
            new Phrase("Comfort and routine give you the strength you need.", "いつもの習慣と心地よさが、必要な力を与えてくれます。"));
    private static final List<Phrase> AIR = List.of(
            new Phrase("Ideas come quickly today; catch the best ones.", "アイデアが次々と浮かぶ日。良いものを逃さずにつかみましょう。"),
            new Phrase("A conversation opens a door you had not noticed.", "ある会話が、気づかなかった扉を開いてくれます。"),
            new Phrase("Curiosity leads you somewhere useful.", "好奇心が、思いがけず役に立つ場所へ導いてくれます。"),
            new Phrase("You balance several things at once with surprising ease.", "いくつものことを、驚くほど軽やかにこなせます。"));
    private static final List<Phrase> WATER = List.of(
            new Phrase("Your intuition is sharper than usual today.", "今日はいつもより直感が冴えています。"),
            new Phrase("Someone close needs your patience, and it is well spent.", "身近な人があなたの忍耐を必要としています。その時間は報われます。"),
            new Phrase("A quiet moment brings an answer you were looking for.", "静かなひとときが、探していた答えを運んできます。"),
            new Phrase("Feelings run deep today; let them guide, not decide.", "感情が深まる日。決めるのではなく、道しるべにしましょう。"));
    private static final List<Phrase> FOCUS = List.of(
            new Phrase("At work, a conversation you have been postponing goes better than you expect.", "仕事では、先延ばしにしていた話し合いが予想以上にうまく進みます。"),
            new Phrase("In money matters, a small saving now adds up sooner than you think.", "金運面では、今の小さな節約が思ったより早く実を結びます。"),
            new Phrase("In love, a simple message means more than a grand gesture.", "恋愛では、大げさな演出よりも素直なひと言が心に届きます。"),
            new Phrase("For your health, a short walk clears your head.", "健康面では、短い散歩が頭をすっきりさせてくれます。"),
            new Phrase("With friends, an old plan finally comes together.", "友人関係では、以前からの計画がようやく形になります。"),
            new Phrase("At home, tidying one corner brings surprising calm.", "家庭では、一か所を片づけるだけで驚くほど心が落ち着きます。"),
            new Phrase("In learning, a difficult topic suddenly makes sense.", "学びの面では、難しかったテーマが急に理解できるようになります。"),
            new Phrase("On the road, an unplanned stop turns out to be the best part.", "移動中の予定外の寄り道が、一番の収穫になります。"));
    private static final List<Phrase> ADVICE = List.of(
            new Phrase("Write down one idea before lunch and come back to it in the evening.", "昼までにアイデアを一つ書き留め、夕方に見直してみましょう。"),
            new Phrase("Say yes to the first invitation you receive.", "最初に受けた誘いには、ぜひ応じてみましょう。"),
            new Phrase("Finish one small task before starting a big one.", "大きな仕事の前に、小さな作業を一つ片づけましょう。"),
            new Phrase("Thank someone who helped you recently.", "最近助けてくれた人に、感謝を伝えましょう。"),
            new Phrase("Leave some space in your schedule for the unexpected.", "予定に余白を残して、思いがけない出来事に備えましょう。"),
            new Phrase("Trust your first impression, then check the details.", "第一印象を信じつつ、細部は確認しておきましょう。"),
            new Phrase("Drink more water and go to bed a little earlier.", "水分を多めにとり、いつもより少し早く休みましょう。"),
            new Phrase("Ask the question everyone else is avoiding.", "皆が避けている質問を、思い切って口にしてみましょう。"));
    private static final List<Phrase> COLOURS = List.of(
            new Phrase("red", "赤"), new Phrase("navy blue", "紺"), new Phrase("green", "緑"), new Phrase("gold", "金色"),
            new Phrase("white", "白"), new Phrase("orange", "オレンジ"), new Phrase("purple", "紫"), new Phrase("silver", "銀色"));

    private HoroscopeWriter() {}

    public static Horoscope write(ZodiacSign sign, LocalDate date, Language language) {
        long bits = StableMix.of(date.toEpochDay(), 0x2545F4914F6CDD1DL * (sign.ordinal() + 1));
        Phrase mood = pick(moods(sign.element()), bits);
        Phrase focus = pick(FOCUS, bits >>> 8);
        Phrase advice = pick(ADVICE, bits >>> 16);
        Phrase colour = pick(COLOURS, bits >>> 24);
        int luckyNumber = (int) Math.floorMod(bits >>> 32, 99L) + 1;
        int rating = (int) Math.floorMod(bits >>> 48, 5L) + 1;
        String separator = language == Language.JA ? "" : " ";
        String text = String.join(separator, mood.in(language), focus.in(language), advice.in(language));
        return new Horoscope(sign, date, language, sign.displayName(language), text, colour.in(language), luckyNumber, rating);
    }

    private static List<Phrase> moods(ZodiacSign.Element element) {
        return switch (element) {
            case FIRE -> FIRE;
            case EARTH -> EARTH;
            case AIR -> AIR;
            case WATER -> WATER;
        };
    }

    private static Phrase pick(List<Phrase> phrases, long bits) {
        return phrases.get((int) Math.floorMod(bits, (long) phrases.size()));
    }
}
