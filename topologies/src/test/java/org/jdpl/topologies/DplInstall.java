package org.jdpl.topologies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built jdpl laid out as {@code ./dpl} expects it ({@code dpl}, {@code jvm.flags}, the training
 * topology, {@code tools/target/jdpl-tools.jar} and {@code tools/target/lib/*.jar}) in a directory of
 * its own, made from the jars on this test's class path, so that the real script runs, makes and checks
 * its start-up cache there without touching the working tree's. Only possible when the class path has
 * the packaged jars (a reactor build up to {@code package} or {@code verify}, as {@code ./dpl test} runs).
 */
final class DplInstall
{
    /** Tests run in the module's directory, one below the repository's. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final long RUN_TIMEOUT_S = 300;
    /** Why a test that needs an install is skipped. */
    static final String NEEDS_JARS = "needs the packaged jars on the class path (a reactor build up to package, e.g. ./dpl test)";

    private final Path root;

    private DplInstall(final Path root)
    {
        this.root = root;
    }

    /** Whether this test's class path holds the packaged jars of every jdpl module (not their classes directories). */
    static boolean jarsOnClassPath()
    {
        return classPath().stream().anyMatch(p -> p.getFileName().toString().startsWith("jdpl-tools") && p.toString().endsWith(".jar"));
    }

    static DplInstall create(final Path root) throws IOException
    {
        final Path lib = Files.createDirectories(root.resolve("tools/target/lib"));
        for (final Path entry : classPath())
        {
            final String name = entry.getFileName().toString();
            if (!name.endsWith(".jar") || !Files.isRegularFile(entry) || name.startsWith("junit") || name.startsWith("opentest4j") ||
                name.startsWith("apiguardian"))
            {
                continue; // classes directories and the test framework are not part of an installed jdpl
            }
            Files.copy(entry, name.startsWith("jdpl-tools") ? root.resolve("tools/target/jdpl-tools.jar") : lib.resolve(name));
        }
        copy("dpl", root);
        copy("framework/src/main/resources/org/jdpl/framework/jvm.flags", root);
        copy("topologies/aot-training.conf", root);
        // ./dpl rebuilds when sources are newer than this stamp; there are no sources here.
        Files.createFile(lib.resolve(".built"));
        return new DplInstall(root);
    }

    Path cache()
    {
        return root.resolve("tools/target/aot/jdpl.aot");
    }

    Path trainingTopology()
    {
        return root.resolve("topologies/aot-training.conf");
    }

    /** Makes {@code jar} (a library of this install) look rebuilt: a new modification time. */
    void touchLibrary(final String prefix) throws IOException
    {
        try (var jars = Files.list(root.resolve("tools/target/lib")))
        {
            final Path jar = jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        }
    }

    /** {@code ./dpl args...} with {@code environment} added, to its end: exit code and everything it printed. */
    Result run(final Map<String, String> environment, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of(root.resolve("dpl").toString()));
        command.addAll(List.of(args));
        final Path output = Files.createTempFile(root, "dpl", ".out");
        final ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        final Process process = builder.start();
        if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("./dpl " + String.join(" ", args) + " did not end in " + RUN_TIMEOUT_S + " s:\n" +
                Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** What one {@code ./dpl} printed and how it ended. */
    record Result(int exitCode, String output)
    {
        /** How many lines contain {@code text}. */
        long lines(final String text)
        {
            return output.lines().filter(l -> l.contains(text)).count();
        }

        @Override
        public String toString()
        {
            return "exit " + exitCode + "\n" + output;
        }
    }

    private static List<Path> classPath()
    {
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
            .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static void copy(final String file, final Path root) throws IOException
    {
        final Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(REPO.resolve(file), target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
}
