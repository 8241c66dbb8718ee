using System.Diagnostics;
using System.Globalization;
using Exporter.Core.Collection;
using Exporter.Databases;
using Exporter.Databases.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exporter.DatabaseFailureBench;

/// <summary>
/// One client against one kind of target, in a process of its own: warm-up scrapes, its footprint,
/// the measured scrapes (up gauge and duration of each), its footprint again, an idle wait, and the
/// footprint once more. Between the phases it prints a mark and waits for the parent's "go", so the
/// parent can read its connection counters at exactly those points.
/// </summary>
internal static class ChildRun
{
    public static async Task<int> RunAsync(RunSpec spec)
    {
        var logs = new CountingLoggerProvider();
        var kind = spec.Client.StartsWith("redis", StringComparison.Ordinal) ? "redis" : spec.Client;
        using var services = Services(spec, kind, logs);
        var scraper = services.GetRequiredService<Scraper>();
        var filter = new CollectorFilter([kind, "loadavg"], []);
        var upName = kind switch { "postgres" => "pg_up", "mongodb" => "mongodb_up", _ => "redis_up" };

        for (var i = 0; i < spec.WarmUp; i++)
        {
            await ScrapeAsync(scraper, filter, kind, upName);
        }

        Print("before", Footprint.Now().Format());
        await MarkAsync("scrapes");

        var durations = new List<double>(spec.Scrapes);
        int up0 = 0, up1 = 0, broken = 0;
        for (var i = 0; i < spec.Scrapes; i++)
        {
            if (i == spec.Scrapes / 2 && i > 0)
            {
                // Halfway: memory that grows with the scrapes goes on growing; a one-time cost has stopped.
                Print("half", Footprint.Now().Format());
            }

            var clock = Stopwatch.StartNew();
            var (ups, sound) = await ScrapeAsync(scraper, filter, kind, upName);
            durations.Add(clock.Elapsed.TotalSeconds);
            up0 += ups.Count(u => u == 0);
            up1 += ups.Count(u => u == 1);
            broken += sound ? 0 : 1;
        }

        Print("after", Footprint.Now().Format());
        await MarkAsync("idle");
        await Task.Delay(TimeSpan.FromSeconds(spec.IdleSeconds));
        Print("idle", Footprint.Now().Format());
        durations.Sort();
        Print("scrapes", string.Create(
            CultureInfo.InvariantCulture,
            $"up0={up0} up1={up1} broken={broken} median={(durations.Count > 0 ? durations[durations.Count / 2] : 0):0.000} max={(durations.Count > 0 ? durations[^1] : 0):0.000} late={durations.Count(d => d > (spec.TimeoutMs + 100) / 1000.0)} warnings={logs.Warnings}"));
        foreach (var message in logs.First)
        {
            Print("log", message.ReplaceLineEndings(" "));
        }

        await MarkAsync("done");
        return 0;
    }

    /// <summary>
    /// The up gauge of every target, and whether the rest of the scrape stayed sound: the database
    /// collector and loadavg both succeeded and loadavg's series are there.
    /// </summary>
    private static async Task<(List<double> Ups, bool Sound)> ScrapeAsync(Scraper scraper, CollectorFilter filter, string kind, string upName)
    {
        var result = await scraper.ScrapeAsync(filter);
        var ups = result.Families.Where(f => f.Descriptor.Name == upName).SelectMany(f => f.Samples).Select(s => s.Value).ToList();
        var success = result.Families.Where(f => f.Descriptor.Name == "node_scrape_collector_success").SelectMany(f => f.Samples).ToList();
        var sound = success.Count == 2 && success.All(s => s.Value == 1)
            && result.Families.Any(f => f.Descriptor.Name == "node_load1" && f.Samples.Count == 1);
        return (ups, sound);
    }

    private static ServiceProvider Services(RunSpec spec, string kind, CountingLoggerProvider logs)
    {
        var section = kind switch { "postgres" => "Postgres", "mongodb" => "MongoDb", _ => "Redis" };
        var settings = new Dictionary<string, string?>
        {
            ["Exporter:DisableDefaultCollectors"] = "true",
            ["Exporter:Collectors:loadavg"] = "true",
        };
        for (var i = 0; i < spec.Targets; i++)
        {
            var prefix = $"Exporter:Databases:{section}:{i.ToString(CultureInfo.InvariantCulture)}:";
            settings[prefix + "Name"] = "t" + i.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Port"] = spec.Port.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "User"] = spec.User;
            settings[prefix + "Password"] = spec.Password;
            settings[prefix + "Timeout"] = TimeSpan.FromMilliseconds(spec.TimeoutMs).ToString("c", CultureInfo.InvariantCulture);
            if (kind == "postgres")
            {
                settings[prefix + "SslMode"] = "disable";
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        var builder = services.AddPrometheusMetrics(configuration.GetSection("Exporter"));
        _ = spec.Client switch
        {
            "redis-own" => builder.AddRedis(),
            "redis-se" or "redis-se-kept" => DatabaseRegistration.AddDatabase(builder, "redis", RedisTarget.Up, o => o.Redis,
                (t, timeout, log, time) => new StackExchangeRedisTarget(t, timeout, log, time, keep: spec.Client == "redis-se-kept")),
            "postgres" => builder.AddPostgres(),
            "mongodb" => builder.AddMongoDb(),
            _ => throw new ArgumentException($"unknown client {spec.Client}"),
        };
        return services.BuildServiceProvider();
    }

    private static void Print(string what, string text) => Console.WriteLine($"{what} {text}");

    private static async Task MarkAsync(string phase)
    {
        Console.WriteLine($"mark {phase}");
        if (await Console.In.ReadLineAsync() != "go")
        {
            throw new InvalidOperationException("the parent went away");
        }
    }
}
