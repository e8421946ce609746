package org.jdpl.devices.builtin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;

/**
 * Test device type {@code test-close-recorder}: takes its input, optionally fails on one timeslice,
 * and when closed writes {@code closed after N timeslice(s)} to {@code <run dir>/<file>}, so that a
 * test sees close was called however the device ended.
 */
public final class CloseRecorder extends DeviceSpec
{
    private final InputPort in = input("in", "TST/COUNTER");
    private final Option<String> file = stringOption("file", "closed.txt", "where the close is recorded, in the run directory");
    private final Option<Long> failAt = longOption("fail-at", -1, -1, Long.MAX_VALUE, "throw from process on this timeslice; -1 = never");

    public CloseRecorder()
    {
        super("test-close-recorder", "test: records in a file that it was closed");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final Path record = setup.info().runDirectory().resolve(setup.get(file));
        final long fail = setup.get(failAt);
        final AtomicLong processed = new AtomicLong();
        setup.onClose(() -> Files.writeString(record, "closed after " + processed.get() + " timeslice(s)\n"));
        return ts ->
        {
            ts.input(in);
            if (ts.id() == fail)
            {
                throw new IllegalStateException("failing on purpose at timeslice " + fail);
            }
            processed.incrementAndGet();
        };
    }
}
