package dev.concierge.bootstrap;

import dev.concierge.adapter.secrets.SecretReferences;

import java.util.Map;

/**
 * Where settings come from: the environment, with any value that is a Secrets Manager reference replaced by the
 * secret once, before {@link Settings} reads them. An unreadable secret stops start-up like any bad setting.
 */
final class SettingsSource {
    private SettingsSource() {}

    static Settings load(Map<String, String> environment) {
        Map<String, String> resolved;
        try {
            resolved = SecretReferences.resolve(environment);
        } catch (SecretReferences.UnresolvableSecrets e) {
            throw new Settings.InvalidSettings(e.problems());
        }
        return Settings.from(resolved);
    }
}
