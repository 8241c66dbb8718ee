using Exporter.Host.Configuration;
using Exporter.RemoteWrite.Configuration;
using Exporter.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exporter.Core.Tests.Host.Configuration;

/// <summary>The <c>push:</c> section of the --config.file YAML, read into configuration keys and bound to the push options.</summary>
public sealed class PushConfigFileTests : IDisposable
{
    private const string Secret = "Secret-4711-never-shown";
    private readonly string _dir = Directory.CreateTempSubdirectory("push-config-").FullName;

    [Fact]
    public void Reads_every_setting_of_the_section()
    {
        var options = Bind("""
            push:
              interval: 5s
              timeout: 00:00:20
              buffer:
                path: /var/lib/exporter/push
                max_size: 1GiB
              labels:
                job: node
                datacenter: fra1
              headers:
                X-Scope-OrgID: team-a
              basic_auth:
                username: host-17
                password_file: /run/secrets/push
              tls_config:
                server_name: prom.internal
                insecure_skip_verify: yes
              min_backoff: 100ms
              max_backoff: 10s
              receivers:
                - url: http://prometheus.internal:9090/api/v1/write
                - url: https://mimir.example.com/api/v1/push
                  timeout: 1m
                  headers:
                    X-Scope-OrgID: team-b
                  bearer_token_file: /run/secrets/mimir-token
                  tls_config:
                    ca_file: /etc/exporter/ca.pem
                    cert_file: /etc/exporter/client.pem
                    key_file: /etc/exporter/client-key.pem
            """);

        (options.Interval, options.Timeout, options.MinBackoff, options.MaxBackoff)
            .Should().Be((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)));
        (options.Buffer.Path, options.Buffer.MaxSize).Should().Be(("/var/lib/exporter/push", "1GiB"));
        options.Labels.Should().Equal(new Dictionary<string, string> { ["job"] = "node", ["datacenter"] = "fra1" });
        options.Headers.Should().Equal(new Dictionary<string, string> { ["X-Scope-OrgID"] = "team-a" });
        (options.BasicAuth!.Username, options.BasicAuth.PasswordFile).Should().Be(("host-17", "/run/secrets/push"));
        (options.TlsConfig!.ServerName, options.TlsConfig.InsecureSkipVerify).Should().Be(("prom.internal", true));
        options.Receivers.Select(r => r.Url).Should().Equal("http://prometheus.internal:9090/api/v1/write", "https://mimir.example.com/api/v1/push");
        var (first, mimir) = (options.Receivers[0], options.Receivers[1]);
        (first.Timeout, first.Headers.Count, first.BasicAuth, first.BearerTokenFile, first.TlsConfig).Should().Be(((TimeSpan?)null, 0, (BasicAuthOptions?)null, (string?)null, (TlsOptions?)null));
        (mimir.Timeout, mimir.BearerTokenFile).Should().Be((TimeSpan.FromMinutes(1), "/run/secrets/mimir-token"));
        mimir.Headers.Should().Equal(new Dictionary<string, string> { ["X-Scope-OrgID"] = "team-b" });
        (mimir.TlsConfig!.CaFile, mimir.TlsConfig.CertFile, mimir.TlsConfig.KeyFile)
            .Should().Be(("/etc/exporter/ca.pem", "/etc/exporter/client.pem", "/etc/exporter/client-key.pem"));
    }

    [Fact]
    public void The_documented_example_reads_and_its_mistakes_are_reported_as_documented()
    {
        var doc = File.ReadAllText(RepoPaths.Combine("docs", "push.md"));
        var section = doc[doc.IndexOf("### In the YAML file", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        const string Prefix = "exporter: error: config file /etc/exporter/exporter.yml: ";
        var documentedErrors = section.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(l => l[Prefix.Length..]).ToList();

        var options = Bind(yaml);
        options.Receivers.Should().HaveCount(2);
        options.Labels.Should().Equal(new Dictionary<string, string> { ["job"] = "node", ["datacenter"] = "fra1", ["instance"] = string.Empty });
        options.Receivers[1].Headers.Keys.Should().Equal("X-Scope-OrgID");

        // The two mistakes the document shows: a URL without its scheme, a password written into the file.
        var broken = yaml.Replace("url: http://prometheus.internal", "url: prometheus.internal", StringComparison.Ordinal)
            .Replace("password_file: /run/secrets/mimir", "password: " + Secret, StringComparison.Ordinal);
        var act = () => YamlConfigFile.Parse(broken);
        act.Should().Throw<ConfigFileException>().Which.Errors.Should().Equal(documentedErrors).And.HaveCount(2);
    }

    [Fact]
    public void The_readme_example_reads()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        var start = readme.IndexOf("```yaml\npush:", StringComparison.Ordinal) + "```yaml\n".Length;

        var options = Bind(readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]);

        var receiver = options.Receivers.Should().ContainSingle().Which;
        (receiver.Url, receiver.BasicAuth!.PasswordFile, options.Buffer.Path, options.Labels["job"])
            .Should().Be(("https://mimir.example.com/api/v1/push", "/run/secrets/mimir", "/var/lib/exporter/push", "node"));
        receiver.Headers.Keys.Should().Equal("X-Scope-OrgID");
    }

    [Fact]
    public void Label_and_header_names_are_kept_as_written()
    {
        var settings = YamlConfigFile.Parse("""
            push:
              labels: {Team_A: x, env: prod, "instance": ""}
              headers:
                X-Scope-OrgID: team-a
                x-api-key.v2: k
            """);

        // The exact keys, not merely keys equal ignoring case: a label name is case-sensitive in Prometheus.
        settings.Keys.Should().BeEquivalentTo(
            "Exporter:Push:Labels:Team_A", "Exporter:Push:Labels:env", "Exporter:Push:Labels:instance",
            "Exporter:Push:Headers:X-Scope-OrgID", "Exporter:Push:Headers:x-api-key.v2");
        var options = Resolve("push:\n  receivers: [{url: http://a/api/v1/write}]\n  labels: {Team_A: x, env: prod}\n  headers:\n    X-Scope-OrgID: team-a\n");
        options.Labels.Keys.Should().BeEquivalentTo("Team_A", "env");
        options.Headers.Keys.Should().Equal("X-Scope-OrgID");
    }

    [Theory]
    [InlineData("push:\n  labels:\n    instance: \"\"\n")]
    [InlineData("push:\n  labels:\n    instance:\n")]
    public void An_empty_label_value_is_kept_to_leave_a_default_out(string yaml)
    {
        Bind(yaml).Labels.Should().Equal(new Dictionary<string, string> { ["instance"] = string.Empty });
    }

    [Fact]
    public void Several_receivers_each_with_credentials_of_their_own_pass_the_start_up_checks()
    {
        var password = Path.Join(_dir, "password");
        var token = Path.Join(_dir, "token");
        File.WriteAllText(password, Secret);
        File.WriteAllText(token, Secret);
        var options = Resolve($$"""
            push:
              headers: {X-Scope-OrgID: shared}
              basic_auth: {username: shared-user, password_file: {{password}}}
              receivers:
                - url: http://a.internal/api/v1/write
                - url: http://b.internal/api/v1/write
                  bearer_token_file: {{token}}
                  headers: {X-Scope-OrgID: team-b}
                - url: http://c.internal/api/v1/write
                  basic_auth: {username: c-user, password_file: {{password}}}
            """);

        (options.BasicAuth!.Username, options.BasicAuth.PasswordFile, options.Headers["X-Scope-OrgID"]).Should().Be(("shared-user", password, "shared"));
        options.Receivers.Select(r => (r.Url, r.BasicAuth?.Username, r.BearerTokenFile, r.Headers.GetValueOrDefault("X-Scope-OrgID"))).Should().Equal(
            ("http://a.internal/api/v1/write", null, null, null),
            ("http://b.internal/api/v1/write", null, token, "team-b"),
            ("http://c.internal/api/v1/write", "c-user", null, null));
    }

    [Fact]
    public void Receivers_from_the_file_follow_those_given_by_flag()
    {
        var file = Path.Join(_dir, "exporter.yml");
        File.WriteAllText(file, "push:\n  receivers:\n    - url: http://file.internal/api/v1/write\n      headers: {X-From: file}\n");
        var configuration = new ConfigurationManager();
        var flags = new Dictionary<string, string?> { ["Exporter:ConfigFile"] = file, ["Exporter:Push:Receivers:0:Url"] = "http://flag.internal/api/v1/write" };

        configuration.AddExporterConfigFile(flags);
        configuration.AddInMemoryCollection(flags);

        var options = configuration.GetSection("Exporter:Push").Get<RemoteWriteOptions>()!;
        options.Receivers.Select(r => (r.Url, r.Headers.Count)).Should().Equal(
            ("http://flag.internal/api/v1/write", 0), ("http://file.internal/api/v1/write", 1));
    }

    [Theory]
    [InlineData("push:\n  receivers:\n    - url: http://a/api/v1/write\n      basic_auth:\n        username: u\n        pasword_file: /x\n",
        "line 6, column 9: Property 'pasword_file' not found in push.receivers[0].basic_auth")]
    [InlineData("push:\n  receivers:\n    - url: http://a/api/v1/write\n    - url: http://b/api/v1/write\n      bearer_token: " + Secret + "\n",
        "line 5, column 7: Property 'bearer_token' not found in push.receivers[1]; use bearer_token_file")]
    [InlineData("push:\n  basic_auth:\n    password: " + Secret + "\n", "line 3, column 5: Property 'password' not found in push.basic_auth; use password_file")]
    [InlineData("push:\n  url: http://a/api/v1/write\n", "line 2, column 3: Property 'url' not found in push")]
    [InlineData("push:\n  receivers:\n    - url: /api/v1/write?token=" + Secret + "\n", "line 3, column 12: push.receivers[0].url: not an absolute http:// or https:// URL")]
    [InlineData("push:\n  receivers:\n    - url: ftp://a/\n", "line 3, column 12: push.receivers[0].url: not an absolute http:// or https:// URL")]
    [InlineData("push:\n  receivers:\n    - url: https://u:" + Secret + "@a/api/v1/write\n", "line 3, column 12: push.receivers[0].url: credentials in the URL are not allowed")]
    [InlineData("push:\n  interval: soon\n", "line 2, column 13: push.interval: not a duration such as 2s or 500ms")]
    [InlineData("push:\n  buffer:\n    max_size: lots\n", "line 3, column 15: push.buffer.max_size: not a size such as 512MB or 1GiB")]
    [InlineData("push:\n  tls_config:\n    insecure_skip_verify: " + Secret + "\n", "line 3, column 27: push.tls_config.insecure_skip_verify: the value has the wrong type for this setting")]
    [InlineData("push:\n  receivers:\n    url: http://a/api/v1/write\n", "line 3, column 5: push.receivers: expected a list")]
    [InlineData("push:\n  labels:\n    - job\n", "line 3, column 5: push.labels: expected settings (key: value)")]
    [InlineData("push:\n  headers:\n    X-Token: [" + Secret + "]\n", "line 3, column 14: push.headers.X-Token: expected a single value")]
    [InlineData("push:\n  labels:\n    a:b: x\n", "line 3, column 5: push.labels: the name 'a:b' cannot contain ':'")]
    [InlineData("push:\n  labels:\n    env: a\n    Env: b\n", "line 4, column 5: push.labels: the name 'Env' is given twice (as 'env'")]
    [InlineData("push:\n  labels:\n    env: a\n    env: b\n", "line 4, column 5: Duplicate key")]
    [InlineData("push: http://a/api/v1/write\n", "line 1, column 7: push: expected settings (key: value)")]
    public void A_mistake_says_where_and_which_key(string yaml, string message)
    {
        var act = () => YamlConfigFile.Parse(yaml);

        var error = act.Should().Throw<ConfigFileException>().Which;
        error.Errors.Should().ContainSingle().Which.Should().StartWith(message);
        error.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void Every_mistake_in_the_section_is_reported_at_once()
    {
        var act = () => YamlConfigFile.Parse("push:\n  interval: soon\n  receivers:\n    - url: nowhere\n      tls_config: {sever_name: x}\n");

        act.Should().Throw<ConfigFileException>().Which.Errors.Should().HaveCount(3);
    }

    [Fact]
    public void A_bad_label_name_from_the_file_stops_the_start()
    {
        var resolve = () => Resolve("push:\n  receivers:\n    - url: http://a.internal/api/v1/write\n  labels:\n    bad-name: x\n");

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*push label 'bad-name' is not a valid label name*");
    }

    [Fact]
    public void Every_key_of_the_section_is_a_setting_of_the_push_options()
    {
        // The schema lists the keys by hand; each must name a property of the type it binds to
        // (snake_case → PascalCase), with a shape that fits the property's type, and every settable
        // property must be reachable from the file.
        Matches(ConfigFileSchema.Sections["push"].Shape, typeof(RemoteWriteOptions), "push");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The keys the host adds from the file, bound as configuration binds them, without the start-up checks.</summary>
    private static RemoteWriteOptions Bind(string yaml) =>
        new ConfigurationBuilder().AddInMemoryCollection(YamlConfigFile.Parse(yaml)).Build()
            .GetSection("Exporter:Push").Get<RemoteWriteOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new RemoteWriteOptions();

    /// <summary>What the host does: the file's keys bound by the push package, its start-up checks included.</summary>
    private static RemoteWriteOptions Resolve(string yaml)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(YamlConfigFile.Parse(yaml)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrometheusMetrics().AddRemoteWrite(configuration.GetSection("Exporter:Push"));
        return services.BuildServiceProvider().GetRequiredService<IOptions<RemoteWriteOptions>>().Value;
    }

    private static void Matches(Shape shape, Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (shape)
        {
            case MapShape map:
                var properties = type.GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic).ToDictionary(p => p.Name);
                map.Keys.Keys.Select(YamlConfigFile.PropertyName).Should().BeEquivalentTo(properties.Keys, path);
                foreach (var (key, child) in map.Keys)
                {
                    Matches(child, properties[YamlConfigFile.PropertyName(key)].PropertyType, $"{path}.{key}");
                }

                break;
            case ListShape list:
                type.GetGenericTypeDefinition().Should().Be(typeof(List<>), path);
                Matches(list.Item, type.GetGenericArguments()[0], $"{path}[]");
                break;
            case FreeMapShape:
                type.Should().Be<Dictionary<string, string>>(path);
                break;
            case ScalarShape scalar:
                type.Should().Be(
                    scalar.Kind switch
                    {
                        ValueKind.Integer => typeof(int),
                        ValueKind.Boolean => typeof(bool),
                        ValueKind.Duration => typeof(TimeSpan),
                        _ => typeof(string),
                    },
                    path);
                break;
        }
    }
}
