using Exporter.Core.Collection;
using Exporter.Host;
using Exporter.Host.Configuration;
using Exporter.Host.Status;
using Exporter.Host.Web;
using Microsoft.Extensions.Options;

var flags = FlagParser.Parse(args, HostMetrics.CollectorNames);
if (flags.Error is not null)
{
    await Console.Error.WriteLineAsync($"exporter: error: {flags.Error}, try --help");
    return 2;
}

if (flags.Help)
{
    Console.WriteLine(Usage.Text);
    return 0;
}

if (flags.Version)
{
    Console.WriteLine($"exporter {HostVersion.Text}");
    return 0;
}

// The YAML file of --config.file comes after appsettings.json and environment variables; flags
// are added last, so they win over all of them. The appsettings.json read is the one beside the
// binary, wherever it is started from (a service starts in / or C:\Windows\System32).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
HostSettingDefaults.Add(builder.Configuration);
try
{
    builder.Configuration.AddExporterConfigFile(flags.Settings);
}
catch (ConfigFileException e)
{
    foreach (var error in e.Errors)
    {
        await Console.Error.WriteLineAsync($"exporter: error: {error}");
    }

    return 2;
}

builder.Configuration.AddInMemoryCollection(flags.Settings);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

var web = builder.Configuration.GetSection("Exporter:Web").Get<WebOptions>() ?? new WebOptions();
try
{
    web.Validate();
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync($"exporter: error: {e.Message}");
    return 2;
}

// --web.config.file (TLS, basic auth, headers, rate limit): read and checked before anything listens.
WebConfigSnapshot webConfig;
try
{
    webConfig = WebSecurityExtensions.LoadWebConfig(web.ConfigFile);
}
catch (WebConfigException e)
{
    await Console.Error.WriteLineAsync($"exporter: error: web config {web.ConfigFile}: {e.Message}");
    return 2;
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    KestrelHardening.Apply(kestrel);
    var (address, localhost, port) = WebOptions.ParseListenAddress(web.ListenAddress);
    if (localhost)
    {
        kestrel.ListenLocalhost(port, listen => listen.UseWebConfig());
    }
    else if (address is null)
    {
        kestrel.ListenAnyIP(port, listen => listen.UseWebConfig());
    }
    else
    {
        kestrel.Listen(address, port, listen => listen.UseWebConfig());
    }
});

builder.Services.AddHostMetrics(builder.Configuration.GetSection("Exporter"))
    .AddRemoteWrite(builder.Configuration.GetSection("Exporter:Push"), push => push.Labels.TryAdd("job", "exporter"));
builder.Services.AddHostedService<IdleMemoryTrimmer>();
WindowsService.AddWhenRunningAsService(builder.Services);
builder.Services.AddWebSecurity(web.ConfigFile, webConfig);

var app = builder.Build();
try
{
    // Built before listening: the enabled collectors are logged, and settings a collector rejects
    // stop the start-up here rather than at the first scrape.
    var scraper = app.Services.GetRequiredService<Scraper>();

    // The warm-up only gets code compiled before the first scrape: the native binary has none to
    // compile, so it answers sooner without it.
    if (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled)
    {
        await scraper.WarmUpAsync();
    }

    // Plain request delegates, not minimal-API lambdas with parameters: those are compiled through
    // expression trees at start-up, which costs memory for constant pages.
    app.MapStatusPage(web.TelemetryPath);
    app.MapGet("/-/healthy", Text("Healthy\n", "text/plain; charset=utf-8"));
    app.MapGet("/-/ready", Text("Ready\n", "text/plain; charset=utf-8"));
    app.MapPrometheusMetrics(web.TelemetryPath);
    await app.StartAsync();
}
catch (Exception e) when (StartupErrors.IsConfiguration(e))
{
    // Bad settings (validation failures, unknown keys, values of the wrong type), possibly several
    // at once: one clear line, exit 2, nothing listening. The messages name settings, never values.
    await Console.Error.WriteLineAsync($"exporter: error: {string.Join("; ", StartupErrors.Messages(e))}");
    return 2;
}
catch (IOException e)
{
    await Console.Error.WriteLineAsync($"exporter: error: cannot listen on {web.ListenAddress}: {e.Message}");
    return 1;
}

await app.WaitForShutdownAsync();
return 0;

static RequestDelegate Text(string body, string contentType)
{
    var bytes = System.Text.Encoding.UTF8.GetBytes(body);
    return context =>
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    };
}
