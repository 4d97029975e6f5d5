package dev.concierge.architecture;

import dev.concierge.adapter.persistence.ContextSchemas;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contexts plug in: a team adds or changes its context without editing a file another team owns. Every tracked file
 * of the repository either belongs to one context or is shared:
 * <ul>
 *     <li>a context's names are found in the code: its package {@code dev.concierge.domain.<name>}, its schema
 *     (from the persistence entries, e.g. {@code order_desk}, also written {@code order-desk}) and the folder of its
 *     domain module ({@code domain/<folder>});</li>
 *     <li>a file belongs to a context when a folder on its path, or its own name without extension, is one of the
 *     context's names ({@code jte/orderdesk/list.jte}, {@code openapi/orderdesk.json},
 *     {@code db/migration/order_desk/V1__x.sql}); every other file is shared.</li>
 * </ul>
 * No shared file names a context, and no context's file names another context (case-insensitive, anywhere in the
 * text), except in this allow-list: the build files that declare a context, every {@code pom.xml} and the
 * ServiceLoader declarations {@code META-INF/services/*} (one line per context's entry class); and the product's
 * documentation and measurements, {@code README.md}, the guides {@code docs/*.md} and {@code bench/}, which describe and
 * measure the contexts by name for users and operators and are read by no code; and the bootstrap's
 * {@link #WHOLE_PRODUCT_TESTS}.
 */
class ContextNamesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test void no_shared_file_names_a_context() {
        assertThat(ROOT.resolve("architecture-tests")).as("the repository root is the parent of this module").isDirectory();
        Map<String, Set<String>> names = contextNames();
        assertThat(names).as("contexts found in the code").isNotEmpty();

        assertThat(violations(trackedFiles(), names, this::read))
                .as("files naming a context that is not theirs; move the text into the context's own folders").isEmpty();
    }

    @Test void the_check_reports_shared_files_and_other_contexts_naming_a_context_and_lets_a_context_name_itself() {
        Map<String, Set<String>> names = Map.of("alpha", Set.of("alpha", "alpha_desk", "alpha-desk"), "beta", Set.of("beta"));
        Map<String, String> files = Map.of(
                "adapters/http/src/main/jte/layout.jte", "<a href=\"/alpha-desk\">",           // shared, names alpha
                "adapters/http/src/main/jte/alpha/page.jte", "Alpha page; see the ALPHA_DESK schema", // alpha's own
                "adapters/http/src/main/resources/openapi/beta.json", "{\"$ref\": \"alpha.json\"}", // beta naming alpha
                "db/migration/alpha_desk/V1__alpha.sql", "CREATE TABLE alpha_desk.things ()",    // alpha's own
                "pom.xml", "<module>alpha</module>",                                          // build file
                "src/main/resources/META-INF/services/x.Entry", "x.alpha.AlphaEntry",           // declaration
                "docs/alphabet.txt", "alphabetical");  // names match inside longer words too: contexts get distinct names

        assertThat(violations(List.copyOf(files.keySet()), names, files::get)).containsExactlyInAnyOrder(
                "adapters/http/src/main/jte/layout.jte names alpha",
                "adapters/http/src/main/resources/openapi/beta.json names alpha",
                "docs/alphabet.txt names alpha");
    }

    /** Every context's names: package, schema (with underscore and hyphen) and domain module folder. */
    static Map<String, Set<String>> contextNames() {
        Map<String, Set<String>> names = new TreeMap<>();
        for (String context : Layout.contexts()) {
            Set<String> own = new TreeSet<>(Set.of(context));
            for (String schema : ContextSchemas.ALL) {
                if (schema.replace("_", "").equals(context)) {
                    own.add(schema);
                    own.add(schema.replace('_', '-'));
                }
            }
            try (Stream<Path> modules = Files.list(ROOT.resolve("domain"))) {
                modules.filter(m -> Files.isDirectory(m.resolve("src/main/java/dev/concierge/domain/" + context)))
                        .forEach(m -> own.add(m.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            names.put(context, own);
        }
        return names;
    }

    /** One line per file that names a context it does not belong to, outside the allow-list. */
    static List<String> violations(List<String> files, Map<String, Set<String>> names, java.util.function.Function<String, String> text) {
        List<String> violations = new ArrayList<>();
        for (String file : files) {
            if (allowed(file)) continue;
            Set<String> owners = owners(file, names);
            String content = null;
            for (var context : names.entrySet()) {
                if (owners.contains(context.getKey())) continue;
                if (content == null) content = text.apply(file).toLowerCase(Locale.ROOT);
                String body = content;
                if (context.getValue().stream().anyMatch(name -> body.contains(name.toLowerCase(Locale.ROOT)))) {
                    violations.add(file + " names " + context.getKey());
                }
            }
        }
        return violations;
    }

    /**
     * Whole-product tests of the bootstrap: each checks a promise across the running app (identity, ownership, hostile
     * input, outages, restarts, logs, metrics) by driving real routes of some context. Listed by name so the list
     * cannot grow unnoticed; a context's own end-to-end tests live in {@code bootstrap/src/test/.../bootstrap/<context>/}.
     */
    static final Set<String> WHOLE_PRODUCT_TESTS = Set.of("AbuseSuiteTest", "ApplicationTest", "CrossSiteRequestTest",
            "DatabaseOutageTest", "DatabaseRolesTest", "IdentityTest", "JsonLogsTest", "OperationsTest", "OwnershipTest", "RestartTest",
            "RolesTest", "SlowClientsTest", "OidcIdentityTest");

    private static boolean allowed(String file) {
        String productTests = "bootstrap/src/test/java/dev/concierge/bootstrap/";
        return file.equals("pom.xml") || file.endsWith("/pom.xml") || file.contains("/META-INF/services/")
                || file.equals("README.md") || file.startsWith("docs/") && file.endsWith(".md") || file.startsWith("bench/")
                || file.startsWith(productTests) && WHOLE_PRODUCT_TESTS.contains(file.substring(productTests.length()).replace(".java", ""));
    }

    /** The contexts a file belongs to: those one of whose names is a folder on its path or the file's own name. */
    private static Set<String> owners(String file, Map<String, Set<String>> names) {
        List<String> segments = new ArrayList<>(Arrays.asList(file.split("/")));
        String last = segments.removeLast();
        segments.add(last.contains(".") ? last.substring(0, last.indexOf('.')) : last);
        Set<String> owners = new TreeSet<>();
        names.forEach((context, own) -> {
            if (segments.stream().anyMatch(own::contains)) owners.add(context);
        });
        return owners;
    }

    /** The files git tracks; without git (e.g. a source archive) every file outside build output. */
    private static List<String> trackedFiles() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile()).redirectErrorStream(false).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0"))
                        .filter(f -> !f.isEmpty() && Files.isRegularFile(ROOT.resolve(f))).toList();
            }
        } catch (IOException e) {
            // no git here: walk the tree instead
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pattern skipped = Pattern.compile("(^|/)(\\.git|target|node_modules|data|cdk\\.out)(/|$)");
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !skipped.matcher(f).find()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String file) {
        try {
            return new String(Files.readAllBytes(ROOT.resolve(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
