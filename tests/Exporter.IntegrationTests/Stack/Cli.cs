using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>Runs a command-line tool (promtool, amtool, docker-compose) to completion.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments) =>
        RunIn(RepoPaths.Root, tool, arguments);

    public static (int ExitCode, string Output) RunIn(string workingDirectory, string tool, params string[] arguments)
    {
        using var process = new ExternalProcess(Tools.Require(tool), arguments, workingDirectory);
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish: {process.Output}");
        }

        // WaitForExit(TimeSpan) may return before the output pipes are drained; this one waits for them.
        process.WaitForExit(TimeSpan.FromSeconds(5));
        return (process.ExitCode, process.Output);
    }
}
