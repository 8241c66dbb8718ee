using Exporter.Databases;
using Exporter.Databases.MongoDb;
using Exporter.Core.Exposition;
using MongoDB.Bson;

namespace Exporter.Databases.Tests.MongoDb;

public class MongoTargetOptionsTests
{
    [Fact]
    public void Validation_lists_every_mistake()
    {
        var options = new DatabaseOptions
        {
            MongoDb =
            [
                new() { Name = "a", User = "u" },
                new() { Name = "a", PasswordEnv = "PATH" },
                new() { Name = "", Port = 70000, User = "u", PasswordEnv = "PATH", PasswordFile = "/f" },
                new() { Name = "ca", TlsCaFile = "/nonexistent/ca.pem", AuthDatabase = "" },
            ],
        };

        new DatabaseOptionsValidator().Validate(null, options).Failures.Should().BeEquivalentTo(
            "mongodb target 'a': user is set but no password, password_file or password_env",
            "mongodb target 'a': the name is used twice",
            "mongodb target 'a': a password is given but no user",
            "mongodb target 3: name is required",
            "mongodb target 3: give only one of password, password_file and password_env",
            "mongodb target 3: port must be 1-65535, got 70000",
            "mongodb target 'ca': auth_database is empty",
            "mongodb target 'ca': tls_ca_file /nonexistent/ca.pem does not exist",
            "mongodb target 'ca': TLS settings given but tls is not true");
    }

    [Fact]
    public void Accepts_a_valid_list()
    {
        var options = new DatabaseOptions
        {
            MongoDb = [new() { Name = "a", User = "u", PasswordEnv = "PATH" }, new() { Name = "b", Host = "::1" }],
        };

        new DatabaseOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Server_stats_become_mongodb_exporter_series()
    {
        var status = new BsonDocument
        {
            { "version", "6.0.3" },
            { "connections", new BsonDocument { { "current", 5 }, { "available", 100L }, { "totalCreated", 9.0 }, { "note", "x" } } },
        };
        var stats = MongoServerStats.FromServerStatus(status, [MongoDatabaseStats.FromReply("shop", new BsonDocument { { "collections", 3 }, { "objects", 12L } })]);
        var sink = new MetricSink();

        MongoMetrics.Add(sink, "main", stats);

        stats.Connections.Should().Equal(("current", 5.0), ("available", 100.0), ("totalCreated", 9.0));
        sink.Families.SelectMany(f => f.Samples.Select(s => $"{f.Descriptor.Name}{{{string.Join(',', s.LabelValues)}}} {s.Value}")).Should().BeEquivalentTo(
            "mongodb_version_info{main,6.0.3} 1",
            "mongodb_ss_connections{main,current} 5",
            "mongodb_ss_connections{main,available} 100",
            "mongodb_ss_connections{main,totalCreated} 9",
            "mongodb_dbstats_collections{main,shop} 3",
            "mongodb_dbstats_objects{main,shop} 12");
    }
}
