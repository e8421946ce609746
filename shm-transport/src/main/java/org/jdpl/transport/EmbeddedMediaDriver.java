package org.jdpl.transport;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.driver.ext.DebugReceiveChannelEndpoint;
import io.aeron.driver.ext.LossGenerator;
import io.aeron.driver.ext.RandomLossGenerator;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * The Aeron media driver of one run, started inside the Driver process. It runs in SHARED threading
 * mode with a backing-off idle strategy (a run has more processes than cores), keeps term files
 * sparse and small enough for many streams, and deletes its directory when it starts and when it
 * is closed.
 */
public final class EmbeddedMediaDriver implements AutoCloseable
{
    private static final int COUNTER_VALUES_BYTES = 2 << 20;

    /** Settings; the defaults suit a run of many small device processes on few cores. */
    public static final class Context
    {
        public static final int DEFAULT_IPC_TERM_LENGTH_BYTES = 16 * 1024 * 1024;
        /** The largest IPC fragment Aeron allows; fewer fragments per large message. */
        public static final int DEFAULT_IPC_MTU_BYTES = 65504;
        /**
         * A client silent this long is dead to the driver, which then frees its counters and its
         * publications. Device processes start many at a time on few cores: at 5 s a device JVM starved
         * while seven others started was declared dead mid-start (its first subscription failed). A crash
         * is told by the process's exit, not by this timeout, so a long one costs only the time a dead
         * process's resources stay allocated.
         */
        public static final long DEFAULT_CLIENT_LIVENESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(15);
        /** System property: the share of UDP data frames to drop on receipt (tests of loss recovery). */
        public static final String RECEIVE_LOSS_RATE_PROPERTY = "jdpl.debug.receiveLossRate";

        private Path aeronDir;
        private int ipcTermLengthBytes = DEFAULT_IPC_TERM_LENGTH_BYTES;
        private int ipcMtuBytes = DEFAULT_IPC_MTU_BYTES;
        private long clientLivenessTimeoutNs = DEFAULT_CLIENT_LIVENESS_TIMEOUT_NS;
        private double receiveLossRate = Double.parseDouble(System.getProperty(RECEIVE_LOSS_RATE_PROPERTY, "0"));

        /** The media driver's directory (usually {@code /dev/shm/jdpl-<run>/aeron}); required. */
        public Context aeronDir(final Path aeronDir)
        {
            this.aeronDir = aeronDir;
            return this;
        }

        public Path aeronDir()
        {
            return aeronDir;
        }

        /** Term length of IPC streams: a power of two, 64 KiB .. 1 GiB; a message may be 1/8 of it. */
        public Context ipcTermLengthBytes(final int lengthBytes)
        {
            this.ipcTermLengthBytes = lengthBytes;
            return this;
        }

        public int ipcTermLengthBytes()
        {
            return ipcTermLengthBytes;
        }

        public Context ipcMtuBytes(final int mtuBytes)
        {
            this.ipcMtuBytes = mtuBytes;
            return this;
        }

        public int ipcMtuBytes()
        {
            return ipcMtuBytes;
        }

        /** How long a silent client (a dead device) keeps its publications and subscriptions. */
        public Context clientLivenessTimeoutNs(final long timeoutNs)
        {
            this.clientLivenessTimeoutNs = timeoutNs;
            return this;
        }

        public long clientLivenessTimeoutNs()
        {
            return clientLivenessTimeoutNs;
        }

        /**
         * Drops this share of the UDP data frames it receives, as a lossy network would, so that
         * tests see Aeron's NAK and retransmission at work; 0 (the default) drops nothing.
         */
        public Context receiveLossRate(final double rate)
        {
            this.receiveLossRate = rate;
            return this;
        }

        public double receiveLossRate()
        {
            return receiveLossRate;
        }

        void conclude()
        {
            if (aeronDir == null)
            {
                throw new IllegalArgumentException("EmbeddedMediaDriver needs an aeronDir");
            }
            if (Integer.bitCount(ipcTermLengthBytes) != 1 || ipcTermLengthBytes < 64 * 1024)
            {
                throw new IllegalArgumentException(
                    "IPC term length " + ipcTermLengthBytes + " must be a power of two of at least 64 KiB");
            }
        }
    }

    private final MediaDriver mediaDriver;
    private final Path aeronDir;

    private EmbeddedMediaDriver(final MediaDriver mediaDriver, final Path aeronDir)
    {
        this.mediaDriver = mediaDriver;
        this.aeronDir = aeronDir;
    }

    /** Starts a media driver with default settings in {@code aeronDir}. */
    public static EmbeddedMediaDriver launch(final Path aeronDir)
    {
        return launch(new Context().aeronDir(aeronDir));
    }

    public static EmbeddedMediaDriver launch(final Context context)
    {
        context.conclude();
        // The driver refuses a publication unblock timeout not above the client liveness timeout.
        final long unblockTimeoutNs = Math.max(
            context.clientLivenessTimeoutNs() * 2, new MediaDriver.Context().publicationUnblockTimeoutNs());
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(context.aeronDir().toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .warnIfDirectoryExists(false)
            .termBufferSparseFile(true)
            // Aeron's default, 8 MiB of counter values and 4 times that of metadata, makes a 46 MiB cnc.dat
            // that the driver touches whole: most of the Driver's resident set. 16k counters (a few per stream
            // and client) are plenty for one run.
            .counterValuesBufferLength(COUNTER_VALUES_BYTES)
            .ipcTermBufferLength(context.ipcTermLengthBytes())
            .ipcMtuLength(context.ipcMtuBytes())
            .clientLivenessTimeoutNs(context.clientLivenessTimeoutNs())
            .publicationUnblockTimeoutNs(unblockTimeoutNs);
        if (context.receiveLossRate() > 0)
        {
            final LossGenerator dataLoss = new RandomLossGenerator(context.receiveLossRate());
            final LossGenerator noControlLoss = new RandomLossGenerator(0);
            driverContext.receiveChannelEndpointSupplier((channel, dispatcher, statusIndicator, ctx) ->
                new DebugReceiveChannelEndpoint(channel, dispatcher, statusIndicator, ctx, dataLoss, noControlLoss));
        }
        return new EmbeddedMediaDriver(MediaDriver.launch(driverContext), context.aeronDir());
    }

    /** Where clients connect ({@code Aeron.Context.aeronDirectoryName}). */
    public Path aeronDir()
    {
        return aeronDir;
    }

    @Override
    public void close()
    {
        mediaDriver.close();
    }
}
