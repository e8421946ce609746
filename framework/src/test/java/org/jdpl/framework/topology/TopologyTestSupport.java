package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.topology.fixtures.TestGpuDiscovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiles topology text written to real files, with a fixed environment. */
final class TopologyTestSupport
{
    static final DeviceCatalog CATALOG = DeviceCatalog.load();
    static final Map<String, String> ENVIRONMENT = Map.of("HOME", "/home/test");

    private TopologyTestSupport()
    {
    }

    static Path write(final Path dir, final String name, final String text) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static Compilation compile(final List<Path> files, final List<String> sets)
    {
        return TopologyCompiler.compile(files, sets, CATALOG, ENVIRONMENT, new TestGpuDiscovery());
    }

    static Compilation compileClean(final List<Path> files, final List<String> sets)
    {
        final Compilation result = compile(files, sets);
        assertTrue(result.ok(), () -> "expected no problems, got:\n" + result.problemReport());
        return result;
    }
}
