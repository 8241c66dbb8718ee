using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Exporter.DatabaseFailureBench;

// dotnet run -c Release --project tests/Exporter.DatabaseFailureBench -- --redis-port P --redis-password X
//   --postgres-port Q --postgres-user U --postgres-password Y [--scrapes 1000] [--clients redis-own,redis-se,...]
// Needs root (a raw socket counts connection attempts). scripts/bench-db-failures.sh starts the servers and runs it.
if (args.Length > 0 && args[0] == "child")
{
    return await ChildRun.RunAsync(RunSpec.FromArguments(args));
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Option(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

var scrapes = int.Parse(Option("scrapes", "1000"), CultureInfo.InvariantCulture);
var failTimeoutMs = int.Parse(Option("timeout-ms", "250"), CultureInfo.InvariantCulture);
var idleSeconds = int.Parse(Option("idle-seconds", "20"), CultureInfo.InvariantCulture);
var clients = Option("clients", "redis-own,redis-se,redis-se-kept,postgres,mongodb").Split(',');
var cases = Option("cases", "refused,silent,wrong password,idle").Split(',');
// Warm-up scrapes before the first figures, so that first-use costs (compilation, pools) are behind.
const int WarmUp = 100;

using var silent = new SilentListener();

// Bound, never listening: every connection is refused, and nothing else can take the port.
using var refused = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
refused.Bind(new IPEndPoint(IPAddress.Loopback, 0));
var refusedPort = ((IPEndPoint)refused.LocalEndPoint!).Port;

var runs = new List<(RunSpec Spec, int Port)>();
foreach (var client in clients)
{
    var (serverPort, user, password) = client switch
    {
        "postgres" => ((int?)int.Parse(Option("postgres-port"), CultureInfo.InvariantCulture), Option("postgres-user"), Option("postgres-password")),
        "mongodb" => (null, "exporter", "mongo-Pw-1"),
        _ => (int.Parse(Option("redis-port"), CultureInfo.InvariantCulture), (string?)null, Option("redis-password")),
    };

    runs.Add((new RunSpec(client, "refused", refusedPort, user, password, failTimeoutMs, 1, scrapes, WarmUp, idleSeconds), refusedPort));
    runs.Add((new RunSpec(client, "silent", silent.Port, user, password, failTimeoutMs, 1, scrapes, WarmUp, idleSeconds), silent.Port));
    if (serverPort is { } port)
    {
        runs.Add((new RunSpec(client, "wrong password", port, user, "wrong-" + password, failTimeoutMs, 1, scrapes, WarmUp, idleSeconds), port));
        runs.Add((new RunSpec(client, "idle, 3 targets up", port, user, password, 3000, 3, 10, 10, idleSeconds * 4), port));
    }
}

var results = new List<Measurement>();
foreach (var (spec, port) in runs.Where(r => cases.Any(c => r.Spec.Case.StartsWith(c, StringComparison.Ordinal))))
{
    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {spec.Client}, {spec.Case}...");
    var result = await Measurement.RunAsync(spec, port);
    results.Add(result);
    foreach (var log in result.Logs)
    {
        Console.Error.WriteLine($"    logged: {log}");
    }
}

Report.Print(results, Console.Out);
return 0;
