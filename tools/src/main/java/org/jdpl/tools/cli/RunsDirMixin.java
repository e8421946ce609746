package org.jdpl.tools.cli;

import java.nio.file.Path;

import org.jdpl.framework.driver.DriverContext;
import org.jdpl.tools.view.RunLocator;
import picocli.CommandLine.Option;

/** {@code --runs-dir DIR}, shared by the commands that look at runs. */
final class RunsDirMixin
{
    @Option(names = "--runs-dir", paramLabel = "DIR", description = "Where the runs are (default: $JDPL_RUNS_DIR or ./runs).")
    Path runsDir;

    RunLocator locator()
    {
        return new RunLocator(runsDir != null ? runsDir : DriverContext.defaultRunsDir());
    }
}
