namespace SharingPlatform.Web.Pages.Admin;

/// <summary>The audit log's recorded codes in words in the page's language: "resource.approve", "pending_review".</summary>
public static class AuditText
{
    public static string AuditAction(this IStringLocalizer localizer, string action) => Words(localizer, "AuditAction_", action);

    public static string? AuditState(this IStringLocalizer localizer, string? state) => state is null ? null : Words(localizer, "AuditState_", state);

    private static string Words(IStringLocalizer localizer, string prefix, string code) =>
        localizer[prefix + code] is { ResourceNotFound: false } words ? words.Value : code;
}
