using Exporter.Docker;

namespace Exporter.Docker.Tests;

public sealed class DockerOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        new DockerOptionsValidator().Validate(null, new DockerOptions()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Reports_every_bad_setting_at_once()
    {
        var result = new DockerOptionsValidator().Validate(null, new DockerOptions
        {
            Host = "ssh://me@box",
            Timeout = TimeSpan.Zero,
            MaxParallel = 0,
            Labels = "com.example.team, com_example_team ,app",
        });

        result.Failed.Should().BeTrue();
        result.Failures.Should().BeEquivalentTo(
            "docker: host 'ssh://me@box': expected unix:///path or tcp://host:port",
            "docker: timeout must be positive, got 00:00:00",
            "docker: max-parallel must be between 1 and 1024, got 0",
            "docker: labels com.example.team and com_example_team would both become container_label_com_example_team");
    }

    [Fact]
    public void Label_keys_are_trimmed_and_deduplicated()
    {
        new DockerOptions { Labels = " app,team,,app " }.LabelKeys.Should().Equal("app", "team");
        new DockerOptions().LabelKeys.Should().BeEmpty();
    }
}
