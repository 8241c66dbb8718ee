using Exporter.Databases;

namespace Exporter.Databases.Tests;

public sealed class DatabaseOptionsValidatorTests : IDisposable
{
    private readonly string _secretFile = Path.GetTempFileName();

    public DatabaseOptionsValidatorTests() => File.WriteAllText(_secretFile, "s3cret\n");

    [Fact]
    public void Complete_targets_are_valid()
    {
        var options = new DatabaseOptions
        {
            Postgres = [new() { Name = "main", User = "exporter", PasswordFile = _secretFile, SslMode = "verify-full" }],
            Redis = [new() { Name = "main", PasswordEnv = "PATH" }, new() { Name = "plain" }],
        };

        Validate(options).Should().BeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_by_target_and_setting()
    {
        var options = new DatabaseOptions
        {
            Postgres =
            [
                new() { Name = "", User = "u" },
                new() { Name = "a", User = "u" },
                new() { Name = "a", User = "u", Port = 0 },
                new() { Name = "nouser" },
                new() { Name = "ssl", User = "u", SslMode = "sometimes" },
                new() { Name = "two", User = "u", Password = "p", PasswordEnv = "X" },
            ],
            Redis =
            [
                new() { Name = "file", PasswordFile = "/nonexistent/secret" },
                new() { Name = "env", PasswordEnv = "EXPORTER_TEST_VARIABLE_THAT_IS_NOT_SET" },
                new() { Name = "tls", TlsInsecureSkipVerify = true },
                new() { Name = "slow", Timeout = TimeSpan.Zero, Host = " " },
            ],
        };

        Validate(options).Should().BeEquivalentTo(
            "postgres target 1: name is required",
            "postgres target 'a': the name is used twice",
            "postgres target 'a': port must be 1-65535, got 0",
            "postgres target 'nouser': user is required",
            "postgres target 'ssl': ssl_mode must be disable, allow, prefer, require, verify-ca or verify-full, got 'sometimes'",
            "postgres target 'two': give only one of password, password_file and password_env",
            "redis target 'file': password_file /nonexistent/secret does not exist",
            "redis target 'env': cannot read the password: environment variable EXPORTER_TEST_VARIABLE_THAT_IS_NOT_SET is not set",
            "redis target 'tls': TLS settings given but tls is not true",
            "redis target 'slow': host is required",
            "redis target 'slow': timeout must be positive");
    }

    [Fact]
    public void Messages_never_hold_the_secret()
    {
        var options = new DatabaseOptions { Postgres = [new() { Name = "x", Password = "hunter2", PasswordEnv = "Y" }] };

        Validate(options).Should().NotBeEmpty().And.OnlyContain(e => !e.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_comes_from_its_file_without_the_newline_and_is_redacted_from_messages()
    {
        var target = new RedisTargetOptions { Name = "x", PasswordFile = _secretFile };

        Secret.Resolve(target).Should().Be("s3cret");
        Secret.Redact("auth failed for s3cret; Host=h;Password=other;Pwd = third", "s3cret")
            .Should().Be("auth failed for <redacted>; Host=h;Password=<redacted>;Pwd=<redacted>");
    }

    public void Dispose() => File.Delete(_secretFile);

    private static IEnumerable<string> Validate(DatabaseOptions options) =>
        new DatabaseOptionsValidator().Validate(null, options).Failures ?? [];
}
