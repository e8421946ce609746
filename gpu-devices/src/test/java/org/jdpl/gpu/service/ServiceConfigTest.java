package org.jdpl.gpu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest
{
    @TempDir
    Path dir;

    private Path write(final String text) throws Exception
    {
        return Files.writeString(dir.resolve("svc.conf"), text);
    }

    private String rejected(final String text) throws Exception
    {
        final Path file = write(text);
        return assertThrows(ServiceConfigException.class, () -> ServiceConfig.load(file)).getMessage().replace(file.toString(), "svc.conf");
    }

    @Test
    void shouldReadEveryKeyWithTheStepsOptionsBehind() throws Exception
    {
        final ServiceConfig c = ServiceConfig.load(write("""
            name = seeds-1
            step = gpu-seeder
            gpu { backend = opencl, index = 0, memory = 32M }
            instances = 2
            max-batch = 4
            max-queue-delay = 3ms
            options { pt-min = 0.7 }
            """));

        assertEquals("seeds-1", c.name());
        assertEquals(ServiceStep.SEEDER, c.step());
        assertEquals("opencl", c.backend());
        assertEquals(32L << 20, c.memoryBytes());
        assertEquals(2, c.instances());
        assertEquals(4, c.maxBatch());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(3), c.maxQueueDelayNs());
        assertEquals(0.7, c.stepOptions().getDouble("pt-min"));
        assertEquals(2.0, c.stepOptions().getDouble("bfield"));
    }

    @Test
    void shouldDefaultToOneInstanceWithoutBatching() throws Exception
    {
        final ServiceConfig c = ServiceConfig.load(write("name = c\nstep = gpu-clusterizer\n"));

        assertEquals(ServiceStep.CLUSTERIZER, c.step());
        assertEquals(1, c.instances());
        assertEquals(1, c.maxBatch());
        assertEquals(0, c.maxQueueDelayNs());
        assertEquals(64L << 20, c.memoryBytes());
    }

    @Test
    void shouldNameTheLineOfEachBadValue() throws Exception
    {
        assertEquals("svc.conf:3: instances = 17 is out of range; give one from 1 to 16",
            rejected("name = s\nstep = gpu-seeder\ninstances = 17\n"));
        assertEquals("svc.conf:2: step = 'seeder' is not a GPU step a service runs; use gpu-seeder or gpu-clusterizer",
            rejected("name = s\nstep = seeder\n"));
        assertEquals("svc.conf:3: max-queue-delay = \"soon\" is not a duration; write e.g. 2ms",
            rejected("name = s\nstep = gpu-seeder\nmax-queue-delay = soon\n"));
        assertEquals("svc.conf:4: 'pt-max' is not an option of gpu-seeder; `dpl devices gpu-seeder` lists them",
            rejected("name = s\nstep = gpu-seeder\noptions {\n  pt-max = 3\n}\n"));
        assertEquals("svc.conf:1: unknown key 'instance'; a service file has gpu, instances, max-batch, max-queue-delay, name, options, step",
            rejected("instance = 2\nname = s\nstep = gpu-seeder\n"));
        assertEquals("svc.conf:3: gpu.memory = 1024 bytes is too small for a GPU memory pool; give at least 64K",
            rejected("name = s\nstep = gpu-seeder\ngpu.memory = 1K\n"));
        assertEquals("svc.conf: 'name' is missing; a service file needs name and step", rejected("step = gpu-seeder\n"));
    }

    @Test
    void shouldSayWhereTheSyntaxBreaks() throws Exception
    {
        final String said = rejected("name = s\nstep = gpu-seeder\ninstances = }\nmax-batch = 2\n");

        assertEquals("svc.conf:3:", said.substring(0, "svc.conf:3:".length()), said);
    }
}
