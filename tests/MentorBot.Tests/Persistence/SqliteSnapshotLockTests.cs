using MentorBot.Persistence.Sqlite;

namespace MentorBot.Tests.Persistence;

public sealed class SqliteSnapshotLockTests
{
    [Fact]
    public async Task Readers_share_and_a_commit_waits_until_the_last_has_finished()
    {
        var snapshots = new SqliteSnapshotLock();
        var first = await snapshots.ReadAsync(default);
        var second = await snapshots.ReadAsync(default);

        var commit = snapshots.CommitAsync(default).AsTask();
        first.Dispose();
        Assert.False(commit.IsCompleted);
        second.Dispose();

        (await commit.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Once_a_commit_waits_new_readers_queue_behind_it_and_all_enter_when_it_is_done()
    {
        var snapshots = new SqliteSnapshotLock();
        var reading = await snapshots.ReadAsync(default);
        var commit = snapshots.CommitAsync(default).AsTask();
        var late = new[] { snapshots.ReadAsync(default).AsTask(), snapshots.ReadAsync(default).AsTask() };
        Assert.All(late, r => Assert.False(r.IsCompleted));

        reading.Dispose();
        var committing = await commit.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.All(late, r => Assert.False(r.IsCompleted));
        committing.Dispose();

        foreach (var reader in await Task.WhenAll(late).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            reader.Dispose();
        }

        (await snapshots.CommitAsync(default)).Dispose();
    }

    [Fact]
    public async Task A_reader_that_gives_up_while_waiting_does_not_keep_the_next_commit_out()
    {
        var snapshots = new SqliteSnapshotLock();
        var committing = await snapshots.CommitAsync(default);
        using var cancel = new CancellationTokenSource();
        var waiting = snapshots.ReadAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        committing.Dispose();

        (await snapshots.CommitAsync(default).AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Leases_given_back_twice_count_once()
    {
        var snapshots = new SqliteSnapshotLock();
        var reading = await snapshots.ReadAsync(default);
        reading.Dispose();
        reading.Dispose();

        var commit = snapshots.CommitAsync(default).AsTask();
        Assert.True(commit.IsCompletedSuccessfully);
        (await commit).Dispose();
    }
}
