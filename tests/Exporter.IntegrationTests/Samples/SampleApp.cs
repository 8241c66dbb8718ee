using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Samples;

/// <summary>
/// samples/WebApi as a developer runs it: the solution packed into artifacts/packages, the sample
/// built from those packages (its NuGet.config points there; no project reference), started with
/// --urls on a free port. The package cache is a folder of its own whose Exporter.Core is removed
/// first, so every run builds against the package just packed.
/// </summary>
public sealed class SampleApp : IAsyncLifetime
{
    private static readonly string Configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
    private ExternalProcess? _app;
    private string? _output;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output => _app?.Output ?? string.Empty;

    public async Task InitializeAsync()
    {
        var packages = RepoPaths.Combine("artifacts", "packages");
        var cache = RepoPaths.Combine("artifacts", "sample-packages");
        var sample = RepoPaths.Combine("samples", "WebApi");
        await RunAsync("pack", RepoPaths.Combine("Exporter.sln"), "-c", Configuration, "-o", packages, "--no-build", "-nologo");
        foreach (var stale in new[] { "exporter.core" }.Select(p => Path.Join(cache, p)).Where(Directory.Exists))
        {
            Directory.Delete(stale, recursive: true);
        }

        var output = _output = Path.Join(Path.GetTempPath(), "exporter-sample-" + Guid.NewGuid().ToString("N"));
        await RunAsync("build", sample, "-c", "Release", "--packages", cache, "-o", output, "-nologo");

        _app = new ExternalProcess("dotnet", [Path.Join(output, "WebApi.dll"), "--urls", "http://127.0.0.1:0"], workingDirectory: output);
        BaseAddress = new Uri($"http://127.0.0.1:{await ListeningPorts.WaitForOneAsync(_app, "the sample")}");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(200))
        {
            if (_app.HasExited)
            {
                throw new InvalidOperationException("the sample exited: " + _app.Output);
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/metrics"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the sample did not answer within 30 s: " + _app.Output);
            }
        }
    }

    public Task DisposeAsync()
    {
        _app?.Dispose();
        if (_output is not null && Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        using var process = new ExternalProcess("dotnet", arguments);
        if (!await Task.Run(() => process.WaitForExit(TimeSpan.FromMinutes(5))) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {process.Output}");
        }
    }
}
