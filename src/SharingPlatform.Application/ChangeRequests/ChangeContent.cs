using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharingPlatform.Application.ChangeRequests;

/// <summary>One field a change request changes, as the review page and the members' view list it.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>The change waiting for review, as the members of the subject's organization see it.</summary>
public sealed record PendingChangeView(Guid Id, DateTimeOffset SubmittedAt, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// Change requests in general (<c>ResourceChanges</c> and <c>LabChanges</c> say what each
/// subject's content is). What of a resource or lab is its public content (a change waits for review) and what is operational (closed dates,
/// which apply at once). The proposed content is kept as the edit form's JSON; the fields are compared in canonical form
/// (trimmed text, the policy and timetable as the domain orders them), so saving unchanged content proposes nothing.
/// </summary>
public static class ChangeContent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T input) => JsonSerializer.Serialize(input, Json);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    public static IReadOnlyList<FieldChange> Diff(IReadOnlyList<(string Field, string Value)> before, IReadOnlyList<(string Field, string Value)> after) =>
        before.Zip(after).Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new FieldChange(pair.First.Field, pair.First.Value, pair.Second.Value)).ToList();

    /// <summary>The request of a subject waiting for review, if one does.</summary>
    public static Task<ChangeRequest?> PendingRequestAsync(this IApplicationDbContext db, ChangeSubjectKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        db.ChangeRequests.AsNoTracking()
            .SingleOrDefaultAsync(c => c.SubjectKind == kind && c.SubjectId == subjectId && c.Status == ChangeRequestStatus.Pending, cancellationToken);

    /// <summary>
    /// Files the proposed content for review: replaces the subject's pending request, or submits a new one. Two saves at
    /// once meet the unique partial index (one 409); a save racing a decision meets the request's version (409).
    /// </summary>
    public static async Task ProposeAsync(
        this IApplicationDbContext db, ChangeSubjectKind kind, Guid subjectId, Guid organizationId, string proposedContent, Guid userId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.ChangeRequests
            .SingleOrDefaultAsync(c => c.SubjectKind == kind && c.SubjectId == subjectId && c.Status == ChangeRequestStatus.Pending, cancellationToken);
        if (pending is null)
            db.ChangeRequests.Add(ChangeRequest.Submit(kind, subjectId, organizationId, proposedContent, userId, now));
        else
            pending.Replace(proposedContent, userId, now);
    }

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
