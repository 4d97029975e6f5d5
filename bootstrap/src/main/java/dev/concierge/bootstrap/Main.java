package dev.concierge.bootstrap;

/** Starts Concierge from environment variables; SIGTERM (or Ctrl-C) stops it cleanly. */
public final class Main {
    private Main() {}

    /** Log lines are written by a background appender (logback-*.xml): write out what is queued before exiting. */
    private static void flushLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) logback.stop();
    }

    public static void main(String[] args) {
        // Before any Guice class loads: Guice generates classes through sun.misc.Unsafe, which JDK 24+ reports on
        // stderr; Concierge intercepts no methods, so reflection does the same job and the output stays JSON-only.
        if (System.getProperty("guice_bytecode_gen_option") == null) System.setProperty("guice_bytecode_gen_option", "DISABLED");
        Settings settings;
        try {
            settings = SettingsSource.load(System.getenv());
        } catch (Settings.InvalidSettings e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Chosen before the first logger exists, so every line has the same format.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile",
                    settings.logFormat() == Settings.LogFormat.JSON ? "logback-json.xml" : "logback-text.xml");
        }
        try {
            Application app = Application.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                flushLogs();
            }, "shutdown"));
        } catch (RuntimeException | Error e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Concierge could not start: {}", e.getMessage(), e);
            System.err.println("Concierge could not start: " + e.getMessage());
            flushLogs();
            System.exit(1);
        }
    }
}
