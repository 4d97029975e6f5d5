package dev.concierge.bootstrap;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English a Japanese user would meet on a page: runs of Latin words in everything a person can read or hear
 * (body text, title, placeholders, aria-labels, tooltips, alt texts, button values, select options) that are not
 * data. The caller names the data — what the test typed, proper and product names — in {@code allowed}; URLs,
 * e-mail addresses, tokens holding digits (ids, codes such as {@code TC-001}, versions) and all-capital acronyms
 * ({@code CSV}, {@code XLSX}, {@code API}) count as data everywhere. Single letters are ignored.
 *
 * <pre>{@code
 * assertThat(UntranslatedText.englishIn(driver, Set.of("Login works", "Markdown"))).as("suite page").isEmpty();
 * }</pre>
 */
public final class UntranslatedText {
    /** Everything a reader or a screen reader meets, newline-separated; hidden inputs carry no text for people. */
    private static final String VISIBLE_TEXT_SCRIPT = """
            const out = [document.title, document.body ? document.body.innerText : ''];
            document.querySelectorAll('[placeholder],[aria-label],[title],[alt],[aria-description]').forEach(e => {
              for (const a of ['placeholder', 'aria-label', 'title', 'alt', 'aria-description']) {
                const v = e.getAttribute(a);
                if (v) out.push(v);
              }
            });
            document.querySelectorAll('input[type=submit],input[type=button],input[type=reset]')
              .forEach(e => out.push(e.value));
            document.querySelectorAll('option').forEach(e => out.push(e.textContent));
            return out.join('\\n');
            """;

    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp|file)://\\S+|\\bwww\\.\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** A whitespace-delimited chunk holding an ASCII digit and a Latin letter: an id, a code, a version. */
    private static final Pattern CODE = Pattern.compile("\\S*(?:\\d\\S*[A-Za-z]|[A-Za-z]\\S*\\d)\\S*");
    /** All-capital acronyms (CSV, XLSX, API, OK) are used as-is in Japanese text. */
    private static final Pattern ACRONYM = Pattern.compile("(?<![A-Za-z])[A-Z]{2,6}s?(?![A-Za-z])");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’_-]*[A-Za-z]");
    /** Words joined by spaces, figures and light punctuation on one line form one run: "line 4: title" is one finding. */
    private static final Pattern RUN = Pattern.compile(
            "[A-Za-z][A-Za-z'’_-]*(?:[ \\t\\u00a0,.:;!?()/&\"'0-9-]+[A-Za-z][A-Za-z'’_-]*)*");

    private UntranslatedText() {}

    /** The English runs on the page the driver shows now, in page order, each once. */
    public static List<String> englishIn(ChromeDriver driver, Set<String> allowed) {
        return englishIn(visibleText(driver), allowed);
    }

    /** The English runs in {@code text}, in order of appearance, each once; {@code allowed} strings are data. */
    public static List<String> englishIn(String text, Set<String> allowed) {
        String remaining = text;
        List<String> data = new ArrayList<>(allowed);
        data.add("Concierge");
        data.sort(Comparator.comparingInt(String::length).reversed()); // "Tokyo Tower" before "Tokyo"
        for (String value : data) {
            if (!value.isBlank()) remaining = remaining.replace(value, "\n");
        }
        remaining = URL.matcher(remaining).replaceAll("\n");
        remaining = EMAIL.matcher(remaining).replaceAll("\n");
        remaining = CODE.matcher(remaining).replaceAll("\n");
        remaining = ACRONYM.matcher(remaining).replaceAll("\n");
        Set<String> found = new LinkedHashSet<>();
        Matcher run = RUN.matcher(remaining);
        while (run.find()) {
            String candidate = run.group().strip();
            if (WORD.matcher(candidate).find()) found.add(candidate); // single letters are not English
        }
        return List.copyOf(found);
    }

    /** Japanese letters and the punctuation written with them, in runs: what an English page must not show but as data. */
    private static final Pattern JAPANESE = Pattern.compile(
            "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}ー々〆〇][\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}ー々〆〇、。「」『』（）・：！？～ 0-9A-Za-z]*");

    /**
     * The mirror of {@link #englishIn} for a page in English: runs of Japanese that are not data (what the test typed,
     * names; the language switch's "日本語" always is), in page order, each once.
     */
    public static List<String> japaneseIn(ChromeDriver driver, Set<String> allowed) {
        return japaneseIn(visibleText(driver), allowed);
    }

    public static List<String> japaneseIn(String text, Set<String> allowed) {
        String remaining = text;
        List<String> data = new ArrayList<>(allowed);
        data.add("日本語");
        data.sort(Comparator.comparingInt(String::length).reversed());
        for (String value : data) {
            if (!value.isBlank()) remaining = remaining.replace(value, "\n");
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher run = JAPANESE.matcher(remaining);
        while (run.find()) found.add(run.group().strip());
        return List.copyOf(found);
    }

    /** What a person can read or hear on the current page, for assertion messages and {@link #englishIn}. */
    public static String visibleText(ChromeDriver driver) {
        Object text = driver.executeScript(VISIBLE_TEXT_SCRIPT);
        return text == null ? "" : text.toString();
    }
}
