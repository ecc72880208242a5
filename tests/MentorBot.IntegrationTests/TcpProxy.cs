using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MentorBot.IntegrationTests;

/// <summary>
/// A loopback TCP proxy in front of a server, which a test can cut: while cut, every open connection is reset (both
/// sides, RST) and every new one is reset as soon as it is accepted, as if the server had gone away. Restored, it
/// forwards again. Clients with pooled connections see them broken only when they next use them.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Server)> _pairs = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;
    private int _next;
    private volatile bool _cut;

    private TcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections reset while cut (open ones and refused new ones).</summary>
    public int Resets;

    public static TcpProxy Start(string upstreamHost, int upstreamPort)
    {
        var proxy = new TcpProxy(upstreamHost, upstreamPort);
        proxy._listener.Start();
        proxy._accepting = Task.Run(proxy.AcceptAsync);
        return proxy;
    }

    /// <summary>The server goes away: open connections are reset and new ones refused until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var (id, pair) in _pairs)
        {
            if (_pairs.TryRemove(id, out _))
            {
                Reset(pair.Client);
                Reset(pair.Server);
            }
        }
    }

    public void Restore() => _cut = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var pair in _pairs.Values)
        {
            pair.Client.Dispose();
            pair.Server.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        if (_cut)
        {
            Reset(client);
            return;
        }

        var server = new TcpClient { NoDelay = true };
        try
        {
            await server.ConnectAsync(_upstreamHost, _upstreamPort, _stop.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            Reset(client);
            server.Dispose();
            return;
        }

        client.NoDelay = true;
        var id = Interlocked.Increment(ref _next);
        _pairs[id] = (client, server);
        if (_cut && _pairs.TryRemove(id, out _))
        {
            // Cut while this one was connecting.
            Reset(client);
            Reset(server);
            return;
        }

        await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        if (_pairs.TryRemove(id, out _))
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Reset by the other side or by a cut.
        }
    }

    private void Reset(TcpClient connection)
    {
        Interlocked.Increment(ref Resets);
        try
        {
            connection.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        connection.Dispose();
    }
}
