using System.Diagnostics;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>
/// MongoDB's official JavaScript libraries, js-bson and the Node.js driver, installed with npm into a
/// temporary directory: the independent implementations our BSON codec and the test responder are
/// checked against. Their versions are pinned exactly, the whole dependency tree with them, by
/// Databases/MongoDb/npm/package.json and package-lock.json (npm ci), so a new release cannot change the tests.
/// </summary>
public sealed class NodeModules : IAsyncLifetime
{
    public string Directory { get; } = Path.Join(Path.GetTempPath(), "exporter-mongo-node-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Tools.Require("node");
        var npm = Tools.Require("npm");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(RepoPaths.Combine("tests", "Exporter.IntegrationTests", "Databases", "MongoDb", "npm", file), Path.Join(Directory, file));
        }

        var (code, output) = await RunAsync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            throw new InvalidOperationException($"npm ci (bson and mongodb as pinned in Databases/MongoDb/npm) failed ({code}): {output}");
        }
    }

    /// <summary>Runs a Node.js script (its source given inline) from the modules' directory; returns exit code and stdout (stderr appended).</summary>
    public async Task<(int ExitCode, string Output)> NodeAsync(string script, params string[] arguments)
    {
        var file = Path.Join(Directory, $"script-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(file, script);
        return await RunAsync(Tools.Require("node"), [file, .. arguments], TimeSpan.FromSeconds(60));
    }

    private async Task<(int, string)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
