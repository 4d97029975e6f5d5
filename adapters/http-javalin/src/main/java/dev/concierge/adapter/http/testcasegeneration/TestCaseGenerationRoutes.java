package dev.concierge.adapter.http.testcasegeneration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.http.BadRequest;
import dev.concierge.adapter.http.EdgeTexts;
import dev.concierge.adapter.http.RequestLanguage;
import dev.concierge.adapter.http.Json;
import dev.concierge.adapter.http.ListView;
import dev.concierge.adapter.http.LlmRoutes;
import dev.concierge.adapter.http.LongRunning;
import dev.concierge.adapter.http.Params;
import dev.concierge.adapter.http.RouteGroup;
import dev.concierge.adapter.http.identity.CurrentUser;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BatchProgressView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BatchRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BatchStartedView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BulkApprovalRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BulkApprovalView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.CaseVersion;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.RenameSuiteRequest;
import dev.concierge.domain.testcasegeneration.model.CaseSort;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.BatchView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.CreateSuiteRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.ExportRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.ExportView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.ImportReportView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.ProcedureRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.RejectRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.RevisionView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.StepRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.SuiteView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.TestCaseRequest;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.TestCaseView;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.VersionRequest;
import dev.concierge.domain.kernel.Actor;
import dev.concierge.domain.kernel.FieldError;
import dev.concierge.domain.kernel.InvalidInput;
import dev.concierge.domain.testcasegeneration.model.Batch;
import dev.concierge.domain.testcasegeneration.model.BatchId;
import dev.concierge.domain.testcasegeneration.model.CaseStatus;
import dev.concierge.domain.testcasegeneration.model.ExportFormat;
import dev.concierge.domain.testcasegeneration.model.ExportId;
import dev.concierge.domain.testcasegeneration.model.ExportJob;
import dev.concierge.domain.testcasegeneration.model.ImportOriginal;
import dev.concierge.domain.testcasegeneration.model.ImportReport;
import dev.concierge.domain.testcasegeneration.model.ImportMode;
import dev.concierge.domain.testcasegeneration.model.ImportOutcome;
import dev.concierge.domain.testcasegeneration.model.ImportRow;
import dev.concierge.adapter.http.testcasegeneration.TestCaseGenerationViews.ImportOutcomeView;
import dev.concierge.domain.testcasegeneration.model.NewSuite;
import dev.concierge.domain.testcasegeneration.model.Priority;
import dev.concierge.domain.testcasegeneration.model.Procedure;
import dev.concierge.domain.testcasegeneration.model.Suite;
import dev.concierge.domain.testcasegeneration.model.SuiteExport;
import dev.concierge.domain.testcasegeneration.model.SuiteId;
import dev.concierge.domain.testcasegeneration.model.TestCase;
import dev.concierge.domain.testcasegeneration.model.TestCaseContent;
import dev.concierge.domain.testcasegeneration.model.TestCaseId;
import dev.concierge.domain.testcasegeneration.model.TestCaseKey;
import dev.concierge.domain.testcasegeneration.model.TestCaseQuery;
import dev.concierge.domain.testcasegeneration.port.in.CreateSuiteCommand;
import dev.concierge.domain.testcasegeneration.port.in.ExportProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresCommand;
import dev.concierge.domain.testcasegeneration.port.in.GenerateProceduresUseCase;
import dev.concierge.domain.testcasegeneration.port.in.FindDuplicatesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ImportTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageSuitesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ManageTestCasesUseCase;
import dev.concierge.domain.testcasegeneration.port.in.ReviewProcedureUseCase;
import dev.concierge.domain.kernel.Validation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The test-case generation JSON API: suites, test cases, review actions, generation batches (with a live SSE
 * stream of their progress), CSV import (the original kept in the file store) and CSV/Markdown/XLSX export: directly
 * for suites up to {@link ExportProceduresUseCase#DIRECT_LIMIT} cases, as a background export with a download link
 * for any size.
 */
public final class TestCaseGenerationRoutes implements RouteGroup {
    /** Larger than the JSON limit: a suite of a few thousand cases with requirement text is a few MiB. */
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    private final ManageSuitesUseCase suites;
    private final ManageTestCasesUseCase cases;
    private final ImportTestCasesUseCase imports;
    private final ReviewProcedureUseCase review;
    private final GenerateProceduresUseCase generation;
    private final ExportProceduresUseCase exports;
    private final CurrentUser currentUser;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final BatchProgressStream stream;
    private final Optional<FindDuplicatesUseCase> duplicates;

    public TestCaseGenerationRoutes(ManageSuitesUseCase suites, ManageTestCasesUseCase cases, ImportTestCasesUseCase imports,
                                    ReviewProcedureUseCase review, GenerateProceduresUseCase generation,
                                    ExportProceduresUseCase exports, CurrentUser currentUser, ObjectMapper mapper,
                                    ZoneId zone, BatchProgressStream stream) {
        this(suites, cases, imports, review, generation, exports, currentUser, mapper, zone, stream, Optional.empty());
    }

    /** {@code duplicates}: an import (and its preview) says which rows read like cases already in the suite. */
    public TestCaseGenerationRoutes(ManageSuitesUseCase suites, ManageTestCasesUseCase cases, ImportTestCasesUseCase imports,
                                    ReviewProcedureUseCase review, GenerateProceduresUseCase generation,
                                    ExportProceduresUseCase exports, CurrentUser currentUser, ObjectMapper mapper,
                                    ZoneId zone, BatchProgressStream stream, Optional<FindDuplicatesUseCase> duplicates) {
        this.duplicates = duplicates;
        this.suites = suites;
        this.cases = cases;
        this.imports = imports;
        this.review = review;
        this.generation = generation;
        this.exports = exports;
        this.currentUser = currentUser;
        this.mapper = mapper;
        this.zone = zone;
        this.stream = stream;
    }

    /** A CSV import may be up to {@link #MAX_IMPORT_BYTES}, plus the framing of a form upload. */
    @Override public List<LargeBody> largeBodies() {
        return List.of(new LargeBody("/api/suites/[^/]+/imports", MAX_IMPORT_BYTES + 64 * 1024));
    }

    @Override public void register(RoutesConfig routes) {
        routes.get("/api/suites", ctx -> ctx.json(ListView.of(suites.list(actor(ctx), Params.page(ctx)), this::view)));
        routes.post("/api/suites", this::createSuite);
        routes.get("/api/suites/{id}", ctx -> ctx.json(view(suites.get(actor(ctx), suiteId(ctx)))));
        routes.put("/api/suites/{id}", this::renameSuite);
        routes.delete("/api/suites/{id}", ctx -> {
            suites.delete(actor(ctx), suiteId(ctx));
            ctx.status(204);
        });
        routes.post("/api/suites/{id}/approve", this::approveAll);

        routes.get("/api/suites/{id}/test-cases", ctx -> {
            TestCaseGenerationTexts texts = texts(ctx);
            ctx.json(ListView.of(cases.list(actor(ctx), query(ctx)), c -> TestCaseView.of(c, zone, texts)));
        });
        routes.post("/api/suites/{id}/test-cases", this::createTestCase);
        routes.post("/api/suites/{id}/imports", this::importCases);
        routes.get("/api/suites/{id}/export", this::export);
        routes.post("/api/suites/{id}/exports", this::startExport);
        routes.get("/api/exports/{id}", ctx -> ctx.json(ExportView.of(exports.exportJob(actor(ctx), exportId(ctx)), zone, texts(ctx))));
        routes.get("/api/exports/{id}/download", this::download);
        routes.post("/api/suites/{id}/batches", this::startBatch, LlmRoutes.ROLE);
        routes.get("/api/suites/{id}/batches", ctx -> ctx.json(ListView.of(
                generation.batches(actor(ctx), suiteId(ctx), Params.page(ctx)), this::view)));

        routes.get("/api/test-cases/{id}", ctx -> ctx.json(view(ctx, cases.get(actor(ctx), testCaseId(ctx)))));
        routes.put("/api/test-cases/{id}", this::updateTestCase);
        routes.delete("/api/test-cases/{id}", ctx -> {
            cases.delete(actor(ctx), testCaseId(ctx));
            ctx.status(204);
        });
        routes.get("/api/test-cases/{id}/revisions", ctx -> {
            TestCaseGenerationTexts texts = texts(ctx);
            ctx.json(ListView.page(cases.revisions(actor(ctx), testCaseId(ctx)).reversed().stream()
                    .map(r -> RevisionView.of(r, zone, texts)).toList(), Params.page(ctx)));
        });
        routes.put("/api/test-cases/{id}/procedure", this::editProcedure);
        routes.post("/api/test-cases/{id}/approve", ctx -> ctx.json(view(ctx,
                review.approve(actor(ctx), testCaseId(ctx), version(read(ctx, VersionRequest.class).version())))));
        routes.post("/api/test-cases/{id}/reject", ctx -> {
            RejectRequest body = read(ctx, RejectRequest.class);
            ctx.json(view(ctx, review.reject(actor(ctx), testCaseId(ctx), body.reason(), version(body.version()))));
        });
        routes.post("/api/test-cases/{id}/reopen", ctx -> ctx.json(view(ctx,
                review.reopen(actor(ctx), testCaseId(ctx), version(read(ctx, VersionRequest.class).version())))));
        routes.post("/api/test-cases/{id}/generate", LongRunning.handler(this::generateOne), LlmRoutes.ROLE);

        routes.get("/api/batches/{id}", ctx -> ctx.json(BatchProgressView.of(generation.progress(actor(ctx), batchId(ctx)), zone, texts(ctx))));
        routes.post("/api/batches/{id}/cancel", ctx -> ctx.json(BatchProgressView.of(generation.cancel(actor(ctx), batchId(ctx)), zone, texts(ctx))));
        routes.get("/api/batches/{id}/events", ctx -> {
            Actor actor = actor(ctx);
            BatchId id = batchId(ctx);
            TestCaseGenerationTexts texts = texts(ctx);
            // Checked before the stream opens, so an unknown batch is a 404 with the error body, not an empty stream.
            generation.progress(actor, id);
            LongRunning.continueOnVirtualThread(ctx, () ->
                    stream.stream(ctx, () -> BatchProgressView.of(generation.progress(actor, id), zone, texts), texts));
        });
    }

    private void renameSuite(Context ctx) {
        RenameSuiteRequest body = read(ctx, RenameSuiteRequest.class);
        ctx.json(view(suites.rename(actor(ctx), suiteId(ctx), valid(() -> new NewSuite(body.name(), body.description())))));
    }

    private void approveAll(Context ctx) {
        BulkApprovalRequest body = read(ctx, BulkApprovalRequest.class);
        if (body.testCases() == null) throw Params.invalid("testCases", Validation.REQUIRED);
        java.util.Map<TestCaseId, Long> versions = new java.util.LinkedHashMap<>();
        for (int i = 0; i < body.testCases().size(); i++) {
            CaseVersion item = body.testCases().get(i);
            if (item == null || item.id() == null || item.id() < 1) throw Params.invalid("testCases[" + i + "].id", Validation.POSITIVE_WHOLE_NUMBER);
            if (item.version() == null) throw Params.invalid("testCases[" + i + "].version", Validation.REQUIRED);
            versions.put(new TestCaseId(item.id()), item.version());
        }
        ctx.json(BulkApprovalView.of(review.approveAll(actor(ctx), suiteId(ctx), versions), zone, texts(ctx)));
    }

    private void createSuite(Context ctx) {
        CreateSuiteRequest body = read(ctx, CreateSuiteRequest.class);
        var created = suites.create(new CreateSuiteCommand(actor(ctx), new NewSuite(body.name(), body.description()),
                Optional.ofNullable(body.team()).map(String::strip).filter(t -> !t.isEmpty())));
        ctx.header("Location", "/api/suites/" + created.id().value());
        ctx.status(201).json(view(created));
    }

    private void createTestCase(Context ctx) {
        SuiteId suite = suiteId(ctx);
        TestCaseRequest body = read(ctx, TestCaseRequest.class);
        if (body.version() != null) throw Params.invalid("version", Params.NOT_ACCEPTED);
        TestCase created = cases.create(actor(ctx), suite, content(body, Optional.empty()));
        ctx.header("Location", "/api/test-cases/" + created.id().value());
        ctx.status(201).json(view(ctx, created));
    }

    private void updateTestCase(Context ctx) {
        Actor actor = actor(ctx);
        TestCaseId id = testCaseId(ctx);
        TestCaseRequest body = read(ctx, TestCaseRequest.class);
        long version = version(body.version());
        // The key may be left out: it never changes, so the current one is used.
        Optional<TestCaseKey> currentKey = body.key() == null ? Optional.of(cases.get(actor, id).content().key()) : Optional.empty();
        ctx.json(view(ctx, cases.update(actor, id, content(body, currentKey), version)));
    }

    private void editProcedure(Context ctx) {
        Actor actor = actor(ctx);
        TestCaseId id = testCaseId(ctx);
        ProcedureRequest body = read(ctx, ProcedureRequest.class);
        long version = version(body.version());
        if (body.steps() == null) throw Params.invalid("steps", Validation.REQUIRED);
        var problems = new Validation();
        for (int i = 0; i < body.steps().size(); i++) problems.check(body.steps().get(i) != null, "steps[" + i + "]", Validation.WRONG_TYPE, "object");
        problems.throwIfInvalid();
        Procedure procedure = valid(() -> new Procedure(body.steps().stream().map(StepRequest::toStep).toList()));
        ctx.json(view(ctx, review.edit(actor, id, procedure, version)));
    }

    /** Regenerate (or generate) one case: a batch of one. */
    private void generateOne(Context ctx) {
        Actor actor = actor(ctx);
        TestCase testCase = cases.get(actor, testCaseId(ctx));
        Batch batch = generation.generate(new GenerateProceduresCommand(actor, testCase.suite(), List.of(testCase.id())));
        ctx.header("Location", "/api/batches/" + batch.id());
        ctx.status(201).json(view(batch));
    }

    private void startBatch(Context ctx) {
        Actor actor = actor(ctx);
        SuiteId suite = suiteId(ctx);
        List<TestCaseId> selected = List.of();
        if (ctx.bodyAsBytes().length > 0) {
            BatchRequest body = read(ctx, BatchRequest.class);
            if (body.testCaseIds() != null) {
                List<TestCaseId> ids = new ArrayList<>();
                for (int i = 0; i < body.testCaseIds().size(); i++) {
                    Long value = body.testCaseIds().get(i);
                    String field = "testCaseIds[" + i + "]";
                    if (value == null || value < 1) throw Params.invalid(field, Validation.POSITIVE_WHOLE_NUMBER);
                    ids.add(new TestCaseId(value));
                }
                selected = ids;
            }
        }
        List<TestCaseId> cases = selected;
        var started = generation.start(valid(() -> new GenerateProceduresCommand(actor, suite, cases)));
        ctx.header("Location", "/api/batches/" + started.batch().id());
        ctx.status(201).json(BatchStartedView.of(started, zone, texts(ctx)));
    }

    private void importCases(Context ctx) throws IOException {
        Actor actor = actor(ctx);
        SuiteId suite = suiteId(ctx);
        // Another team's suite is a 404 whatever the file holds: judging the file first would tell them it exists.
        suites.get(actor, suite);
        byte[] file = uploadedBytes(ctx);
        String source = Optional.ofNullable(ctx.queryParam("format")).orElse("csv").strip().toLowerCase(Locale.ROOT);
        ImportMode mode = valid(() -> ImportMode.parse(ctx.queryParam("mode")));
        boolean preview = flag("preview", ctx.queryParam("preview"));
        List<ImportRow> rows = switch (source) {
            case "csv" -> TestCaseCsvReader.read(file, ctx.header("Accept-Language"));
            case "testrail-csv" -> MigrationReader.testRailCsv(file);
            case "xray-csv" -> MigrationReader.xrayCsv(file);
            case "xray-json" -> MigrationReader.xrayJson(file);
            default -> throw Params.invalid("format", Validation.ONE_OF, "csv, testrail-csv, xray-csv, xray-json");
        };
        ImportOriginal original = new ImportOriginal(file, source.equals("xray-json") ? "application/json" : "text/csv");
        // The rest may wait for the embedding model (the duplicates check): on a virtual thread, not a request thread.
        LongRunning.continueOnVirtualThread(ctx, () -> {
            ImportOutcome outcome = imports.importCases(actor, suite, rows, original, mode, preview);
            ctx.status(!preview && outcome.counts().created() > 0 ? 201 : 200)
                    .json(ImportOutcomeView.of(outcome, RequestLanguage.of(ctx)).with(duplicatesOf(ctx, actor, suite, rows, outcome)));
        });
    }

    /** Rows that read like cases of the suite: against the stored cases in a preview, the imported cases' pairs after an import. */
    private DuplicateViews.ImportDuplicatesView duplicatesOf(Context ctx, Actor actor, SuiteId suite, List<ImportRow> rows, ImportOutcome outcome) {
        if (duplicates.isEmpty() || !outcome.problems().isEmpty()) return null;
        TestCaseGenerationTexts texts = texts(ctx);
        if (outcome.preview()) return DuplicateViews.ImportDuplicatesView.ofPreview(duplicates.get().preview(actor, suite, rows), texts);
        List<String> imported = outcome.rows().stream().filter(r -> r.action().equals("created") || r.action().equals("updated"))
                .map(ImportOutcome.RowOutcome::key).toList();
        if (imported.isEmpty()) return null;
        return DuplicateViews.ImportDuplicatesView.ofImport(duplicates.get().among(actor, suite,
                imported.stream().map(dev.concierge.domain.testcasegeneration.model.TestCaseKey::new).toList()), imported, texts);
    }

    /** The CSV as the body ({@code text/csv}) or as the part {@code file} of a form upload. */
    private static byte[] uploadedBytes(Context ctx) throws IOException {
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            String language = ctx.header("Accept-Language");
            // Jetty closes the connection after a multipart body it could not parse: say so, or a client reuses it.
            if (!type.matches(".*;\\s*boundary=.+")) throw malformedUpload(ctx, language, "edge.multipart.boundary");
            UploadedFile upload;
            try {
                upload = ctx.uploadedFile("file");
            } catch (Exception malformed) { // Javalin passes the servlet's ServletException on unchecked
                // Jetty's multipart parser refuses a body cut short or parts without headers; its text is for us, not the user
                throw malformedUpload(ctx, language, "edge.multipart.malformed");
            }
            if (upload == null) throw Params.invalid("file", "no_file_part");
            if (upload.size() > MAX_IMPORT_BYTES) throw tooLarge(ctx);
            try (InputStream in = upload.content()) {
                return limited(ctx, in);
            }
        }
        if (!type.isEmpty() && !type.startsWith("text/csv") && !type.startsWith("text/plain") && !type.startsWith("application/octet-stream")
                && !type.startsWith("application/json")) { // Xray JSON
            throw new BadRequest("unsupported_media_type", EdgeTexts.text(RequestLanguage.of(ctx), "edge.csv.type"), List.of(FieldError.of("Content-Type", Validation.ONE_OF, "text/csv, multipart/form-data")));
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = limited(ctx, in);
            if (bytes.length == 0) throw Params.invalid("file", Validation.BLANK);
            return bytes;
        }
    }

    private static BadRequest malformedUpload(Context ctx, String acceptLanguage, String reasonKey) {
        ctx.header("Connection", "close");
        return BadRequest.worded(EdgeTexts.text(acceptLanguage, "edge.multipart", EdgeTexts.text(acceptLanguage, reasonKey)),
                List.of(FieldError.of("file", "not_multipart")));
    }

    private static byte[] limited(Context ctx, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
        if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(ctx);
        return bytes;
    }

    private static BadRequest tooLarge(Context ctx) {
        return new BadRequest("file_too_large", EdgeTexts.text(RequestLanguage.of(ctx), "edge.csv.tooLarge", MAX_IMPORT_BYTES / (1024 * 1024)), List.of(FieldError.of("file", "too_large", MAX_IMPORT_BYTES / (1024 * 1024))));
    }

    /** A suite up to the direct limit, written into the response as its cases are read. */
    private void export(Context ctx) throws IOException {
        ExportFormat format = valid(() -> ExportFormat.parse(ctx.queryParam("format")));
        boolean approvedOnly = flag("approvedOnly", ctx.queryParam("approvedOnly"));
        SuiteExport export = exports.export(actor(ctx), suiteId(ctx), approvedOnly);
        attachment(ctx, "suite-" + export.suite().id().value() + (approvedOnly ? "-approved" : "") + format.fileSuffix(), format);
        try (OutputStream out = ctx.outputStream()) {
            SuiteExportWriter.writeTo(export, format, out, texts(ctx));
        }
    }

    private void startExport(Context ctx) {
        String requested = ctx.queryParam("format");
        boolean approvedOnly = flag("approvedOnly", ctx.queryParam("approvedOnly"));
        if (ctx.bodyAsBytes().length > 0) {
            ExportRequest body = read(ctx, ExportRequest.class);
            if (requested == null) requested = body.format();
            approvedOnly = approvedOnly || Boolean.TRUE.equals(body.approvedOnly());
        }
        String format = requested;
        // Made later, maybe by another instance: the file is worded in the language of the person asking now.
        ExportJob job = exports.startExport(actor(ctx), suiteId(ctx), valid(() -> ExportFormat.parse(format)), RequestLanguage.of(ctx),
                approvedOnly);
        ctx.header("Location", "/api/exports/" + job.id());
        ctx.status(201).json(ExportView.of(job, zone, texts(ctx)));
    }

    /** Streams the stored file; only members of the suite's team reach it (the use case checks). */
    private void download(Context ctx) {
        var download = exports.download(actor(ctx), exportId(ctx));
        attachment(ctx, download.job().fileName(), download.job().format());
        ctx.result(download.file().content());
    }

    /** {@code true} or {@code false} (none: false). */
    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) return false;
        if (value.equalsIgnoreCase("true")) return true;
        throw Params.invalid(name, Validation.ONE_OF, "true, false");
    }

    private static void attachment(Context ctx, String filename, ExportFormat format) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        if (format == ExportFormat.XLSX) ctx.res().setCharacterEncoding(null); // binary: no charset
        ctx.contentType(SuiteExportWriter.contentTypeOf(format));
    }

    private TestCaseQuery query(Context ctx) {
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String value : ctx.queryParams("status")) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> statuses.add(valid(() -> CaseStatus.parse(s))));
        }
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        for (String value : ctx.queryParams("priority")) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> priorities.add(valid(() -> Priority.parse(s))));
        }
        return valid(() -> new TestCaseQuery(suiteId(ctx), statuses, Params.text(ctx, "q"), Params.page(ctx),
                CaseSort.parse(ctx.queryParam("sort")), priorities));
    }

    /** Every problem of the body at once, so a form can show them all. */
    private static TestCaseContent content(TestCaseRequest body, Optional<TestCaseKey> key) {
        Validation problems = new Validation();
        TestCaseKey k = key.orElseGet(() -> problems.nested("", () -> new TestCaseKey(body.key())).orElse(null));
        Priority priority = problems.nested("", () -> Priority.parse(body.priority())).orElse(null);
        List<String> tags = body.tags() == null ? List.of() : body.tags();
        problems.check(tags.stream().noneMatch(Objects::isNull), "tags", Params.NO_NULLS);
        List<String> cleanTags = tags.stream().filter(t -> t != null).toList();
        // A placeholder key when the given one is wrong, so the other fields are still checked.
        Optional<TestCaseContent> content = problems.nested("", () -> new TestCaseContent(k == null ? new TestCaseKey("placeholder") : k,
                body.title(), body.preconditions(), body.expectedResult(), body.requirementReference(),
                body.requirementText(), priority, cleanTags));
        if (!problems.isValid()) throw BadRequest.of(problems.errors());
        return content.orElseThrow();
    }

    private static long version(Long version) {
        if (version == null) throw Params.invalid("version", Validation.REQUIRED);
        return version;
    }

    private <T> T read(Context ctx, Class<T> type) { return Json.read(ctx, mapper, type); }

    /** Input rejected by the model's own constructors is still a bad request of this call. */
    private static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInput invalid) {
            throw BadRequest.of(invalid);
        }
    }

    private Actor actor(Context ctx) { return currentUser.actor(ctx); }

    private SuiteView view(Suite suite) { return SuiteView.of(suite, zone); }

    private TestCaseView view(Context ctx, TestCase testCase) { return TestCaseView.of(testCase, zone, texts(ctx)); }

    /** Texts in the request's language (the lang cookie, then Accept-Language): codes stay codes, words follow the reader. */
    static TestCaseGenerationTexts texts(Context ctx) { return TestCaseGenerationTexts.of(RequestLanguage.of(ctx)); }

    private BatchView view(Batch batch) { return BatchView.of(batch, zone); }

    static SuiteId suiteId(Context ctx) { return valid(() -> SuiteId.parse(ctx.pathParam("id"))); }

    static TestCaseId testCaseId(Context ctx) { return valid(() -> TestCaseId.parse(ctx.pathParam("id"))); }

    static ExportId exportId(Context ctx) { return valid(() -> ExportId.parse(ctx.pathParam("id"))); }

    static BatchId batchId(Context ctx) { return valid(() -> BatchId.parse(ctx.pathParam("id"))); }
}
