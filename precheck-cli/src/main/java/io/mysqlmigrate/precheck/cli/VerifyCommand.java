package io.mysqlmigrate.precheck.cli;

import io.mysqlmigrate.precheck.check.CheckContext;
import io.mysqlmigrate.precheck.progress.ConnectApi;
import io.mysqlmigrate.precheck.progress.SinkProgress;
import io.mysqlmigrate.precheck.verify.RateLimiter;
import io.mysqlmigrate.precheck.verify.RepairSql;
import io.mysqlmigrate.precheck.verify.TablePair;
import io.mysqlmigrate.precheck.verify.TableResult;
import io.mysqlmigrate.precheck.verify.TableVerifier;
import io.mysqlmigrate.precheck.verify.Verification;
import io.mysqlmigrate.precheck.verify.VerifyPlanner;
import io.mysqlmigrate.precheck.verify.VerifyReport;
import io.mysqlmigrate.sink.MigrationSinkConfig;
import io.mysqlmigrate.source.MigrationSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify}: compares every migrated table between source and destination, also while incremental migration
 * runs, and names the rows that differ. Exit code 0 when every table is identical, 1 when some differ, 2 when the
 * comparison cannot run.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compares source and destination table by table (checksums over primary-key chunks, differing chunks "
                + "narrowed to rows, re-checked after the replication delay) and reports missing, extra and different rows.")
public final class VerifyCommand implements Callable<Integer> {

    static final int IDENTICAL = 0;
    static final int DIFFERENT = 1;
    static final int CANNOT_RUN = 2;
    /** Added to the measured delay: binlog times have a resolution of one second. */
    static final long DELAY_MARGIN_MS = 1000;
    /** Wait before a re-check when the sink's progress tells no delay (not streaming yet, or no progress table). */
    static final long DEFAULT_RECHECK_MS = 2000;

    @Mixin
    MigrationFiles files;

    @Option(names = "--threads", defaultValue = "2", description = "Tables compared at the same time (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-rows-per-second", defaultValue = "0",
            description = "Cap on rows read per second over both servers and all threads; 0: no cap.")
    double maxRowsPerSecond;

    @Option(names = "--chunk-time-ms", defaultValue = "500",
            description = "How long one chunk's checksum should take; chunk sizes follow (default ${DEFAULT-VALUE}).")
    long chunkTimeMs;

    @Option(names = "--recheck-after", description = "Milliseconds to wait before re-checking differing rows. Default: the "
            + "replication delay the sink's progress shows, plus one second (" + DEFAULT_RECHECK_MS + " ms when it shows none).")
    Long recheckAfterMs;

    @Option(names = "--rechecks", defaultValue = "3",
            description = "Re-checks at most while the differences keep changing (default ${DEFAULT-VALUE}); 0: report at once.")
    int rechecks;

    @Option(names = "--repair-sql", description = "Write statements that make the destination equal to the source to this file.")
    Path repairFile;

    @Option(names = "--html", description = "Write an HTML report with a per-table summary to this file.")
    Path htmlFile;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        files.validate();
        List<TableResult> results;
        try {
            MigrationFiles.Loaded loaded = files.load();
            ConnectorFile sourceConnector = loaded.sourceConnector();
            ConnectorFile sinkConnector = loaded.sinkConnector();
            MigrationSourceConfig source = loaded.source();
            MigrationSinkConfig sink = loaded.sink();
            Verification.Servers servers = servers(source, sink);
            List<TablePair> pairs;
            long recheck;
            try (Connection s = servers.source(); Connection d = servers.destination()) {
                pairs = VerifyPlanner.plan(source, sink, s, d);
                recheck = recheckAfterMs != null ? recheckAfterMs : recheckFromDelay(d, sink.stateDatabase(), sinkConnector.name());
            }
            if (pairs.isEmpty()) {
                return output.cannotRun("Verify cannot run", "the source holds no table the migration selects: nothing to verify");
            }
            TableVerifier.Options options = new TableVerifier.Options(chunkTimeMs, recheck, rechecks, 64, repairFile != null,
                    new RateLimiter(maxRowsPerSecond));
            results = Verification.run(pairs, servers, threads, options);
        } catch (ConfigException e) {
            return output.cannotRun("A setting is invalid", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return output.cannotRun("Verify cannot run", "interrupted");
        } catch (IOException | SQLException | RuntimeException e) {
            return output.cannotRun("Verify cannot run", ConnectApi.explain(e));
        }
        try {
            if (repairFile != null) {
                Files.writeString(repairFile, repairScript(results));
            }
            if (htmlFile != null) {
                Files.writeString(htmlFile, VerifyReport.html(results, "mysql-migrate verify, " + Instant.now()));
            }
        } catch (IOException e) {
            return output.cannotRun("Cannot write a report file", e.getMessage());
        }
        System.out.print(output.json() ? VerifyReport.json(results) + "\n" : VerifyReport.text(results));
        return Verification.exitCode(results);
    }

    static String repairScript(List<TableResult> results) {
        StringBuilder sql = new StringBuilder("-- Written by mysql-migrate verify at ").append(Instant.now())
                .append(". Run it on the destination; it writes the source's rows as verify read them.\n").append(RepairSql.preamble());
        for (TableResult r : results) {
            if (!r.repair().isEmpty()) {
                sql.append("-- ").append(r.summary()).append('\n');
                r.repair().forEach(s -> sql.append(s).append('\n'));
            }
        }
        return sql.toString();
    }

    /** The wait before a re-check: the sink's apply lag plus a margin, or a default when it shows none. */
    static long recheckFromDelay(Connection destination, String stateDatabase, String sinkName) throws SQLException {
        OptionalLong lag = SinkProgress.applyLagMs(SinkProgress.read(destination, stateDatabase, sinkName));
        return lag.isPresent() ? lag.getAsLong() + DELAY_MARGIN_MS : DEFAULT_RECHECK_MS;
    }

    static Verification.Servers servers(MigrationSourceConfig source, MigrationSinkConfig sink) {
        return new Verification.Servers() {
            @Override
            public Connection source() throws SQLException {
                return CheckContext.connect("source", source.hostname(), source.port(), source.user(), source.password().value(), source.tls());
            }

            @Override
            public Connection destination() throws SQLException {
                return CheckContext.connect("destination", sink.hostname(), sink.port(), sink.user(), sink.password().value(), sink.tls());
            }
        };
    }
}
