package org.jdpl.tools.top;

import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.transport.ControlCommandCodec;

/**
 * What {@code dpl top} may do to a run. Pause and resume go straight to the devices on the run's
 * control stream, through an Aeron client of top's own made on first use (so merely watching adds
 * no client to the run); sources obey, everything downstream idles. Stop is the same as Ctrl-C on
 * {@code dpl run}: SIGTERM to the Driver, which then stops the run gracefully.
 */
final class RunControl implements AutoCloseable
{
    private static final long OFFER_TIMEOUT_MS = 1_000;

    private final RunManifest manifest;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ControlCommandCodec.LENGTH]);
    private Aeron aeron;
    private Publication publication;

    RunControl(final RunManifest manifest)
    {
        this.manifest = manifest;
    }

    /** Sends PAUSE or RESUME to every device; returns what happened, for the status line. */
    String pause(final boolean pause)
    {
        final String what = pause ? "pause" : "resume";
        try
        {
            if (publication == null)
            {
                aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(manifest.aeronDir()).clientName("dpl-top"));
                publication = aeron.addPublication("aeron:ipc", manifest.plan().controlStreamId());
            }
            final int length = ControlCommandCodec.encode(buffer, 0, pause ? ControlCommandCodec.PAUSE : ControlCommandCodec.RESUME, 0);
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OFFER_TIMEOUT_MS);
            while (publication.offer(buffer, 0, length) < 0)
            {
                if (System.nanoTime() > deadline)
                {
                    return what + " not delivered: no device listens on the control stream (has the run ended?)";
                }
                Thread.onSpinWait();
            }
            return what + " sent to every device";
        }
        catch (final RuntimeException ex)
        {
            return what + " failed: cannot reach the run's media driver at " + manifest.aeronDir() + " (" + ex.getMessage() + ")";
        }
    }

    /** Asks the Driver to stop the run gracefully (SIGTERM). */
    String stop()
    {
        return ProcessHandle.of(manifest.driverPid())
            .map(p -> p.destroy() ? "stop requested: the sources end their stream" : "could not signal the Driver")
            .orElse("the Driver (pid " + manifest.driverPid() + ") is gone");
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(publication, aeron);
    }
}
