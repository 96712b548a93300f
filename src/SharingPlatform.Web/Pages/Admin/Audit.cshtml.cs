namespace SharingPlatform.Web.Pages.Admin;

/// <summary>The audit log of administrator decisions, newest first, paged and filtered. Nothing here changes it.</summary>
public sealed class AuditModel(ISender sender) : PageModel
{
    private const int PageSize = 50;

    public static IReadOnlyList<string> SubjectTypes { get; } =
        ["organization", "resource", "change_request", "lab", "circle", "story", "proposal", "review", "report", "user"];

    /// <summary>The page of an entry's subject, for a link from the log.</summary>
    public static string? SubjectPath(AuditEntryView entry) => entry.SubjectType switch
    {
        "organization" => $"/Organizations/Details/{entry.SubjectId}",
        "resource" => $"/Resources/Details/{entry.SubjectId}",
        "change_request" => $"/Admin/Changes/{entry.SubjectId}",
        "lab" => $"/Labs/Details/{entry.SubjectId}",
        "circle" => $"/Circles/Details/{entry.SubjectId}",
        "story" => $"/Stories/{entry.SubjectId}",
        "proposal" => $"/Proposals/{entry.SubjectId}",
        "review" => $"/Reviews/Show/{entry.SubjectId}",
        "user" => $"/Admin/Users/Details/{entry.SubjectId}",
        _ => null,
    };

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? SubjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SubjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ActorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public PagedList<AuditEntryView> Entries { get; private set; } = null!;

    public int PageCount => (Entries.TotalCount + PageSize - 1) / PageSize;

    /// <summary>The filters in force, for links to other pages of the same list (or, with an actor, to that actor's entries).</summary>
    public Dictionary<string, string> Filters(int page, Guid? actorId = null)
    {
        var values = new Dictionary<string, string> { ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(SubjectType))
            values["subjectType"] = SubjectType;
        if (SubjectId is { } subjectId)
            values["subjectId"] = subjectId.ToString();
        if (!string.IsNullOrWhiteSpace(Action))
            values["action"] = Action;
        if ((actorId ?? ActorId) is { } actor)
            values["actorId"] = actor.ToString();
        if (From is { } from)
            values["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (To is { } to)
            values["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && to < from)
            (From, To) = (to, from);
        Entries = await sender.Send(new ListAuditEntries(
            string.IsNullOrWhiteSpace(SubjectType) ? null : SubjectType.Trim(), SubjectId, string.IsNullOrWhiteSpace(Action) ? null : Action.Trim(),
            Math.Max(1, PageNumber), PageSize, ActorId, From, To), cancellationToken);
    }
}
