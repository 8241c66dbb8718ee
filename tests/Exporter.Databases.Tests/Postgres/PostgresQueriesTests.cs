using Exporter.Databases.Postgres;

namespace Exporter.Databases.Tests.Postgres;

public sealed class PostgresQueriesTests
{
    [Theory]
    [InlineData("15.4 (Debian 15.4-1.pgdg120+1)", "15.4.0")]
    [InlineData("15.14", "15.14.0")]
    [InlineData("9.6.24", "9.6.24")]
    [InlineData("16beta1", "16.0.0")]
    [InlineData("devel", "0.0.0")]
    public void Short_version_is_postgres_exporter_semver(string serverVersion, string expected) =>
        PostgresQueries.ShortVersion(serverVersion).Should().Be(expected);
}
