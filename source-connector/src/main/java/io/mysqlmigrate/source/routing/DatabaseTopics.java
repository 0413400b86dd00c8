package io.mysqlmigrate.source.routing;

/** Names the topic that carries one source database: {@code <prefix>.<database>}, made safe for Kafka. */
public final class DatabaseTopics {

    private DatabaseTopics() {
    }

    public static String topicFor(String prefix, String database) {
        StringBuilder name = new StringBuilder(prefix.length() + database.length() + 1).append(prefix).append('.');
        for (int i = 0; i < database.length(); i++) {
            char c = database.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            name.append(legal ? c : '_');
        }
        return name.toString();
    }
}
