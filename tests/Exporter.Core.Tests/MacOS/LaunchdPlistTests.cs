using System.Xml;
using System.Xml.Linq;
using Exporter.Host;
using Exporter.TestSupport;

namespace Exporter.Core.Tests.MacOS;

public sealed class LaunchdPlistTests
{
    [Fact]
    public void The_shipped_launchd_job_runs_the_published_host_with_flags_it_accepts()
    {
        var job = Load(RepoPaths.Combine("packaging", "macos", "exporter.plist"));

        var arguments = job["ProgramArguments"].Elements("string").Select(e => e.Value).ToList();
        var program = arguments[0];
        program.Should().EndWith("/Exporter.Host");
        job["WorkingDirectory"].Value.Should().Be(Path.GetDirectoryName(program), "appsettings.json is read from the working directory");
        job["Label"].Value.Should().NotBeEmpty();
        job["KeepAlive"].Name.LocalName.Should().Be("true");

        var flags = FlagParser.Parse([.. arguments.Skip(1)], BuiltInCollectors.Names);
        flags.Error.Should().BeNull();
        flags.Settings["Exporter:Web:ListenAddress"].Should().Be(":9800");
    }

    // A plist dict: each <key> followed by its value element.
    private static Dictionary<string, XElement> Load(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var dict = XDocument.Load(reader).Root!.Element("dict")!.Elements().ToList();
        return Enumerable.Range(0, dict.Count / 2).ToDictionary(i => dict[2 * i].Value, i => dict[(2 * i) + 1], StringComparer.Ordinal);
    }
}
