using MentorBot.Graph;

namespace MentorBot.Tests.Graph;

/// <summary>Graph's four requests per mailbox, held by System.Threading.RateLimiting's partitioned concurrency limiter.</summary>
public sealed class MailboxGateTests
{
    [Fact]
    public async Task A_mailbox_admits_its_limit_and_the_next_waits_while_other_mailboxes_go_on()
    {
        using var gate = GraphClient.MailboxLimiter(2);
        var a1 = await gate.AcquireAsync("alex@example.org");
        var a2 = await gate.AcquireAsync("ALEX@example.org");

        var a3 = gate.AcquireAsync("alex@example.org");
        var m1 = await gate.AcquireAsync("megan@example.org");

        Assert.False(a3.IsCompleted);
        Assert.True(m1.IsAcquired);
        Assert.Equal(1, gate.GetStatistics("Alex@Example.org")!.CurrentQueuedCount);
        a1.Dispose();
        var third = await a3;
        Assert.True(third.IsAcquired);
        third.Dispose();
        a2.Dispose();
        m1.Dispose();
        Assert.Equal(2, gate.GetStatistics("alex@example.org")!.CurrentAvailablePermits);
        Assert.Equal(2, gate.GetStatistics("megan@example.org")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_nothing_behind()
    {
        using var gate = GraphClient.MailboxLimiter(1);
        var held = await gate.AcquireAsync("alex@example.org");
        using var cancel = new CancellationTokenSource();

        var waiting = gate.AcquireAsync("alex@example.org", 1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        held.Dispose();
        held.Dispose();
        var statistics = gate.GetStatistics("alex@example.org")!;
        Assert.Equal(0, statistics.CurrentQueuedCount);
        Assert.Equal(1, statistics.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Many_mailboxes_one_after_another_each_get_a_slot_at_once_and_give_it_back()
    {
        using var gate = GraphClient.MailboxLimiter(4);

        for (var i = 0; i < 1000; i++)
        {
            var waiting = gate.AcquireAsync($"person{i}@example.org");
            Assert.True(waiting.IsCompleted);
            using var lease = await waiting;
            Assert.True(lease.IsAcquired);
        }

        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(4, gate.GetStatistics($"person{i}@example.org")!.CurrentAvailablePermits));
    }
}
