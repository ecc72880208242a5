namespace MentorBot.Graph;

/// <summary>
/// Graph allows an app four concurrent requests per mailbox. This keeps one semaphore per mailbox, and only while a
/// request for that mailbox is waiting or running: the last one out removes it, so the table never grows beyond the
/// work in hand.
/// </summary>
internal sealed class MailboxGate(int perMailbox)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many mailboxes have a request waiting or running.</summary>
    public int Tracked
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<IDisposable> EnterAsync(string mailbox, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(mailbox, out entry!))
            {
                entry = new Entry(perMailbox);
                _entries[mailbox] = entry;
            }

            entry.Users++;
        }

        var entered = false;
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
            entered = true;
            return new Lease(this, mailbox, entry);
        }
        finally
        {
            if (!entered)
            {
                Leave(mailbox, entry, entered: false);
            }
        }
    }

    private void Leave(string mailbox, Entry entry, bool entered)
    {
        if (entered)
        {
            entry.Semaphore.Release();
        }

        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(mailbox);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry(int slots)
    {
        public SemaphoreSlim Semaphore { get; } = new(slots, slots);

        public int Users { get; set; }
    }

    private sealed class Lease(MailboxGate gate, string mailbox, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(mailbox, entry, entered: true);
            }
        }
    }
}
