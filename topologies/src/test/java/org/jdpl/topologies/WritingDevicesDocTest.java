package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tutorial's code is the example's code: each file of examples/custom-device stands in docs/writing-devices.md whole. */
class WritingDevicesDocTest
{
    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {
        "src/main/java/org/example/qc/HitDensity.java",
        "src/test/java/org/example/qc/HitDensityTest.java",
        "src/main/resources/META-INF/services/org.jdpl.framework.device.DeviceFactory",
        "hit-density.conf"})
    void shouldQuoteTheExampleFileWhole(final String file) throws Exception
    {
        final String doc = Files.readString(ROOT.resolve("docs/writing-devices.md"));
        final String code = Files.readString(ROOT.resolve("examples/custom-device").resolve(file));
        assertTrue(doc.contains(code), file + " differs from what docs/writing-devices.md shows of it");
    }
}
