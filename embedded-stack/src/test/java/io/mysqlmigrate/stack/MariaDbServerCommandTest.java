package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbServerCommandTest {
    private static final Path DIR = Path.of("/s/source");

    @Test
    void binlogOnByDefaultWithRowFormatAndFullImages() {
        List<String> cmd = MariaDbServer.serverCommand(Path.of("/usr/sbin/mariadbd"),
                new ServerOptions().serverId(3), DIR, DIR.resolve("mysqld.sock"), 4000);
        assertEquals("/usr/sbin/mariadbd", cmd.get(0));
        assertEquals("--no-defaults", cmd.get(1), "--no-defaults must come first");
        assertTrue(cmd.containsAll(List.of("--datadir=/s/source/data", "--port=4000", "--bind-address=127.0.0.1",
                "--socket=/s/source/mysqld.sock", "--server-id=3", "--log-error=/s/source/mariadb.err",
                "--log-bin=mysql-bin", "--binlog-format=ROW", "--binlog-row-image=FULL",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci", "--skip-name-resolve",
                "--max-allowed-packet=64M", "--max-connections=300")), cmd.toString());
    }

    @Test
    void noBinlogWhenDisabledAndExtraArgsComeLast() {
        List<String> cmd = MariaDbServer.serverCommand(Path.of("mariadbd"),
                new ServerOptions().binlog(false).extraArgs("--binlog-format=STATEMENT", "--x=y"), DIR,
                DIR.resolve("s"), 1);
        assertFalse(cmd.contains("--log-bin=mysql-bin"));
        assertEquals(List.of("--binlog-format=STATEMENT", "--x=y"), cmd.subList(cmd.size() - 2, cmd.size()));
    }

    @Test
    void jdbcUrlWithAndWithoutDatabase() {
        String suffix = "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8"
                + "&connectionCollation=utf8mb4_general_ci&serverTimezone=UTC";
        assertEquals("jdbc:mysql://127.0.0.1:4000/" + suffix, DatabaseServer.loopbackJdbcUrl("127.0.0.1", 4000, null));
        assertEquals("jdbc:mysql://127.0.0.1:4000/shop" + suffix, DatabaseServer.loopbackJdbcUrl("127.0.0.1", 4000, "shop"));
    }

    @Test
    void socketMovesToTmpWhenTheInstancePathIsTooLong() {
        assertEquals(DIR.resolve("mysqld.sock"), MariaDbServer.socketPath(DIR, 1));
        Path deep = Path.of("/" + "d".repeat(120));
        Path socket = MariaDbServer.socketPath(deep, 4321);
        assertTrue(socket.toString().length() < 100, socket.toString());
        assertTrue(socket.toString().endsWith("-4321.sock"));
    }

    @Test
    void optionsDefaults() {
        ServerOptions o = ServerOptions.builder().build();
        assertEquals(1, o.serverId());
        assertTrue(o.binlog());
        assertEquals(0, o.port());
        assertFalse(o.detached());
        assertTrue(o.withShutdownHook());
        assertFalse(new ServerOptions().detached(true).withShutdownHook());
        assertFalse(new ServerOptions().shutdownHook(false).withShutdownHook());
    }
}
