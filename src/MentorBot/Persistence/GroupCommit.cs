namespace MentorBot.Scheduling;

/// <summary>
/// Marks sent items in groups (a group commit): a send the connector accepted waits for its mark as before, but the
/// marks that come in while one group is being written go out together in the next. One writer at a time instead of
/// one per parallel send, so SQLite never makes a send wait for its write lock, and a fan-out writes a few dozen
/// statements a second instead of thousands. Nothing is marked before the connector accepted it, and nothing waits
/// longer than one group's write. One per dispatch run.
/// </summary>
internal sealed class SentMarks(OutboxStore store)
{
    private readonly Lock _gate = new();
    private List<(string Id, TaskCompletionSource Done)> _pending = [];
    private bool _writing;

    public Task MarkSentAsync(string id)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _pending.Add((id, done));
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(WriteAsync);
        }

        return done.Task;
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            List<(string Id, TaskCompletionSource Done)> group;
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
                // Not cancelled with the dispatch: what the connector accepted is recorded even while shutting down.
                await store.MarkSentAsync([.. group.Select(g => g.Id)], CancellationToken.None);
                group.ForEach(g => g.Done.SetResult());
            }
            catch (Exception ex)
            {
                group.ForEach(g => g.Done.SetException(ex));
            }
        }
    }
}
