using System.Data.Common;
using System.Net.Sockets;
using MentorBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MentorBot.IntegrationTests;

/// <summary>
/// An in-process host's own store with a switch. While <see cref="Answering"/> is off, every connection, write and lock
/// fails as the provider fails when its database has gone away (PostgreSQL refusing connections, SQLite unable to open
/// its file) and nothing reaches the store; switched on, it is the store again. <see cref="DatabaseOutage"/> takes the
/// real database away from a separate MentorBot process instead.
/// </summary>
internal sealed class SwitchableDatabase(Database store) : Database
{
    private volatile bool _answering = true;

    public bool Answering
    {
        get => _answering;
        set => _answering = value;
    }

    public override StorageProvider Provider => store.Provider;

    /// <summary>Puts a switch in front of the store the host would build.</summary>
    public static void Install(IServiceCollection services)
    {
        services.RemoveAll<Database>();
        services.AddSingleton<Database>(provider => new SwitchableDatabase(Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value)));
    }

    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ThrowUnlessAnswering();
        return store.OpenAsync(cancellationToken);
    }

    public override Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowUnlessAnswering();
        return store.WriteAsync(work, cancellationToken);
    }

    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ThrowUnlessAnswering();
        return store.BeginSnapshotAsync(connection, cancellationToken);
    }

    public override Task<bool> RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ThrowUnlessAnswering();
        return store.RunExclusiveAsync(name, work, cancellationToken);
    }

    public override ValueTask DisposeAsync() => store.DisposeAsync();

    private void ThrowUnlessAnswering()
    {
        if (_answering)
        {
            return;
        }

        throw Provider == StorageProvider.Postgres
            ? new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))
            : new SqliteException("SQLite Error 14: 'unable to open database file'.", 14);
    }
}
