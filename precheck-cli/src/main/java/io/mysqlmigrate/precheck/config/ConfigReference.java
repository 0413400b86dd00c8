package io.mysqlmigrate.precheck.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a connector's ConfigDef as a Markdown reference: one table per group, in the order the ConfigDef gives,
 * with each setting's type, default, valid values, importance and documentation. The reference in {@code docs/config}
 * is this output, checked by a test; no setting is described by hand anywhere else.
 */
public final class ConfigReference {

    private ConfigReference() {
    }

    public static String markdown(String title, String intro, ConfigDef def) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n").append(intro).append("\n\n")
                .append("Generated from the connector's ConfigDef; do not edit by hand.\n");
        List<String> groups = new ArrayList<>(def.groups());
        def.configKeys().values().stream().map(k -> k.group).filter(g -> g != null && !groups.contains(g)).distinct().forEach(groups::add);
        for (String group : groups) {
            List<ConfigDef.ConfigKey> keys = def.configKeys().values().stream()
                    .filter(k -> group.equals(k.group)).sorted(Comparator.comparingInt(k -> k.orderInGroup)).toList();
            if (keys.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(group).append("\n\n")
                    .append("| setting | type | default | valid values | importance | description |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (ConfigDef.ConfigKey k : keys) {
                md.append("| `").append(k.name).append("` | ").append(k.type.name().toLowerCase()).append(" | ")
                        .append(defaultOf(k)).append(" | ").append(k.validator == null ? "" : cell(k.validator.toString())).append(" | ")
                        .append(k.importance.name().toLowerCase()).append(" | ").append(cell(k.documentation)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey k) {
        if (!k.hasDefault()) {
            return "**required**";
        }
        Object value = k.defaultValue;
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Password) {
            return "(empty)";
        }
        String text = ConfigDef.convertToString(value, k.type);
        return text.isEmpty() ? "(empty)" : "`" + cell(text) + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
