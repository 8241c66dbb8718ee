using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Exporter.Docker.Tests;

/// <summary>
/// An HTTP server on a unix socket that answers like the engine, from the captured fixtures, so the
/// collector's handling of a vanished container or a slow stats call can be tested exactly.
/// Containers named in <see cref="Gone"/>, or without an inspect fixture, answer 404; in
/// <see cref="Slow"/>, stats never arrive.
/// </summary>
internal sealed class FakeEngine : IAsyncDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("exporter-fakedocker-");
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _names;

    public FakeEngine(int listStatus = 200)
    {
        var list = Fixture("containers.json");
        using (var doc = JsonDocument.Parse(list))
        {
            _names = doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("Id").GetString()!, c => c.GetProperty("Names")[0].GetString()!.TrimStart('/'));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(SocketPath));
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            lock (Paths)
            {
                Paths.Add(context.Request.Path);
            }

            return next(context);
        });
        _app.MapGet("/version", () => Results.Text(Fixture("version.json"), "application/json"));
        _app.MapGet("/v1.41/containers/json", () => listStatus == 200
            ? Results.Text(list, "application/json")
            : Results.Text("{\"message\":\"engine trouble\"}", "application/json", statusCode: listStatus));
        _app.MapGet("/v1.41/containers/{id}/json", (string id) => Answer(id, "inspect"));
        _app.MapGet("/v1.41/containers/{id}/stats", async (string id, CancellationToken ct) =>
        {
            if (Slow.Contains(_names[id]))
            {
                SlowStatsRequested.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return StatsBodies.TryGetValue(_names[id], out var body) ? Results.Text(body, "application/json") : Answer(id, "stats");
        });
    }

    public string SocketPath => Path.Join(_dir.FullName, "docker.sock");

    public HashSet<string> Gone { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths asked for, in order.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>Container name → the body its stats call answers instead of the fixture.</summary>
    public Dictionary<string, string> StatsBodies { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Slow { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes when a stats call for a container in <see cref="Slow"/> has arrived.</summary>
    public TaskCompletionSource SlowStatsRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private IResult Answer(string id, string kind)
    {
        var name = _names.GetValueOrDefault(id, id);
        var file = Path.Join(RepoFixtures, $"{kind}-{name}.json");

        // Stats were captured for some containers; the others get the engine's empty sample.
        file = File.Exists(file) || kind != "stats" ? file : Path.Join(RepoFixtures, "stats-stopped.json");
        return Gone.Contains(name) || !File.Exists(file)
            ? Results.Text($"{{\"message\":\"No such container: {id}\"}}", "application/json", statusCode: 404)
            : Results.Text(File.ReadAllText(file), "application/json");
    }

    /// <summary>A captured answer from fixtures/.</summary>
    internal static string Fixture(string name) => File.ReadAllText(Path.Join(RepoFixtures, name));

    private static string RepoFixtures => Exporter.TestSupport.RepoPaths.Combine("tests", "Exporter.Docker.Tests", "fixtures");
}
