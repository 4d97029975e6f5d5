package dev.concierge.adapter.file.tripsupport;

import dev.concierge.domain.tripsupport.model.TravelTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TableTravelTimesTest {
    final TableTravelTimes table = TableTravelTimes.builtIn(60);

    @Test void two_listed_cities_take_the_tables_time_in_either_direction() {
        assertThat(table.between("東京都千代田区丸の内1-1", "大阪市北区梅田3-1")).isEqualTo(new TravelTime(Duration.ofMinutes(160), TravelTime.Basis.TABLE));
        assertThat(table.between("Umeda, Osaka", "Marunouchi, Tokyo")).isEqualTo(new TravelTime(Duration.ofMinutes(160), TravelTime.Basis.TABLE));
    }

    @Test void districts_of_one_city_take_the_same_city_time() {
        assertThat(table.between("新宿駅", "品川駅")).isEqualTo(new TravelTime(Duration.ofMinutes(30), TravelTime.Basis.SAME_CITY));
    }

    @Test void the_same_place_written_differently_in_width_or_case_is_no_travel() {
        assertThat(table.between("ＯＳＡＫＡ  Umeda", "osaka umeda")).isEqualTo(TravelTime.none());
    }

    @Test void the_longest_name_picks_the_city() {
        assertThat(table.between("新横浜駅", "名古屋駅")).isEqualTo(new TravelTime(Duration.ofMinutes(95), TravelTime.Basis.TABLE));
    }

    @Test void known_cities_the_table_does_not_pair_go_by_distance_at_the_fallback_speed() {
        TravelTime sendaiKanazawa = table.between("仙台", "金沢");
        assertThat(sendaiKanazawa.basis()).isEqualTo(TravelTime.Basis.DISTANCE);
        // about 420 km apart: some seven hours at 60 km/h, half that at 120
        assertThat(sendaiKanazawa.duration()).isBetween(Duration.ofMinutes(400), Duration.ofMinutes(440));
        assertThat(TableTravelTimes.builtIn(120).between("仙台", "金沢").duration()).isBetween(Duration.ofMinutes(200), Duration.ofMinutes(220));
    }

    @Test void a_place_in_no_known_city_gets_the_same_city_time_marked_as_assumed() {
        assertThat(table.between("Acme HQ", "大阪")).isEqualTo(new TravelTime(Duration.ofMinutes(30), TravelTime.Basis.ASSUMED));
    }
}
