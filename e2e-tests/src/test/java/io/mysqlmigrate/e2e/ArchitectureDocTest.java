package io.mysqlmigrate.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md stays short and true: every class, package and folder it names in code quotes exists in the
 * tree, so a move that forgets the doc fails here instead of leaving the doc wrong.
 */
class ArchitectureDocTest {

    private static final Path ROOT = DockerDeploymentFilesTest.ROOT;
    private static final Path DOC = ROOT.resolve("docs/ARCHITECTURE.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z0-9]+(#[a-zA-Z]+)?");
    private static final Pattern PACKAGE_OR_FOLDER = Pattern.compile("[a-z][a-z0-9-]*(/[A-Za-z0-9.-]+)*/?");

    private static Set<String> javaFiles;
    private static Set<String> folders;

    @BeforeAll
    static void readTree() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            List<Path> paths = all.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> !ROOT.relativize(p).toString().startsWith("target")).toList();
            javaFiles = paths.stream().filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/"))
                    .map(p -> ROOT.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
            folders = paths.stream().filter(Files::isDirectory).map(p -> ROOT.relativize(p) + "/")
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void staysUnderEightKilobytes() throws IOException {
        long size = Files.size(DOC);
        assertTrue(size < 8 * 1024, "docs/ARCHITECTURE.md is " + size + " bytes; figures belong in bench/README.md");
    }

    @Test
    void everyClassItNamesExists() {
        Set<String> missing = new TreeSet<>();
        for (String quoted : quoted()) {
            for (String word : quoted.split("[ ,()]+")) {
                if (CLASS.matcher(word).matches() && !word.equals(word.toUpperCase())) {
                    String simple = word.replaceAll("#.*", "");
                    if (javaFiles.stream().noneMatch(f -> f.endsWith("/" + simple + ".java"))) {
                        missing.add(word);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/ARCHITECTURE.md names classes that are not in the tree: " + missing);
    }

    @Test
    void everyPackageAndFolderItNamesExists() {
        Set<String> missing = new TreeSet<>();
        for (String quoted : quoted()) {
            if (!quoted.contains("/") || quoted.contains(" ") || quoted.startsWith("<")
                    || !PACKAGE_OR_FOLDER.matcher(quoted).matches()) {
                continue;
            }
            // "module/.../package/" stands for any folders in between
            Pattern wanted = Pattern.compile("(.*/)?" + Stream.of(quoted.split("/\\.\\.\\./", -1)).map(Pattern::quote)
                    .collect(Collectors.joining("/(.+/)?")));
            boolean isClass = CLASS.matcher(quoted.substring(quoted.lastIndexOf('/') + 1)).matches();
            boolean found = isClass
                    ? javaFiles.stream().anyMatch(f -> Pattern.compile(wanted.pattern() + "\\.java").matcher(f).matches())
                    : folders.stream().anyMatch(f -> wanted.matcher(f).matches() || wanted.matcher(withSlash(f)).matches()
                            || Pattern.compile(wanted.pattern() + "/").matcher(f).matches())
                            || Files.isRegularFile(ROOT.resolve(quoted));
            if (!found) {
                missing.add(quoted);
            }
        }
        assertTrue(missing.isEmpty(), "docs/ARCHITECTURE.md names packages or folders that are not in the tree: " + missing);
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    private static List<String> quoted() {
        try {
            Matcher m = CODE.matcher(Files.readString(DOC));
            return m.results().map(r -> r.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
