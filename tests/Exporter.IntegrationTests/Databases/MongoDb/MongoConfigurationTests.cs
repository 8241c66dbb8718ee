using Exporter.TestSupport;

namespace Exporter.IntegrationTests.Databases.MongoDb;

/// <summary>A bad MongoDB target list stops the host at start-up, with a message that holds no secret.</summary>
public class MongoConfigurationTests
{
    [Fact]
    public async Task A_user_without_a_password_source_fails_the_start()
    {
        var env = new Dictionary<string, string>
        {
            ["Exporter__Databases__MongoDb__0__Name"] = "main",
            ["Exporter__Databases__MongoDb__0__User"] = "exporter",
        };

        var act = () => HostProcess.StartAsync(env);

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("host exited with 2:*mongodb target 'main': user is set but no password, password_file or password_env*");
    }

    [Fact]
    public async Task An_unknown_key_in_the_config_file_fails_the_start_without_echoing_the_values()
    {
        var dir = Directory.CreateTempSubdirectory("exporter-mongo-conf-").FullName;
        try
        {
            var config = Path.Join(dir, "databases.yml");
            await File.WriteAllTextAsync(config, "mongodb:\n  - name: main\n    address: 127.0.0.1:27017\n    user: exporter\n    password: Inline-s3cret\n");

            var act = () => HostProcess.StartAsync($"--config.file={config}");

            var error = (await act.Should().ThrowAsync<InvalidOperationException>()).Which;
            error.Message.Should().StartWith("host exited with 2").And.Contain("line 3").And.Contain("'address'").And.NotContain("Inline-s3cret");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
