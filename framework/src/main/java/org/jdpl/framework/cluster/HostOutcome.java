package org.jdpl.framework.cluster;

import org.jdpl.framework.driver.RunSummary;

/**
 * How one host's part of a run ended.
 *
 * @param host     the host's name
 * @param exitCode its agent's exit code ({@link HostAgentMain#OK} ...; 128+n when killed by signal n)
 * @param summary  the agent's run summary; null when the agent died before writing it
 * @param log      the agent's output, on the launching host
 */
public record HostOutcome(String host, int exitCode, RunSummary summary, String log)
{
    public boolean ok()
    {
        return exitCode == HostAgentMain.OK;
    }
}
