using Exporter.Core.Databases.Mongo;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exporter.Core.Tests.Databases.Mongo;

public class MongoOptionsTests
{
    [Theory]
    [InlineData("db.example:27018", "db.example", 27018)]
    [InlineData("10.0.0.5", "10.0.0.5", 27017)]
    [InlineData("[::1]:27019", "::1", 27019)]
    [InlineData("[fe80::1]", "fe80::1", 27017)]
    public void Parses_host_and_port(string address, string host, int port)
    {
        new MongoTargetOptions { Name = "t", Address = address }.ParseAddress().Should().Be((host, port));
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:port")]
    [InlineData("::1:27017")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    public void Rejects_a_bad_address(string address)
    {
        var act = () => new MongoTargetOptions { Name = "t", Address = address }.ParseAddress();
        act.Should().Throw<FormatException>().WithMessage("mongodb target 't'*");
    }

    [Fact]
    public void Validation_lists_every_mistake()
    {
        var options = new MongoOptions { Timeout = TimeSpan.Zero };
        options.Targets.Add(new MongoTargetOptions { Name = "a", Address = "h:1", Username = "u" });
        options.Targets.Add(new MongoTargetOptions { Name = "a", Address = "h:1", PasswordEnv = "X" });
        options.Targets.Add(new MongoTargetOptions { Name = "", Address = "h:x", Username = "u", PasswordEnv = "X", PasswordFile = "/f" });

        var result = new MongoOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "mongodb: Timeout must be positive, got 00:00:00",
            "mongodb target 'a': give the password with exactly one of PasswordFile or PasswordEnv",
            "mongodb: target name 'a' is used twice",
            "mongodb target 'a': a password is given but no Username",
            "mongodb: target 2 has no Name",
            "mongodb target '': port 'x' is not 1..65535",
            "mongodb target '': give the password with exactly one of PasswordFile or PasswordEnv");
    }

    [Fact]
    public void Accepts_a_valid_list()
    {
        var options = new MongoOptions();
        options.Targets.Add(new MongoTargetOptions { Name = "a", Address = "h:1", Username = "u", PasswordFile = "/run/secrets/m" });
        options.Targets.Add(new MongoTargetOptions { Name = "b", Address = "h" });

        new MongoOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Reads_the_password_from_a_file_or_the_environment()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "pa ss\n");
            new MongoTargetOptions { PasswordFile = file }.ReadPassword().Should().Be("pa ss");

            var variable = "EXPORTER_TEST_MONGO_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(variable, "from-env");
            new MongoTargetOptions { PasswordEnv = variable }.ReadPassword().Should().Be("from-env");
            Environment.SetEnvironmentVariable(variable, null);

            var unset = () => new MongoTargetOptions { PasswordEnv = variable }.ReadPassword();
            unset.Should().Throw<InvalidOperationException>().WithMessage($"*'{variable}' is not set");
            var missing = () => new MongoTargetOptions { PasswordFile = file + ".missing" }.ReadPassword();
            missing.Should().Throw<IOException>().WithMessage("password file '*.missing' cannot be read*");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task With_no_targets_the_collector_emits_nothing()
    {
        var sink = new Exporter.Core.Exposition.MetricSink();
        await new MongoCollector(new MongoOptions(), NullLogger<MongoCollector>.Instance).CollectAsync(sink, CancellationToken.None);
        sink.Families.Should().BeEmpty();
    }

    [Fact]
    public void Server_status_connections_become_conn_types()
    {
        var status = new BsonDocument("version", "6.0.3")
            .With("connections", new BsonDocument("current", 5).With("available", 100L).With("totalCreated", 9.0).With("note", "x"));

        var stats = MongoServerStats.FromServerStatus(status, []);

        stats.Version.Should().Be("6.0.3");
        stats.Connections.Should().Equal(("current", 5.0), ("available", 100.0), ("totalCreated", 9.0));
    }
}
