using MentorBot.Persistence;

namespace MentorBot.Tests.Persistence;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_that_arrive_during_a_write_go_out_together_next_and_each_caller_gets_its_own_result()
    {
        var groups = new List<string[]>();
        var firstWrite = new TaskCompletionSource();
        var group = new GroupCommit<string, string>(async items =>
        {
            groups.Add([.. items]);
            if (groups.Count == 1)
            {
                await firstWrite.Task;
            }

            return [.. items.Select(i => i.ToUpperInvariant())];
        });

        var first = group.WriteAsync("a");
        await WaitUntilAsync(() => groups.Count == 1);
        var later = new[] { group.WriteAsync("b"), group.WriteAsync("c"), group.WriteAsync("d") };
        Assert.False(first.IsCompleted);
        firstWrite.SetResult();

        Assert.Equal("A", await first);
        Assert.Equal(["B", "C", "D"], await Task.WhenAll(later));
        Assert.Equal([["a"], ["b", "c", "d"]], groups);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_next_group_is_still_written()
    {
        var attempts = 0;
        var release = new TaskCompletionSource();
        var group = new GroupCommit<int>(async items =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await release.Task;
                throw new InvalidOperationException("the store went away");
            }
        });

        var failing = new[] { group.WriteAsync(1) };
        await WaitUntilAsync(() => Volatile.Read(ref attempts) == 1);
        var sameGroup = new[] { group.WriteAsync(2), group.WriteAsync(3) };
        release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing[0]);
        await Task.WhenAll(sameGroup); // the second group, written after the failure
        await group.WriteAsync(4).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, attempts);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The group writer did not start in time.");
            await Task.Delay(5);
        }
    }
}
