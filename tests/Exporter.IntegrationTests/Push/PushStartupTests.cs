using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Push;

/// <summary>Bad push settings stop the host at start with a clear message and exit code 2, and never print a secret.</summary>
public sealed class PushStartupTests : IDisposable
{
    private const string Secret = "pw-hunter2-never-printed";
    private readonly string _dir = Directory.CreateTempSubdirectory("push-startup-").FullName;

    [Theory]
    [InlineData("--push.url=/api/v1/write?token=" + Secret, "push receiver 1: url must be an absolute http:// or https:// URL")]
    [InlineData("--push.url=http://u:" + Secret + "@host/api/v1/write", "credentials in the url are not allowed")]
    [InlineData("--push.buffer.max-size=lots", "push buffer max_size must be a size of at least 64KiB")]
    [InlineData("--push.basic-auth.password-file=/nonexistent/pw", "cannot read basic_auth password_file /nonexistent/pw: no such file")]
    [InlineData("--push.label=bad-name=x", "push label 'bad-name' is not a valid label name")]
    public void A_bad_push_setting_exits_2_with_a_message(string flag, string message)
    {
        string[] flags = flag.StartsWith("--push.url", StringComparison.Ordinal)
            ? [flag]
            : ["--push.url=http://127.0.0.1:9/api/v1/write", "--push.basic-auth.username=u", flag];
        using var host = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", .. flags]));

        host.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue("bad settings stop the host at start-up");

        host.ExitCode.Should().Be(2, host.Output);
        host.StandardError.Should().Contain("exporter: error:").And.Contain(message);
        host.Output.Should().NotContain(Secret);
    }

    [Fact]
    public async Task A_queue_directory_another_exporter_holds_is_refused()
    {
        string[] flags = ["--push.url=http://127.0.0.1:9/api/v1/write", $"--push.buffer.path={_dir}"];
        using var first = await HostProcess.StartAsync(flags);
        using var second = new ExternalProcess(RepoPaths.HostFileName, RepoPaths.HostArguments(["--web.listen-address=127.0.0.1:0", .. flags]));

        second.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue();

        second.ExitCode.Should().Be(2, second.Output);
        second.StandardError.Should().Contain("push buffer").And.Contain("cannot be opened");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
