using System.Diagnostics;
using System.Globalization;

namespace Exporter.DatabaseFailureBench;

/// <summary>What one run found: the child's own figures and the connection attempts counted from outside.</summary>
internal sealed record Measurement(
    RunSpec Spec,
    IReadOnlyDictionary<string, Dictionary<string, string>> Lines,
    IReadOnlyList<string> Logs,
    long SynsDuringScrapes,
    long SynsWhileIdle,
    long DataSegmentsWhileIdle)
{
    public string Figure(string line, string key) => Lines.TryGetValue(line, out var pairs) ? pairs.GetValueOrDefault(key, "?") : "?";

    public double Number(string line, string key) =>
        double.TryParse(Figure(line, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>Starts the child for <paramref name="spec"/>, counting connection attempts to <paramref name="port"/>.</summary>
    public static async Task<Measurement> RunAsync(RunSpec spec, int port)
    {
        using var counter = new SynCounter(port);
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
        }

        foreach (var argument in spec.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the child");
        var lines = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var logs = new List<string>();
        long before = 0, afterScrapes = 0, afterIdle = 0, segmentsBefore = 0, segmentsAfter = 0;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var (what, rest) = space < 0 ? (line, string.Empty) : (line[..space], line[(space + 1)..]);
            switch (what)
            {
                case "mark":
                    // Segments already on the wire reach the raw socket a moment later.
                    await Task.Delay(200);
                    switch (rest)
                    {
                        case "scrapes":
                            before = counter.Syns;
                            break;
                        case "idle":
                            afterScrapes = counter.Syns;
                            segmentsBefore = counter.DataSegments;
                            break;
                        default:
                            afterIdle = counter.Syns;
                            segmentsAfter = counter.DataSegments;
                            break;
                    }

                    await child.StandardInput.WriteLineAsync("go");
                    await child.StandardInput.FlushAsync();
                    break;
                case "log":
                    logs.Add(rest);
                    break;
                default:
                    lines[what] = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
                    break;
            }
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{spec.Client} {spec.Case}: the child exited with {child.ExitCode}");
        }

        return new Measurement(spec, lines, logs, afterScrapes - before, afterIdle - afterScrapes, segmentsAfter - segmentsBefore);
    }
}
