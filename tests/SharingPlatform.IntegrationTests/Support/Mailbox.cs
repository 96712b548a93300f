using System.Text.RegularExpressions;
using MimeKit;

namespace SharingPlatform.Tests.Support;

/// <summary>Reads the .eml files the app's pickup-directory transport writes, as a person reads their inbox.</summary>
public sealed partial class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Waits (the email is sent by a Hangfire job) for a message to <paramref name="to"/> whose subject matches.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var found = Messages().FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
            if (found is not null)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No email to {to} arrived in {Directory} in time.");
            await Task.Delay(100);
        }
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The path and query of the first link in the message, to open against whichever host the test runs.</summary>
    public static string LinkIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        if (!match.Success)
            throw new InvalidOperationException($"The email '{message.Subject}' has no link.");
        return new Uri(match.Value).PathAndQuery;
    }

    private IEnumerable<MimeMessage> Messages()
    {
        if (!System.IO.Directory.Exists(Directory))
            yield break;
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.eml").Order())
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                continue; // still being written
            }
            yield return message;
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
