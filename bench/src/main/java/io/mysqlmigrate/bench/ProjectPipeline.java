package io.mysqlmigrate.bench;

import io.mysqlmigrate.stack.ConnectorConfigTemplate;
import io.mysqlmigrate.stack.MariaDbServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This project's source and sink connectors, configured from {@code config/embedded/source.json} and
 * {@code sink.json} as local-run does, with the key and value converter optionally replaced.
 */
final class ProjectPipeline extends ConnectContender {
    static final String OUR_CONVERTER = "io.mysqlmigrate.converter.SchemaCachingJsonConverter";
    static final String KAFKA_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    private final String name;
    private final String converter;

    ProjectPipeline(String name, String prefix, String converter) {
        super(prefix);
        this.name = name;
        this.converter = converter;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Map<String, Map<String, String>> connectors(BenchContext ctx, String prefix) {
        MariaDbServer s = ctx.source();
        MariaDbServer d = ctx.destination();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", prefix);
        values.put("SOURCE_HOST", s.host());
        values.put("SOURCE_PORT", Integer.toString(s.port()));
        values.put("SOURCE_USER", s.user());
        values.put("SOURCE_PASSWORD", s.password());
        values.put("DESTINATION_HOST", d.host());
        values.put("DESTINATION_PORT", Integer.toString(d.port()));
        values.put("DESTINATION_USER", d.user());
        values.put("DESTINATION_PASSWORD", d.password());
        values.put("DATABASES", BenchContext.DATABASE);
        values.put("TOPICS", prefix + "." + BenchContext.DATABASE);
        values.put("BOOTSTRAP_SERVERS", ctx.broker().bootstrapServers());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String file : new String[] {"sink.json", "source.json"}) {
            ConnectorConfigTemplate t = ConnectorConfigTemplate.load(
                    ctx.projectRoot().resolve("config/embedded").resolve(file), values);
            Map<String, String> config = new LinkedHashMap<>(t.config());
            config.put("key.converter", converter);
            config.put("value.converter", converter);
            out.put(t.name(), config);
        }
        return out;
    }
}
