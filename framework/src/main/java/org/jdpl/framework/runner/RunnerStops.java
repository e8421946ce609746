package org.jdpl.framework.runner;

import org.jdpl.framework.run.DeviceExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ends a runner's loop before its end of stream, as the exit code and failure line of the
 * device's report, logged once as each deserves: the Driver gone, a close, a device call that
 * failed, a bad set-up, a broken transport, or a bug of our own (with its stack trace).
 */
final class RunnerStops
{
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);

    private RunnerStops()
    {
    }

    static int exitCodeOf(final Exception e)
    {
        return switch (e)
        {
            case DriverLostException lost -> DeviceExitCode.DRIVER_LOST;
            case RunnerClosedException closed -> DeviceExitCode.STOPPED;
            case DeviceSetupException setup -> DeviceExitCode.BAD_SETUP;
            default -> DeviceExitCode.DEVICE_FAILED;
        };
    }

    /** The report's failure line (null for a close), after logging it. */
    static String logged(final String who, final Exception e)
    {
        switch (e)
        {
            case RunnerClosedException closed ->
            {
                LOG.info("{}: closed before end of stream", who);
                return null;
            }
            case DeviceCallException call ->
            {
                LOG.error("{}", call.getMessage());
                return call.getMessage();
            }
            case DriverLostException lost -> LOG.error("{}: {}", who, lost.getMessage());
            case DeviceSetupException setup -> LOG.error("{}: {}", who, setup.getMessage());
            case TransportFailedException transport -> LOG.error("{}: {}", who, transport.getMessage());
            default ->
            {
                LOG.error("{}: internal error in the device runner (a jdpl bug; please report it)", who, e);
                return "internal error: " + DeviceCallException.describe(e);
            }
        }
        return e.getMessage();
    }
}
