package org.jdpl.testsupport;

import org.opentest4j.TestAbortedException;

/**
 * A skip for hardware this machine cannot have (a CUDA GPU): the one kind of skip {@link CiSkipPolicy}
 * lets through in CI. Missing data, tools or drivers that CI installs are not this.
 */
public final class HardwareUnavailable extends TestAbortedException
{
    private static final long serialVersionUID = 1L;

    HardwareUnavailable(final String reason)
    {
        super(reason);
    }
}
