using Exporter.RemoteWrite.Configuration;

namespace Exporter.RemoteWrite.Tests.Configuration;

public sealed class RemoteWriteOptionsValidatorTests : IDisposable
{
    private const string Secret = "hunter2-do-not-print";
    private readonly string _dir = Directory.CreateTempSubdirectory("push-options-").FullName;

    [Fact]
    public void Good_settings_pass_and_no_receiver_means_nothing_to_check()
    {
        var password = Path.Join(_dir, "pw");
        File.WriteAllText(password, Secret);
        var options = Options("https://mimir.example/api/v1/push");
        options.BasicAuth = new BasicAuthOptions { Username = "u", PasswordFile = password };
        options.Buffer = new BufferOptions { Path = Path.Join(_dir, "queue"), MaxSize = "1GiB" };
        options.Labels["job"] = "node";

        Validate(options).Should().BeEmpty();
        Validate(new RemoteWriteOptions { Interval = TimeSpan.Zero }).Should().BeEmpty();
        Directory.Exists(Path.Join(_dir, "queue")).Should().BeTrue();
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/api/v1/write")]
    [InlineData("/api/v1/write?token=" + Secret)]
    public void A_bad_url_is_named_by_position_without_its_value(string url) =>
        Validate(Options(url)).Should().Equal("push receiver 1: url must be an absolute http:// or https:// URL");

    [Fact]
    public void Credentials_in_the_url_are_refused_without_repeating_them() =>
        Validate(Options($"https://user:{Secret}@host/api/v1/write")).Should().Equal(
            "push receiver 1: credentials in the url are not allowed; use basic_auth with a password_file");

    [Fact]
    public void Unreadable_credential_files_are_named_and_never_read_out()
    {
        var options = Options("http://a/api/v1/write", "http://b/api/v1/write");
        options.Receivers[0].BasicAuth = new BasicAuthOptions { Username = "u", PasswordFile = Path.Join(_dir, "missing") };
        options.Receivers[1].BearerTokenFile = Path.Join(_dir, "nope", "token");

        Validate(options).Should().Equal(
            $"push receiver 1: cannot read basic_auth password_file {_dir}/missing: no such file",
            $"push receiver 2: cannot read bearer_token_file {_dir}/nope/token: no such file");
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("12 parsecs")]
    [InlineData("1KB")]
    [InlineData("-5MB")]
    public void A_bad_or_too_small_size_is_an_error(string size)
    {
        var options = Options("http://a/api/v1/write");
        options.Buffer.MaxSize = size;

        Validate(options).Should().Equal($"push buffer max_size must be a size of at least 64KiB such as 512MB or 1GiB, got '{size}'");
    }

    [Fact]
    public void Other_mistakes_are_each_reported()
    {
        var token = Path.Join(_dir, "token");
        File.WriteAllText(token, Secret);
        var options = Options("http://a/api/v1/write", "http://a/api/v1/write");
        options.Interval = TimeSpan.Zero;
        options.Labels["bad-name"] = "x";
        options.BearerTokenFile = token;
        options.BasicAuth = new BasicAuthOptions { Username = "u", PasswordFile = token };
        options.Headers["Content-Type"] = "text/plain";
        options.Receivers[0].TlsConfig = new TlsOptions { CertFile = token };

        var errors = Validate(options);

        errors.Should().Contain("push interval must be positive")
            .And.Contain("push label 'bad-name' is not a valid label name")
            .And.Contain("push receiver 2: http://a/api/v1/write is listed twice")
            .And.Contain("push receiver 1: set basic_auth or bearer_token_file, not both")
            .And.Contain("push receiver 1: header 'Content-Type' cannot be set")
            .And.Contain("push receiver 1: tls_config needs an https:// url")
            .And.Contain("push receiver 1: tls_config needs both cert_file and key_file");
        errors.Should().NotContain(e => e.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("512MB", 512L << 20)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("1.5 GB", 3L << 29)]
    [InlineData("64KiB", 64L << 10)]
    [InlineData("100", 100L)]
    [InlineData("2tb", 2L << 40)]
    public void Sizes_parse_in_powers_of_1024(string text, long bytes)
    {
        ByteSize.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(bytes);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RemoteWriteOptions Options(params string[] urls) =>
        new() { Receivers = [.. urls.Select(u => new ReceiverOptions { Url = u })] };

    private static IReadOnlyList<string> Validate(RemoteWriteOptions options) =>
        new RemoteWriteOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}
