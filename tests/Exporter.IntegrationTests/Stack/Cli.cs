using System.Diagnostics;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Stack;

/// <summary>Runs a command-line tool (promtool, amtool, docker-compose) to completion and returns all it wrote.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments) =>
        RunIn(RepoPaths.Root, tool, arguments);

    public static (int ExitCode, string Output) RunIn(string workingDirectory, string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(Tools.Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish");
        }

        // Both pipes are read to their end, so nothing the tool wrote is lost.
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}
