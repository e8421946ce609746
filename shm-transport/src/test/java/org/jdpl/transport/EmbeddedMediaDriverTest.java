package org.jdpl.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EmbeddedMediaDriverTest
{
    @Test
    @Timeout(30)
    void shouldCarryMessagesOverIpcAndDeleteItsDirectory() throws Exception
    {
        final Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm))
        {
            org.junit.jupiter.api.Assumptions.abort("no /dev/shm on this machine");
        }
        final Path aeronDir = shm.resolve("jdpl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime()).resolve("aeron");
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch(aeronDir);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDir().toString()));
            Subscription subscription = aeron.addSubscription("aeron:ipc", 1001);
            Publication publication = aeron.addPublication("aeron:ipc", 1001))
        {
            assertTrue(Files.isDirectory(aeronDir));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!publication.isConnected())
            {
                assertTrue(System.nanoTime() < deadline, "publication did not connect");
                Thread.onSpinWait();
            }
            // 16 MiB terms allow messages of 2 MiB
            assertEquals(2 * 1024 * 1024, publication.maxMessageLength());

            final UnsafeBuffer message = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET + 100_000]);
            new MessageEncoder().wrap(message, 0).writeHeaderBlock("TST", "BIG", 1).stamp(100_000, 5, 0);
            while (publication.offer(message) < 0)
            {
                assertTrue(System.nanoTime() < deadline, "offer did not succeed");
                Thread.onSpinWait();
            }
            final MessageDecoder decoder = new MessageDecoder();
            final long[] timeslice = {-1};
            final io.aeron.FragmentAssembler assembler = new io.aeron.FragmentAssembler((buffer, offset, length, header) ->
            {
                assertEquals(WireError.NONE, decoder.check(buffer, offset, length));
                timeslice[0] = decoder.processingHeader().startTime();
            });
            while (timeslice[0] < 0)
            {
                assertTrue(System.nanoTime() < deadline, "message did not arrive");
                subscription.poll(assembler, 10);
            }
            assertEquals(5, timeslice[0]);
        }
        assertFalse(Files.exists(aeronDir), "the driver deletes its directory on close");
        Files.deleteIfExists(aeronDir.getParent());
    }
}
