using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SharingPlatform.Tests.Support;

/// <summary>
/// A door between an app and PostgreSQL that a test can shut: a TCP relay on a loopback port. Shut, it drops every open
/// connection and refuses new ones, as a database that went away does; opened again, it relays as before.
/// </summary>
public sealed class DatabaseDoor : IAsyncDisposable
{
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private TcpListener _listener;
    private CancellationTokenSource _stop = new();

    public DatabaseDoor(string serverConnectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        _serverHost = server.Host ?? "127.0.0.1";
        _serverPort = server.Port;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public int Port { get; }

    /// <summary><paramref name="connectionString"/> with its host and port replaced by the door's.</summary>
    public string Through(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public void Shut()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _open.Keys)
            client.Dispose();
        _open.Clear();
    }

    public void Open()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient app;
            try
            {
                app = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(app, stop);
        }
    }

    private async Task RelayAsync(TcpClient app, CancellationToken stop)
    {
        var database = new TcpClient();
        _open[app] = 0;
        _open[database] = 0;
        try
        {
            await database.ConnectAsync(_serverHost, _serverPort, stop);
            var appStream = app.GetStream();
            var databaseStream = database.GetStream();
            await Task.WhenAny(appStream.CopyToAsync(databaseStream, stop), databaseStream.CopyToAsync(appStream, stop));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _open.TryRemove(app, out _);
            _open.TryRemove(database, out _);
            app.Dispose();
            database.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Shut();
        return ValueTask.CompletedTask;
    }
}
