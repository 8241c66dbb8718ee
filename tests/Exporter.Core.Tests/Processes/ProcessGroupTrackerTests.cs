using Exporter.Core.Processes;

namespace Exporter.Core.Tests.Processes;

public sealed class ProcessGroupTrackerTests
{
    [Fact]
    public void Groups_sum_their_processes()
    {
        var groups = new ProcessGroupTracker().Update([P(1, "nginx", user: 1, rss: 100), P(2, "nginx", user: 2, rss: 50), P(3, "sshd", user: 5, rss: 10)]);

        groups.Select(g => (g.Name, g.Processes, g.UserSeconds, g.ResidentBytes)).Should().Equal(("nginx", 2, 3.0, 150.0), ("sshd", 1, 5.0, 10.0));
        groups[0].States.Should().Equal(new Dictionary<string, int> { ["Sleeping"] = 2 });
    }

    [Fact]
    public void A_group_counter_keeps_what_exited_processes_used()
    {
        var tracker = new ProcessGroupTracker();
        tracker.Update([P(1, "worker", user: 10, read: 1000), P(2, "worker", user: 4, read: 10)]);

        var after = tracker.Update([P(2, "worker", user: 5, read: 20)]).Single();

        after.Processes.Should().Be(1);
        after.UserSeconds.Should().Be(15, "10 from the exited process + 5 from the living one: the counter never drops");
        after.ReadBytes.Should().Be(1020);
        after.ResidentBytes.Should().Be(1, "gauges are only what is alive now");

        var later = tracker.Update([P(2, "worker", user: 6, read: 20), P(3, "worker", user: 1, read: 0)]).Single();
        later.UserSeconds.Should().Be(17);
    }

    [Fact]
    public void A_process_whose_counters_read_lower_keeps_its_last_values()
    {
        var tracker = new ProcessGroupTracker();
        tracker.Update([P(4, "app", user: 2, read: 500)]);

        var group = tracker.Update([P(4, "app", user: 3, read: 0)]).Single();

        group.ReadBytes.Should().Be(500, "io turned unreadable (a zombie): the counter must not drop");
        group.UserSeconds.Should().Be(3);
    }

    [Fact]
    public void A_pid_reused_by_a_new_process_is_a_new_process()
    {
        var tracker = new ProcessGroupTracker();
        tracker.Update([P(7, "job", user: 30, start: 100)]);

        tracker.Update([P(7, "job", user: 1, start: 900)]).Single().UserSeconds.Should().Be(31);
    }

    [Fact]
    public void A_group_whose_processes_are_all_gone_disappears_and_comes_back_from_zero()
    {
        var tracker = new ProcessGroupTracker();
        tracker.Update([P(1, "cron", user: 3), P(2, "sshd", user: 1)]);

        tracker.Update([P(2, "sshd", user: 1)]).Select(g => g.Name).Should().Equal("sshd");
        tracker.Update([P(2, "sshd", user: 1), P(9, "cron", user: 1)]).First(g => g.Name == "cron").UserSeconds
            .Should().Be(1, "a group that disappeared starts again as a new series");
    }

    [Fact]
    public void Top_keeps_the_biggest_groups_by_cpu_or_memory_sorted_by_name()
    {
        var groups = new ProcessGroupTracker().Update([P(1, "a", user: 1, rss: 300), P(2, "b", user: 30, rss: 1), P(3, "c", user: 20, rss: 200)]);

        ProcessGroupTracker.Top(groups, 2, ProcessGroupRanking.Cpu).Select(g => g.Name).Should().Equal("b", "c");
        ProcessGroupTracker.Top(groups, 2, ProcessGroupRanking.Memory).Select(g => g.Name).Should().Equal("a", "c");
        ProcessGroupTracker.Top(groups, 0, ProcessGroupRanking.Cpu).Should().HaveCount(3);
    }

    private static ProcessSample P(int pid, string group, double user = 0, double rss = 1, double read = 0, ulong start = 1) =>
        new(pid, start, group, 'S', user, 0, rss, 0, 0, 1, 0, read, 0);
}
