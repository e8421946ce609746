package org.jdpl.tools.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dpl completion}: the bash/zsh completion script of every command and option, by picocli's generator. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {"Print a completion script for bash and zsh: commands, options, files.",
        "Use it with: source <(./dpl completion)   (zsh: autoload -U +X bashcompinit && bashcompinit first)"})
public final class CompletionCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().getOut().print(AutoComplete.bash("dpl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
