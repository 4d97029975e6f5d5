package dev.concierge.domain.testcasegeneration.application;

import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.Language;
import dev.concierge.domain.kernel.UserId;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ExportNotFound;
import dev.concierge.domain.testcasegeneration.model.ExportNotReady;
import dev.concierge.domain.testcasegeneration.model.ExportState;
import dev.concierge.domain.testcasegeneration.model.ExportTooLarge;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.out.SuiteDocuments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportServiceTest {
    private static final Actor ALICE = new Actor(new UserId("alice"), Set.of("qa"));
    private static final Actor BOB = new Actor(new UserId("bob"), Set.of("qa"));
    private static final Actor OUTSIDER = new Actor(new UserId("eve"), Set.of("web"));

    private final InMemoryPorts.MutableClock clock = new InMemoryPorts.MutableClock();
    private final InMemoryPorts.Suites suites = new InMemoryPorts.Suites();
    private final InMemoryPorts.TestCases cases = new InMemoryPorts.TestCases();
    private final InMemoryPorts.Exports exports = new InMemoryPorts.Exports();
    private final InMemoryPorts.Files files = new InMemoryPorts.Files();
    private final KeysDocument documents = new KeysDocument();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final ExportService service = new ExportService(suites, cases, exports, documents, files, wakeUps::incrementAndGet, clock);
    private final Suite suite = suites.create(new NewSuite("Login", ""), "qa", ALICE.user(), clock.instant());

    /** Writes one line per case key, and remembers when it wrote. */
    static final class KeysDocument implements SuiteDocuments {
        boolean failing;

        @Override public String contentType(ExportFormat format) { return "text/plain"; }

        @Override public void write(SuiteExport export, ExportFormat format, Language language, OutputStream out) throws IOException {
            if (failing) throw new IOException("disk full");
            List<String> keys = new ArrayList<>();
            export.cases().forEach(c -> keys.add(c.content().key().value()));
            out.write((format.wireName() + "/" + language.tag() + ":" + String.join(",", keys)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void addCases(int count) { addCases(1, count); }

    private void addCases(int from, int to) {
        for (int i = from; i <= to; i++) {
            cases.create(suite.id(), new TestCaseContent(new TestCaseKey("TC-%05d".formatted(i)), "Case " + i, "", "", "", "",
                    Priority.MEDIUM, List.of()), clock.instant());
        }
    }

    @Test void a_queued_export_wakes_the_workers_and_becomes_ready_with_its_file() throws IOException {
        addCases(3);

        ExportJob queued = service.startExport(ALICE, suite.id(), ExportFormat.MARKDOWN, Language.EN);
        assertThat(queued.state()).isEqualTo(ExportState.QUEUED);
        assertThat(wakeUps).hasValue(1);

        assertThat(service.runNext()).isTrue();
        ExportJob ready = service.exportJob(BOB, queued.id());
        assertThat(ready.state()).isEqualTo(ExportState.READY);
        assertThat(ready.caseCount()).isEqualTo(3);
        try (var file = service.download(BOB, queued.id()).file()) {
            assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("md/en:TC-00001,TC-00002,TC-00003");
            assertThat(file.size()).isEqualTo(ready.sizeBytes());
        }
        assertThat(service.runNext()).isFalse();
    }

    @Test void the_cases_of_a_large_suite_are_read_page_by_page_in_key_order() {
        addCases(ExportService.PAGE * 2 + 7);
        ExportJob queued = service.startExport(ALICE, suite.id(), ExportFormat.CSV, Language.JA);

        service.runNext();

        assertThat(cases.pagesRead).isEqualTo(3);
        String written = new String(files.stored.values().iterator().next(), StandardCharsets.UTF_8);
        assertThat(written).startsWith("csv/ja:TC-00001,TC-00002").endsWith("TC-00407");
        assertThat(service.exportJob(ALICE, queued.id()).caseCount()).isEqualTo(407);
    }

    @Test void an_export_is_not_visible_outside_the_suites_team() {
        ExportJob queued = service.startExport(ALICE, suite.id(), ExportFormat.CSV, Language.JA);
        service.runNext();

        assertThatThrownBy(() -> service.exportJob(OUTSIDER, queued.id())).isInstanceOf(ExportNotFound.class);
        assertThatThrownBy(() -> service.download(OUTSIDER, queued.id())).isInstanceOf(ExportNotFound.class);
        assertThatThrownBy(() -> service.startExport(OUTSIDER, suite.id(), ExportFormat.CSV, Language.JA))
                .isInstanceOf(dev.concierge.domain.testcasegeneration.model.SuiteNotFound.class);
    }

    @Test void an_export_not_yet_made_cannot_be_downloaded() {
        ExportJob queued = service.startExport(ALICE, suite.id(), ExportFormat.XLSX, Language.JA);

        assertThatThrownBy(() -> service.download(ALICE, queued.id())).isInstanceOf(ExportNotReady.class).hasMessageContaining("queued");
    }

    @Test void a_failing_export_is_tried_again_then_given_up_with_its_reason() {
        documents.failing = true;
        ExportJob queued = service.startExport(ALICE, suite.id(), ExportFormat.CSV, Language.JA);

        for (int i = 0; i < ExportJob.MAX_ATTEMPTS; i++) assertThat(service.runNext()).isTrue();

        ExportJob failed = service.exportJob(ALICE, queued.id());
        assertThat(failed.state()).isEqualTo(ExportState.FAILED);
        assertThat(failed.attempts()).isEqualTo(ExportJob.MAX_ATTEMPTS);
        assertThat(failed.failure()).isPresent();
        assertThat(service.runNext()).isFalse();
        assertThat(files.stored).isEmpty();
    }

    @Test void an_export_whose_instance_died_is_claimed_again_once_its_lease_ends() {
        ExportJob queued = service.startExport(ALICE, suite.id(), ExportFormat.CSV, Language.JA);
        exports.claimNext(clock.instant(), clock.instant().plus(ExportService.LEASE), ExportJob.MAX_ATTEMPTS); // claimed, then the instance died

        assertThat(service.runNext()).isFalse();
        clock.advance(ExportService.LEASE.plus(Duration.ofSeconds(1)));
        assertThat(service.runNext()).isTrue();

        assertThat(service.exportJob(ALICE, queued.id()).state()).isEqualTo(ExportState.READY);
    }

    @Test void a_direct_export_serves_suites_up_to_the_limit_and_refuses_larger_ones() {
        addCases(3);
        assertThat(service.export(ALICE, suite.id()).caseCount()).isEqualTo(3);

        addCases(4, ExportProceduresUseCase.DIRECT_LIMIT + 1);

        assertThatThrownBy(() -> service.export(ALICE, suite.id())).isInstanceOf(ExportTooLarge.class)
                .hasMessageContaining("/exports");
    }
}
