package org.jdpl.framework.runner;

import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;

/**
 * How a device replica ended: its exit code ({@link DeviceExitCode}) and the report it wrote.
 *
 * @param exitCode what the device process exits with
 * @param report   what was written to the run's reports directory
 */
public record DeviceOutcome(int exitCode, DeviceReport report)
{
    @Override
    public String toString()
    {
        return DeviceExitCode.describe(exitCode) + (report.failure() == null ? "" : ": " + report.failure());
    }
}
