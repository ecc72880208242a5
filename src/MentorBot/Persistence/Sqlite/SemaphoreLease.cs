namespace MentorBot.Persistence.Sqlite;

/// <summary>A place taken in a semaphore (the write gate, a connection slot); giving it back twice is harmless.</summary>
internal sealed class SemaphoreLease(SemaphoreSlim semaphore) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
