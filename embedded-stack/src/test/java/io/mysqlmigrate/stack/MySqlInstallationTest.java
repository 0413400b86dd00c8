package io.mysqlmigrate.stack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MySqlInstallationTest {

    @Test
    void aMissingTreeIsAnErrorNamingTheCommandThatMakesIt(@TempDir Path empty) {
        StackException e = assertThrows(StackException.class, () -> MySqlInstallation.at(empty.resolve("nothing")));
        assertTrue(e.getMessage().contains("scripts/prepare-mysql.sh"), e.getMessage());
        assertTrue(e.getMessage().contains(MySqlInstallation.ROOT_ENV), e.getMessage());
    }

    @Test
    void aTreeWithoutTheReadyMarkerIsNotUsed(@TempDir Path tree) throws Exception {
        Path mysqld = Files.createDirectories(tree.resolve("usr/sbin")).resolve("mysqld");
        Files.writeString(mysqld, "");
        mysqld.toFile().setExecutable(true);
        StackException e = assertThrows(StackException.class, () -> MySqlInstallation.at(tree));
        assertTrue(e.getMessage().contains("not prepared"), e.getMessage());
    }
}
