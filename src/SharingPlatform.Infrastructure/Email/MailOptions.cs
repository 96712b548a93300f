namespace SharingPlatform.Infrastructure.Email;

/// <summary>
/// How email leaves the platform: through SMTP when <c>Smtp:Host</c> is set, otherwise (Development and
/// tests only) as .eml files in <c>Mail:PickupDirectory</c>.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>StartTls (port 587), SslOnConnect (port 465) or None (a relay on localhost).</summary>
    [RegularExpression("^(StartTls|SslOnConnect|None)$")]
    public string Security { get; set; } = "StartTls";
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@sharing.jeonbuk.example";

    [Required]
    public string FromName { get; set; } = "전북 공유경제 플랫폼";

    public string PickupDirectory { get; set; } = ".data/mail";

    /// <summary>How long <see cref="EmailSendQueue"/> gathers committed emails into one send job.</summary>
    [Range(1, 60_000)]
    public int GatherMilliseconds { get; set; } = 50;
}
