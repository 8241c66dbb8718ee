using Exporter.Core;
using Exporter.Core.Collection;
using Exporter.Host;
using Exporter.Host.Web;
using Microsoft.Extensions.Options;

var flags = FlagParser.Parse(args, BuiltInCollectors.Names);
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
    Console.WriteLine($"exporter {LandingPage.Version}");
    return 0;
}

// Flags are added last, so they win over appsettings.json and environment variables.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
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

builder.Services.AddSystemMetrics(builder.Configuration.GetSection("Exporter"));
builder.Services.AddHostedService<IdleMemoryTrimmer>();
builder.Services.AddWebSecurity(web.ConfigFile, webConfig);

var app = builder.Build();
try
{
    // Built before listening: the enabled collectors are logged, and settings a collector rejects
    // stop the start-up here rather than at the first scrape.
    var scraper = app.Services.GetRequiredService<Scraper>();

    // Plain request delegates, not minimal-API lambdas with parameters: those are compiled through
    // expression trees at start-up, which costs memory for three constant pages.
    app.MapGet("/", Text(LandingPage.Render(web.TelemetryPath, scraper.EnabledCollectors), "text/html; charset=utf-8"));
    app.MapGet("/-/healthy", Text("Healthy\n", "text/plain; charset=utf-8"));
    app.MapGet("/-/ready", Text("Ready\n", "text/plain; charset=utf-8"));
    app.MapSystemMetrics(web.TelemetryPath);
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
