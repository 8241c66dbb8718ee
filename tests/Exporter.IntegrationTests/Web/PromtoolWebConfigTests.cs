using Exporter.Host.Web;
using Exporter.IntegrationTests.Stack;
using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Web;

/// <summary>
/// Every example web configuration, the files in docs/examples/web-config and the web configuration
/// snippets in docs/security.md, is valid for promtool check web-config (exporter-toolkit's own
/// validation) and for our host, with real certificates beside it.
/// </summary>
public sealed class PromtoolWebConfigTests : IDisposable
{
    /// <summary>Keys exporter-toolkit gained after the release promtool 2.42 was built with.</summary>
    private static readonly string[] NewerKeys = ["client_allowed_sans", "rate_limit", "cert", "key", "client_ca"];

    private static readonly string Examples = RepoPaths.Combine("docs", "examples", "web-config");

    private static readonly string SecurityDoc = RepoPaths.Combine("docs", "security.md");

    private readonly WebConfigFolder _folder = new();

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Examples, "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        for (var i = 0; i < DocSnippets().Count; i++)
        {
            data.Add($"security.md#{i}");
        }

        return data;
    }

    /// <summary>The ```yaml blocks of docs/security.md that are web configurations (not scrape configs or rules).</summary>
    private static List<string> DocSnippets()
    {
        var blocks = File.ReadAllText(SecurityDoc).Split("```");
        return [.. blocks.Where((_, i) => i % 2 == 1)
            .Where(b => b.StartsWith("yaml\n", StringComparison.Ordinal))
            .Select(b => b["yaml\n".Length..])
            .Where(b => b.StartsWith("tls_server_config:", StringComparison.Ordinal) || b.StartsWith("basic_auth_users:", StringComparison.Ordinal))];
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void There_are_examples()
    {
        Directory.GetFiles(Examples, "*.yml").Should().HaveCountGreaterThanOrEqualTo(4);
        DocSnippets().Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task Promtool_and_the_host_accept_the_example(string name)
    {
        var file = Path.Join(_folder.Dir, name.Replace('#', '-') + (name.Contains('#', StringComparison.Ordinal) ? ".yml" : string.Empty));
        var text = name.Split('#') is [_, var index] ? DocSnippets()[int.Parse(index, System.Globalization.CultureInfo.InvariantCulture)] : File.ReadAllText(Path.Join(Examples, name));
        await File.WriteAllTextAsync(file, text);

        var (exitCode, output) = Cli.Run("promtool", "check", "web-config", file);
        var ours = WebConfigSnapshot.Load(file);

        var complaints = output.Split('\n').Where(l => l.Contains("not found in type", StringComparison.Ordinal)).ToList();
        if (complaints.Count == 0)
        {
            output.Should().Contain($"{file} SUCCESS");
            exitCode.Should().Be(0);
        }
        else
        {
            complaints.Should().AllSatisfy(c => c.Should().MatchRegex($"field ({string.Join('|', NewerKeys)}) not found in type"));
            output.Split('\n').Where(l => l.StartsWith("  line ", StringComparison.Ordinal)).Should().BeEquivalentTo(complaints, "promtool has no other complaint");

            // Without the newer keys, promtool checks the rest (hashes, certificates) and accepts it.
            var older = Path.Join(_folder.Dir, "older-" + name);
            await File.WriteAllTextAsync(older, WithoutKeys(await File.ReadAllTextAsync(file), NewerKeys));
            Cli.Run("promtool", "check", "web-config", older).Output.Should().Contain($"{older} SUCCESS");
        }

        ours.Config.Should().NotBeNull();
    }

    /// <summary>Drops each line that sets one of <paramref name="keys"/>, with the more indented lines under it.</summary>
    private static string WithoutKeys(string yaml, string[] keys)
    {
        var kept = new List<string>();
        var skipBelow = -1;
        foreach (var line in yaml.Split('\n'))
        {
            var indent = line.Length - line.TrimStart().Length;
            if (skipBelow >= 0 && (indent > skipBelow || line.TrimStart().StartsWith('-')) && line.Trim().Length > 0)
            {
                continue;
            }

            skipBelow = keys.Any(k => line.TrimStart().StartsWith(k + ":", StringComparison.Ordinal)) ? indent : -1;
            if (skipBelow < 0)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    [Fact]
    public async Task Promtool_does_reject_a_bad_file()
    {
        // The check above must be able to fail.
        var file = Path.Join(_folder.Dir, "bad.yml");
        await File.WriteAllTextAsync(file, "basic_auth_users:\n  alice: plain-password\n");

        var (exitCode, output) = Cli.Run("promtool", "check", "web-config", file);

        output.Should().Contain("FAILED").And.NotContain("SUCCESS");
        exitCode.Should().NotBe(0);
    }
}
