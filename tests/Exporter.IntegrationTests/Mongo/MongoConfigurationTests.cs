using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Mongo;

/// <summary>A bad MongoDB target list stops the host at start-up, with a message that holds no secret.</summary>
public class MongoConfigurationTests
{
    [Fact]
    public async Task A_user_without_a_password_source_fails_the_start()
    {
        var env = new Dictionary<string, string>
        {
            ["Exporter__mongodb__Targets__0__Name"] = "main",
            ["Exporter__mongodb__Targets__0__Address"] = "127.0.0.1:27017",
            ["Exporter__mongodb__Targets__0__Username"] = "exporter",
        };

        var act = () => HostProcess.StartAsync(env);

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("host exited with 2:*mongodb target 'main': give the password with exactly one of PasswordFile or PasswordEnv*");
    }

    [Fact]
    public async Task A_password_written_into_the_configuration_is_refused_without_echoing_it()
    {
        var env = new Dictionary<string, string>
        {
            ["Exporter__mongodb__Targets__0__Name"] = "main",
            ["Exporter__mongodb__Targets__0__Address"] = "127.0.0.1:27017",
            ["Exporter__mongodb__Targets__0__Username"] = "exporter",
            ["Exporter__mongodb__Targets__0__Password"] = "Inline-s3cret",
        };

        var act = () => HostProcess.StartAsync(env);

        var error = (await act.Should().ThrowAsync<InvalidOperationException>()).Which;
        error.Message.Should().StartWith("host exited with").And.Contain("'Password'").And.NotContain("Inline-s3cret");
    }
}
