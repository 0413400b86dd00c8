package io.mysqlmigrate.localrun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code {{PLACEHOLDER}}} values for {@code config/embedded/source.json} and {@code sink.json}. */
final class TemplateValues {
    private TemplateValues() {
    }

    static Map<String, String> of(String name, Endpoint source, Endpoint destination, List<String> databases,
            String bootstrapServers) {
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("no databases to migrate");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", name);
        values.put("SOURCE_HOST", source.host());
        values.put("SOURCE_PORT", Integer.toString(source.port()));
        values.put("SOURCE_USER", source.user());
        values.put("SOURCE_PASSWORD", source.password());
        values.put("DESTINATION_HOST", destination.host());
        values.put("DESTINATION_PORT", Integer.toString(destination.port()));
        values.put("DESTINATION_USER", destination.user());
        values.put("DESTINATION_PASSWORD", destination.password());
        values.put("DATABASES", String.join(",", databases));
        values.put("TOPICS", topics(name, databases));
        values.put("BOOTSTRAP_SERVERS", bootstrapServers);
        return values;
    }

    /** {@code <name>.<database>} for each database, comma-separated: the topics the source writes. */
    static String topics(String name, List<String> databases) {
        return String.join(",", databases.stream().map(d -> name + "." + d).toList());
    }
}
