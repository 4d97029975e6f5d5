package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.BadRequest;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.testcasegeneration.RequirementViews.CoverageView;
import dev.concierge.adapter.http.testcasegeneration.RequirementViews.RegeneratedView;
import dev.concierge.adapter.http.testcasegeneration.RequirementViews.RequirementImportView;
import dev.concierge.adapter.http.testcasegeneration.RequirementViews.RequirementView;
import dev.concierge.adapter.http.testcasegeneration.RequirementViews.SettingsRequest;
import dev.concierge.adapter.http.testcasegeneration.RequirementViews.SettingsView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.TestCaseView;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.kernel.Validation;
import dev.concierge.domain.testcasegeneration.model.GlossaryEntry;
import dev.concierge.domain.testcasegeneration.model.RequirementId;
import dev.concierge.domain.testcasegeneration.model.SuiteGuidance;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportRequirementsCommand;
import dev.concierge.domain.testcasegeneration.port.in.ManageRequirementsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuiteSettingsUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.UpdateSuiteSettingsCommand;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The requirements API: import requirements (CSV, XLSX, Markdown), read them with their traced cases, generate cases
 * from one, regenerate its stale cases, the suite's coverage (JSON or XLSX); and the suite's versioned settings.
 */
public final class RequirementRoutes implements RouteGroup {
    static final int MAX_IMPORT_BYTES = TestCaseGenerationRoutes.MAX_IMPORT_BYTES;

    private final ManageSuitesUseCase suites;
    private final ManageRequirementsUseCase requirements;
    private final ManageSuiteSettingsUseCase settings;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    public RequirementRoutes(ManageSuitesUseCase suites, ManageRequirementsUseCase requirements, ManageSuiteSettingsUseCase settings,
                             CurrentUser currentUser, ObjectMapper mapper, ZoneId zone) {
        this.suites = suites;
        this.requirements = requirements;
        this.settings = settings;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
    }

    @Override public List<LargeBody> largeBodies() {
        return List.of(new LargeBody("/api/suites/[^/]+/requirements/imports", MAX_IMPORT_BYTES + 64 * 1024));
    }

    @Override public void register(RoutesConfig routes) {
        routes.post("/api/suites/{id}/requirements/imports", this::importRequirements);
        routes.get("/api/suites/{id}/requirements", ctx -> {
            var texts = TestCaseGenerationRoutes.texts(ctx);
            ctx.json(ListView.page(requirements.list(actor(ctx), TestCaseGenerationRoutes.suiteId(ctx)).stream()
                    .map(d -> RequirementView.of(d, zone, texts)).toList(), Params.page(ctx)));
        });
        routes.get("/api/requirements/{id}", ctx -> ctx.json(RequirementView.of(requirements.get(actor(ctx), requirementId(ctx)), zone,
                TestCaseGenerationRoutes.texts(ctx))));
        // Deleting keeps the cases (they become cases with no requirement); nothing of theirs is lost, so no 409.
        routes.delete("/api/requirements/{id}", ctx -> {
            requirements.delete(actor(ctx), requirementId(ctx));
            ctx.status(204);
        });
        routes.post("/api/requirements/{id}/generate", LongRunning.handler(this::generate), LlmRoutes.ROLE);
        routes.post("/api/requirements/{id}/regenerate", LongRunning.handler(ctx -> ctx.json(RegeneratedView.of(
                requirements.regenerateStale(actor(ctx), requirementId(ctx)), zone, TestCaseGenerationRoutes.texts(ctx)))), LlmRoutes.ROLE);
        routes.get("/api/suites/{id}/coverage", this::coverage);

        routes.get("/api/suites/{id}/settings", ctx -> ctx.json(SettingsView.of(settings.current(actor(ctx),
                TestCaseGenerationRoutes.suiteId(ctx)), zone)));
        routes.put("/api/suites/{id}/settings", this::updateSettings);
        routes.get("/api/suites/{id}/settings/versions", ctx -> ctx.json(ListView.page(settings.versions(actor(ctx),
                TestCaseGenerationRoutes.suiteId(ctx)).stream().map(s -> SettingsView.of(s, zone)).toList(), Params.page(ctx))));
    }

    private void importRequirements(Context ctx) throws IOException {
        SuiteId suite = TestCaseGenerationRoutes.suiteId(ctx);
        // Another team's suite is not found before its file is judged: a 400 about the file would tell it exists.
        suites.get(actor(ctx), suite);
        Upload upload = upload(ctx);
        var read = RequirementFileReader.read(upload.bytes(), RequirementFileReader.Format.of(upload.name(), upload.type(), upload.bytes()));
        var report = requirements.importRequirements(valid(() -> new ImportRequirementsCommand(actor(ctx), suite, read)));
        ctx.status(report.count(dev.concierge.domain.testcasegeneration.model.RequirementImport.Result.CREATED) > 0 ? 201 : 200)
                .json(RequirementImportView.of(report, TestCaseGenerationRoutes.texts(ctx)));
    }

    private void generate(Context ctx) {
        var texts = TestCaseGenerationRoutes.texts(ctx);
        List<TestCase> created = requirements.generateCases(actor(ctx), requirementId(ctx));
        ctx.status(201).json(ListView.of(created.stream().map(c -> TestCaseView.of(c, zone, texts)).toList()));
    }

    private void coverage(Context ctx) throws IOException {
        SuiteId suite = TestCaseGenerationRoutes.suiteId(ctx);
        var matrix = requirements.coverage(actor(ctx), suite);
        var texts = TestCaseGenerationRoutes.texts(ctx);
        String format = Params.text(ctx, "format").orElse("json").toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> ctx.json(CoverageView.of(matrix, texts));
            case "xlsx" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"coverage-suite-" + suite.value() + ".xlsx\"");
                ctx.res().setCharacterEncoding(null); // binary: no charset
                ctx.contentType(CoverageWorkbook.CONTENT_TYPE);
                try (OutputStream out = ctx.outputStream()) {
                    CoverageWorkbook.write(matrix, texts, out);
                }
            }
            default -> throw Params.invalid("format", Validation.ONE_OF, "json, xlsx");
        }
    }

    private void updateSettings(Context ctx) {
        SuiteId suite = TestCaseGenerationRoutes.suiteId(ctx);
        SettingsRequest body = Json.read(ctx, mapper, SettingsRequest.class);
        if (body.version() == null) throw Params.invalid("version", Validation.REQUIRED);
        Validation problems = new Validation();
        List<GlossaryEntry> glossary = new ArrayList<>();
        var entries = body.glossary() == null ? List.<RequirementViews.GlossaryEntryView>of() : body.glossary();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            problems.nested("glossary[" + i + "].", () -> new GlossaryEntry(entry == null ? null : entry.term(), entry == null ? null : entry.meaning()))
                    .ifPresent(glossary::add);
        }
        List<String> examples = body.examples() == null ? List.of() : body.examples();
        problems.check(examples.stream().noneMatch(java.util.Objects::isNull), "examples", Params.NO_NULLS);
        Optional<SuiteGuidance> guidance = problems.nested("", () -> new SuiteGuidance(glossary,
                examples.stream().filter(java.util.Objects::nonNull).toList(), body.instructions()));
        if (!problems.isValid()) throw BadRequest.of(problems.errors());
        ctx.json(SettingsView.of(settings.update(valid(() -> new UpdateSuiteSettingsCommand(actor(ctx), suite, guidance.orElseThrow(),
                body.version()))), zone));
    }

    private record Upload(byte[] bytes, String name, String type) {}

    /** The file as the body (its Content-Type says the format) or as the part {@code file} of a form upload. */
    private static Upload upload(Context ctx) throws IOException {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile("file");
            } catch (Exception malformed) { // Jetty's parser refuses a broken body; its text is for us, not the user
                ctx.header("Connection", "close");
                throw BadRequest.of(List.of(FieldError.of("file", "not_multipart")));
            }
            if (file == null) throw Params.invalid("file", "no_file_part");
            try (InputStream in = file.content()) {
                return new Upload(limited(in), file.filename(), file.contentType());
            }
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = limited(in);
            if (bytes.length == 0) throw Params.invalid("file", Validation.BLANK);
            return new Upload(bytes, "", type);
        }
    }

    private static byte[] limited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
        if (bytes.length > MAX_IMPORT_BYTES) throw Params.invalid("file", "too_large", MAX_IMPORT_BYTES / (1024 * 1024));
        return bytes;
    }

    private Actor actor(Context ctx) { return currentUser.actor(ctx); }

    static RequirementId requirementId(Context ctx) { return valid(() -> RequirementId.parse(ctx.pathParam("id"))); }

    private static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInput invalid) {
            throw BadRequest.of(invalid);
        }
    }
}
