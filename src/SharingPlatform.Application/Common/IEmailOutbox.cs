namespace SharingPlatform.Application.Common;

/// <summary>
/// Schedules the sending of an <see cref="Domain.Emails.OutgoingEmail"/> that has been committed.
/// Call it after SaveChanges: the job only takes the email's id.
/// </summary>
public interface IEmailOutbox
{
    void Send(Guid outgoingEmailId);
}
