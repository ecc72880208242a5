namespace MentorBot.Persistence;

/// <summary>
/// Writes items in groups (a group commit). Each caller waits until its own item is stored, as with a write of its
/// own, but the items that come in while one group is being written go out together in the next: one writer at a time
/// instead of one per parallel caller, so SQLite never makes a caller wait for its write lock, and under load the store
/// sees one statement (or transaction) per group instead of one per caller. Nothing waits longer than the group before
/// its own and then its own; alone, an item is written at once. The group's writer answers one result per item, in
/// order; a failed write fails every caller in its group.
/// </summary>
internal sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeGroup)
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Done)> _pending = [];
    private bool _writing;

    public Task<TResult> WriteAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _pending.Add((item, done));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(WriteGroupsAsync);
        }

        return done.Task;
    }

    private async Task WriteGroupsAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done)> group;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }

                (group, _pending) = (_pending, []);
            }

            try
            {
                var results = await writeGroup([.. group.Select(g => g.Item)]);
                if (results.Count != group.Count)
                {
                    throw new InvalidOperationException($"A group of {group.Count} was written with {results.Count} results.");
                }

                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                group.ForEach(g => g.Done.SetException(ex));
            }
        }
    }
}

/// <summary>A <see cref="GroupCommit{TItem, TResult}"/> whose writes answer nothing but success or failure.</summary>
internal sealed class GroupCommit<TItem>(Func<IReadOnlyList<TItem>, Task> writeGroup)
{
    private readonly GroupCommit<TItem, bool> _writes = new(async items =>
    {
        await writeGroup(items);
        return new bool[items.Count];
    });

    public Task WriteAsync(TItem item) => _writes.WriteAsync(item);
}
