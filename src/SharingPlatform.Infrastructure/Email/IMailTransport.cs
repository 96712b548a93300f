namespace SharingPlatform.Infrastructure.Email;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
