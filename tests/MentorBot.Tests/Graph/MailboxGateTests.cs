using MentorBot.Graph;

namespace MentorBot.Tests.Graph;

public sealed class MailboxGateTests
{
    [Fact]
    public async Task A_mailbox_admits_its_limit_and_the_next_waits_while_other_mailboxes_go_on()
    {
        var gate = new MailboxGate(2);
        var a1 = await gate.EnterAsync("alex@example.org", default);
        var a2 = await gate.EnterAsync("ALEX@example.org", default);

        var a3 = gate.EnterAsync("alex@example.org", default);
        var m1 = await gate.EnterAsync("megan@example.org", default);

        Assert.False(a3.IsCompleted);
        Assert.Equal(2, gate.Tracked);
        a1.Dispose();
        (await a3).Dispose();
        a2.Dispose();
        m1.Dispose();
        Assert.Equal(0, gate.Tracked);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_nothing_behind()
    {
        var gate = new MailboxGate(1);
        var held = await gate.EnterAsync("alex@example.org", default);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync("alex@example.org", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose();
        Assert.Equal(0, gate.Tracked);
    }

    [Fact]
    public async Task Many_mailboxes_one_after_another_never_accumulate()
    {
        var gate = new MailboxGate(4);

        for (var i = 0; i < 1000; i++)
        {
            using var lease = await gate.EnterAsync($"person{i}@example.org", default);
        }

        Assert.Equal(0, gate.Tracked);
    }
}
