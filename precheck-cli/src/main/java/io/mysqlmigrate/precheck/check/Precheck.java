package io.mysqlmigrate.precheck.check;

import io.mysqlmigrate.precheck.checks.BinlogRetentionCheck;
import io.mysqlmigrate.precheck.checks.CapturedValuesCheck;
import io.mysqlmigrate.precheck.checks.BinlogSettingCheck;
import io.mysqlmigrate.precheck.checks.ConflictingTablesCheck;
import io.mysqlmigrate.precheck.checks.ConnectPluginsCheck;
import io.mysqlmigrate.precheck.checks.ConnectValidateCheck;
import io.mysqlmigrate.precheck.checks.CrossFlavourFeaturesCheck;
import io.mysqlmigrate.precheck.checks.DestinationCapacityCheck;
import io.mysqlmigrate.precheck.checks.DestinationCharsetCheck;
import io.mysqlmigrate.precheck.checks.DestinationCollationsCheck;
import io.mysqlmigrate.precheck.checks.DestinationNamesCheck;
import io.mysqlmigrate.precheck.checks.DestinationPrivilegesCheck;
import io.mysqlmigrate.precheck.checks.DestinationRoutineCreationCheck;
import io.mysqlmigrate.precheck.checks.ForeignKeysOutsideSelectionCheck;
import io.mysqlmigrate.precheck.checks.GeneratedInvisiblePrimaryKeyCheck;
import io.mysqlmigrate.precheck.checks.IndexPrefixUtf8mb4Check;
import io.mysqlmigrate.precheck.checks.GtidModeCheck;
import io.mysqlmigrate.precheck.checks.InvisibleColumnsCheck;
import io.mysqlmigrate.precheck.checks.LowerCaseTableNamesCheck;
import io.mysqlmigrate.precheck.checks.MaxAllowedPacketCheck;
import io.mysqlmigrate.precheck.checks.ObjectsOutsideSelectionCheck;
import io.mysqlmigrate.precheck.checks.OnlineDdlLeftoversCheck;
import io.mysqlmigrate.precheck.checks.ReplicaLogUpdatesCheck;
import io.mysqlmigrate.precheck.checks.ServerIdCheck;
import io.mysqlmigrate.precheck.checks.ServerVersionsCheck;
import io.mysqlmigrate.precheck.checks.SourceObjectsVisibleCheck;
import io.mysqlmigrate.precheck.checks.SourcePrivilegesCheck;
import io.mysqlmigrate.precheck.checks.SqlModeCheck;
import io.mysqlmigrate.precheck.checks.TableTraitsCheck;
import io.mysqlmigrate.precheck.checks.TablesWithoutKeyCheck;
import io.mysqlmigrate.precheck.checks.TimeZoneCheck;
import io.mysqlmigrate.precheck.checks.TlsCheck;
import io.mysqlmigrate.precheck.checks.TopicNamesCheck;
import io.mysqlmigrate.precheck.checks.TopicRetentionCheck;
import io.mysqlmigrate.precheck.checks.UniqueKeyCollisionsCheck;
import io.mysqlmigrate.precheck.checks.ZeroDateWritesCheck;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs every check the chosen migration types need, in a fixed order; a check that errors is a FAIL naming why. */
public final class Precheck {

    public static List<Check> all() {
        return List.of(new ServerVersionsCheck(), TlsCheck.source(), TlsCheck.destination(), new SourcePrivilegesCheck(),
                new SourceObjectsVisibleCheck(), new DestinationPrivilegesCheck(), new DestinationRoutineCreationCheck(),
                BinlogSettingCheck.enabled(), BinlogSettingCheck.format(),
                BinlogSettingCheck.rowImage(), new BinlogRetentionCheck(), new ServerIdCheck(), new ReplicaLogUpdatesCheck(),
                new GtidModeCheck(), new TablesWithoutKeyCheck(), new InvisibleColumnsCheck(), new GeneratedInvisiblePrimaryKeyCheck(),
                TableTraitsCheck.nonInnoDb(), TableTraitsCheck.cascadingForeignKeys(), new OnlineDdlLeftoversCheck(),
                new ConflictingTablesCheck(), new DestinationNamesCheck(), new TopicNamesCheck(), new DestinationCharsetCheck(),
                new DestinationCollationsCheck(), new CrossFlavourFeaturesCheck(), new LowerCaseTableNamesCheck(), new SqlModeCheck(), new ZeroDateWritesCheck(), new TimeZoneCheck(),
                new MaxAllowedPacketCheck(), new DestinationCapacityCheck());
    }

    /**
     * The Kafka side, for a Connect worker's REST URL: the worker and both plugins, both configurations validated by
     * it, and the retention of the database topics on the source's kafka.bootstrap.servers.
     */
    public static List<Check> kafka(String connectUrl) {
        return List.of(new ConnectPluginsCheck(connectUrl), ConnectValidateCheck.source(connectUrl),
                ConnectValidateCheck.sink(connectUrl), new TopicRetentionCheck());
    }

    /**
     * The migration assessment (DTS's optional deeper pass): indexes too long under utf8mb4, views, routines,
     * triggers and foreign keys that use tables outside the selection, and values the capture changes or cannot carry
     * (zero dates, zero TIMESTAMPs, YEAR 0000, latin1 bytes undefined in Windows-1252, DATETIMEs of the calendar switch),
     * found by reading every selected table that has such a column once, and unique keys whose values collide under the
     * collation they get on the destination (each such key read once and compared there): full scans, which is why they are here and not in
     * {@link #all()}.
     */
    public static List<Check> assessment() {
        List<Check> checks = new ArrayList<>(List.of(new IndexPrefixUtf8mb4Check(), new ObjectsOutsideSelectionCheck(),
                new ForeignKeysOutsideSelectionCheck()));
        checks.addAll(CapturedValuesCheck.family());
        checks.add(new UniqueKeyCollisionsCheck());
        return List.copyOf(checks);
    }

    private Precheck() {
    }

    public static List<CheckResult> run(CheckContext context, List<Check> checks) {
        List<CheckResult> results = new ArrayList<>();
        var types = context.source().migrationTypes();
        for (Check check : checks) {
            if (!check.appliesTo(types)) {
                continue;
            }
            try {
                results.add(check.run(context));
            } catch (SQLException | RuntimeException e) {
                results.add(CheckResult.fail(check.id(), "the check could not run: " + e.getMessage(),
                        "Without it this prerequisite is unknown.", "Grant the account what the check reads "
                                + "(information_schema, global variables) or fix the cause named above."));
            }
        }
        return results;
    }

    /** FAIL, or WARN not acknowledged by its id, blocks. */
    public static boolean passes(List<CheckResult> results, Set<String> acknowledged) {
        return results.stream().noneMatch(r -> r.status() == Status.FAIL
                || (r.status() == Status.WARN && !acknowledged.contains(r.id())));
    }
}
