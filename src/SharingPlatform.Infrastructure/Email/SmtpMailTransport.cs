using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// SMTP over one connection for the scope (one Hangfire job), so a burst of emails costs one handshake, not one each.
/// A failed send drops the connection; the next send opens a new one.
/// </summary>
internal sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport, IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            _client?.Dispose();
            _client = null;
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
            return _client;

        _client?.Dispose();
        _client = new SmtpClient();
        var smtp = options.Value;
        var security = smtp.Security switch
        {
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await _client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        return _client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null)
            return;
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // The server went away first: nothing is left to say to it.
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }
}
