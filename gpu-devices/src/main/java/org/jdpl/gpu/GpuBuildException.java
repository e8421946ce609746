package org.jdpl.gpu;

/** A kernel program did not compile; carries the compiler's build log. */
public final class GpuBuildException extends GpuException
{
    private final String buildLog;

    public GpuBuildException(final String program, final String backend, final String status, final String buildLog)
    {
        super("building GPU program '" + program + "' with " + backend + " failed (" + status + "); build log:\n" +
            (buildLog.isBlank() ? "(empty)" : buildLog.strip()));
        this.buildLog = buildLog;
    }

    public String buildLog()
    {
        return buildLog;
    }
}
