package io.mysqlmigrate.localrun;

import java.util.List;
import java.util.Set;

/**
 * What {@code start} will do, from validated options.
 *
 * @param source an existing source, or null for the private demo source
 * @param destination an existing destination, or null for a private one
 * @param databases the databases to migrate (for the demo: {@value #DEMO_DATABASE})
 * @param liveSeconds how long the demo's live writer runs
 * @param acknowledged the precheck warnings the operator acknowledged by their check ids ({@code --ack})
 */
record RunPlan(Endpoint source, Endpoint destination, List<String> databases, int liveSeconds, Set<String> acknowledged) {
    static final String DEMO_DATABASE = "shop";
    static final String NAME = "demo";

    RunPlan {
        databases = List.copyOf(databases);
        acknowledged = Set.copyOf(acknowledged);
    }

    /** The private source with its demo database: the only case in which local-run writes to the source. */
    boolean demoSource() {
        return source == null;
    }

    boolean privateDestination() {
        return destination == null;
    }

    boolean needsPrivateMariaDb() {
        return demoSource() || privateDestination();
    }

    String sourceConnector() {
        return NAME + "-source";
    }

    String sinkConnector() {
        return NAME + "-sink";
    }

    /** The Kafka topic of each database: {@code <NAME>.<database>}. */
    List<String> topics() {
        return databases.stream().map(d -> NAME + "." + d).toList();
    }
}
