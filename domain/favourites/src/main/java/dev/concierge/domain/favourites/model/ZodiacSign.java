package dev.concierge.domain.favourites.model;

import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.kernel.Language;

import java.time.MonthDay;
import java.util.Locale;

/** The twelve signs of the western zodiac, with their names in each language and their element. */
public enum ZodiacSign {
    ARIES("Aries", "牡羊座", Element.FIRE, MonthDay.of(3, 21), MonthDay.of(4, 19)),
    TAURUS("Taurus", "牡牛座", Element.EARTH, MonthDay.of(4, 20), MonthDay.of(5, 20)),
    GEMINI("Gemini", "双子座", Element.AIR, MonthDay.of(5, 21), MonthDay.of(6, 21)),
    CANCER("Cancer", "蟹座", Element.WATER, MonthDay.of(6, 22), MonthDay.of(7, 22)),
    LEO("Leo", "獅子座", Element.FIRE, MonthDay.of(7, 23), MonthDay.of(8, 22)),
    VIRGO("Virgo", "乙女座", Element.EARTH, MonthDay.of(8, 23), MonthDay.of(9, 22)),
    LIBRA("Libra", "天秤座", Element.AIR, MonthDay.of(9, 23), MonthDay.of(10, 23)),
    SCORPIO("Scorpio", "蠍座", Element.WATER, MonthDay.of(10, 24), MonthDay.of(11, 22)),
    SAGITTARIUS("Sagittarius", "射手座", Element.FIRE, MonthDay.of(11, 23), MonthDay.of(12, 21)),
    CAPRICORN("Capricorn", "山羊座", Element.EARTH, MonthDay.of(12, 22), MonthDay.of(1, 19)),
    AQUARIUS("Aquarius", "水瓶座", Element.AIR, MonthDay.of(1, 20), MonthDay.of(2, 18)),
    PISCES("Pisces", "魚座", Element.WATER, MonthDay.of(2, 19), MonthDay.of(3, 20));

    public enum Element { FIRE, EARTH, AIR, WATER }

    private final String englishName;
    private final String japaneseName;
    private final Element element;
    private final MonthDay from;
    private final MonthDay to;

    ZodiacSign(String englishName, String japaneseName, Element element, MonthDay from, MonthDay to) {
        this.englishName = englishName;
        this.japaneseName = japaneseName;
        this.element = element;
        this.from = from;
        this.to = to;
    }

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public String displayName(Language language) {
        return language == Language.JA ? japaneseName : englishName;
    }

    public Element element() { return element; }

    public MonthDay from() { return from; }

    public MonthDay to() { return to; }

    public static ZodiacSign parse(String value) {
        if (value != null) {
            for (ZodiacSign sign : values()) if (sign.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) return sign;
        }
        throw InvalidInput.field("sign", Validation.ONE_OF, "aries, taurus, gemini, cancer, leo, virgo, libra, scorpio, "
                + "sagittarius, capricorn, aquarius, pisces");
    }
}
