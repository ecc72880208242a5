namespace MentorBot.Persistence.Sqlite;

/// <summary>
/// Keeps SQLite commits apart from statements that are starting to read. A reader that starts while a commit rewrites
/// the WAL index retries, and after five quick retries SQLite sleeps; in the bundled build (no usleep) that sleep is a
/// whole second, and when it hits the writer every other writer waits behind it. Readers share this lock for the few
/// microseconds of a statement; a commit (or a write outside a transaction) takes it alone, and once it waits new
/// readers queue behind it, so a stream of reads cannot starve a commit. Writers are one at a time already
/// (<see cref="SqliteWriteGate"/>), so at most one waits here.
/// </summary>
internal sealed class SqliteSnapshotLock
{
    private readonly Lock _sync = new();
    private readonly Queue<TaskCompletionSource> _readersWaiting = new();
    private TaskCompletionSource? _committerWaiting;
    private int _readers;
    private bool _committing;

    public async ValueTask<IDisposable> ReadAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiting;
        lock (_sync)
        {
            if (!_committing && _committerWaiting is null)
            {
                _readers++;
                return new Lease(this, shared: true);
            }

            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _readersWaiting.Enqueue(waiting);
        }

        await Granted(waiting, shared: true, cancellationToken);
        return new Lease(this, shared: true);
    }

    public async ValueTask<IDisposable> CommitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiting;
        lock (_sync)
        {
            if (_readers == 0 && !_committing)
            {
                _committing = true;
                return new Lease(this, shared: false);
            }

            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _committerWaiting = waiting;
        }

        await Granted(waiting, shared: false, cancellationToken);
        return new Lease(this, shared: false);
    }

    /// <summary>Waits for a grant; a caller that gives up still receives it later and hands it straight back.</summary>
    private async Task Granted(TaskCompletionSource waiting, bool shared, CancellationToken cancellationToken)
    {
        try
        {
            await waiting.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _ = waiting.Task.ContinueWith(_ => Release(shared), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private void Release(bool shared)
    {
        TaskCompletionSource? committer = null;
        List<TaskCompletionSource>? readers = null;
        lock (_sync)
        {
            if (shared)
            {
                _readers--;
                if (_readers == 0 && _committerWaiting is not null)
                {
                    committer = _committerWaiting;
                    _committerWaiting = null;
                    _committing = true;
                }
            }
            else
            {
                _committing = false;
                if (_readersWaiting.Count > 0)
                {
                    readers = [.. _readersWaiting];
                    _readersWaiting.Clear();
                    _readers += readers.Count;
                }
            }
        }

        committer?.SetResult();
        readers?.ForEach(r => r.SetResult());
    }

    private sealed class Lease(SqliteSnapshotLock owner, bool shared) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(shared);
            }
        }
    }
}
