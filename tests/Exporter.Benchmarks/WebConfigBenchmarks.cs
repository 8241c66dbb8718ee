using BenchmarkDotNet.Attributes;
using Exporter.Host.Web;

namespace Exporter.Benchmarks;

/// <summary>
/// What --web.config.file costs per request: the reload check (stat of the file, versus reading
/// and parsing it every request as exporter-toolkit does) and basic auth (a cached verdict, versus
/// one bcrypt comparison at cost 10, the price of an uncached login).
/// </summary>
/// <remarks>Run in process (<c>--inProcess</c>): on a busy machine BenchmarkDotNet's separate build can time out.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class WebConfigBenchmarks
{
    private const string Password = "scrape-password";
    private readonly string _dir = Directory.CreateTempSubdirectory("webconfig-bench-").FullName;
    private string _file = string.Empty;
    private string _header = string.Empty;
    private string _cost10 = string.Empty;
    private WebConfigSnapshot _snapshot = null!;
    private BasicAuthenticator _authenticator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cost10 = BCrypt.Net.BCrypt.HashPassword(Password, 10);
        _file = Path.Join(_dir, "web.yml");
        File.WriteAllText(_file, $"""
            http_server_config:
              headers:
                X-Frame-Options: deny
                X-Content-Type-Options: nosniff
            basic_auth_users:
              prometheus: '{_cost10}'
              grafana: '{BCrypt.Net.BCrypt.HashPassword("other", 10)}'
            """);
        _snapshot = WebConfigSnapshot.Load(_file);
        _authenticator = new BasicAuthenticator(new AuthCache(TimeProvider.System));
        _header = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"prometheus:{Password}"));
        _authenticator.AuthenticateAsync(_header, _snapshot, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _authenticator.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public bool ReloadCheckByStat() => _snapshot.Changed;

    /// <summary>What exporter-toolkit does on every request: read the file, parse and validate it.</summary>
    [Benchmark]
    public object ReloadByReadingAndParsing() => WebConfigParser.Parse(File.ReadAllText(_file), _dir);

    [Benchmark]
    public bool BasicAuthCached() => _authenticator.AuthenticateAsync(_header, _snapshot, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public bool BcryptCost10() => BCrypt.Net.BCrypt.Verify(Password, _cost10);
}
