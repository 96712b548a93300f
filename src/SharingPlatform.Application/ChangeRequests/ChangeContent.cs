using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.Application.Common;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Resources;
using SharingPlatform.Domain.ChangeRequests;
using SharingPlatform.Domain.Labs;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.ChangeRequests;

/// <summary>One field a change request changes, as the review page and the members' view list it.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>The change waiting for review, as the members of the subject's organization see it.</summary>
public sealed record PendingChangeView(Guid Id, DateTimeOffset SubmittedAt, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What of a resource or lab is its public content (a change waits for review) and what is operational (closed dates,
/// which apply at once). The proposed content is kept as the edit form's JSON; the fields are compared in canonical form
/// (trimmed text, the policy and timetable as the domain orders them), so saving unchanged content proposes nothing.
/// </summary>
public static class ChangeContent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ResourceInput input) => JsonSerializer.Serialize(input with { Policy = input.Policy with { ClosedDates = [] } }, Json);

    public static string Serialize(LabInput input) => JsonSerializer.Serialize(input with { ClosedDates = [] }, Json);

    public static ResourceInput ResourceInputFrom(string json) => JsonSerializer.Deserialize<ResourceInput>(json, Json)!;

    public static LabInput LabInputFrom(string json) => JsonSerializer.Deserialize<LabInput>(json, Json)!;

    public static ResourceInput InputOf(SharedResource r) => new(
        r.Category, r.Title, r.Description, r.Municipality, r.Address, r.Capacity, r.FeePerHour, r.FeeNote, PolicyInput.From(r.Policy));

    public static LabInput InputOf(Lab l) => new(
        l.Name, l.Description, l.Municipality, l.Address, l.SafetyRules, l.SeatsPerSlot, l.Timetable.Slots.Select(WeeklySlotInput.From).ToList(), []);

    /// <summary>The public content of a resource, field by field, in canonical form (closed dates are not content).</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(ResourceInput input)
    {
        var p = PolicyInput.From(input.Policy.ToPolicy());
        return
        [
            ("category", Camel(input.Category.ToString())),
            ("title", input.Title.Trim()),
            ("description", (input.Description ?? "").Trim()),
            ("municipality", input.Municipality),
            ("address", (input.Address ?? "").Trim()),
            ("capacity", Number(input.Capacity)),
            ("feePerHour", Number(input.FeePerHour)),
            ("feeNote", (input.FeeNote ?? "").Trim()),
            ("policy.approvalMode", Camel(p.ApprovalMode.ToString())),
            ("policy.slotMinutes", Number(p.SlotMinutes)),
            ("policy.minMinutes", Number(p.MinMinutes)),
            ("policy.maxMinutes", Number(p.MaxMinutes)),
            ("policy.minNoticeMinutes", Number(p.MinNoticeMinutes)),
            ("policy.horizonDays", Number(p.HorizonDays)),
            ("policy.bufferMinutes", Number(p.BufferMinutes)),
            ("policy.requiresCheckIn", p.RequiresCheckIn ? "true" : "false"),
            ("policy.maxActivePerPerson", Number(p.MaxActivePerPerson)),
            ("policy.openingHours", string.Join(", ", p.OpeningHours.Select(o => $"{Camel(o.DayOfWeek.ToString())} {o.Opens}–{o.Closes}"))),
        ];
    }

    /// <summary>The public content of a lab, field by field, in canonical form (closed dates are not content).</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(LabInput input)
    {
        var slots = LabTimetable.Create((input.Timetable ?? []).Select(s => s.ToSlot()), []).Slots.Select(WeeklySlotInput.From);
        return
        [
            ("name", input.Name.Trim()),
            ("description", (input.Description ?? "").Trim()),
            ("municipality", input.Municipality),
            ("address", (input.Address ?? "").Trim()),
            ("safetyRules", (input.SafetyRules ?? "").Trim()),
            ("seatsPerSlot", Number(input.SeatsPerSlot)),
            ("timetable", string.Join(", ", slots.Select(s => $"{Camel(s.DayOfWeek.ToString())} {s.Starts}–{s.Ends}"))),
        ];
    }

    public static IReadOnlyList<FieldChange> Diff(IReadOnlyList<(string Field, string Value)> before, IReadOnlyList<(string Field, string Value)> after) =>
        before.Zip(after).Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => new FieldChange(pair.First.Field, pair.First.Value, pair.Second.Value)).ToList();

    /// <summary>What the pending request of a subject changes against the live version (null when none waits).</summary>
    public static async Task<PendingChangeView?> PendingChangeAsync(this IApplicationDbContext db, ChangeSubjectKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        var request = await db.ChangeRequests.AsNoTracking()
            .SingleOrDefaultAsync(c => c.SubjectKind == kind && c.SubjectId == subjectId && c.Status == ChangeRequestStatus.Pending, cancellationToken);
        if (request is null)
            return null;
        return new PendingChangeView(request.Id, request.SubmittedAt, await db.ChangesAsync(request, cancellationToken));
    }

    /// <summary>Field by field, what <paramref name="request"/> changes in its subject as it is now.</summary>
    public static async Task<IReadOnlyList<FieldChange>> ChangesAsync(this IApplicationDbContext db, ChangeRequest request, CancellationToken cancellationToken)
    {
        if (request.SubjectKind == ChangeSubjectKind.Resource)
        {
            var resource = await db.Resources.AsNoTracking().SingleAsync(r => r.Id == request.SubjectId, cancellationToken);
            return Diff(Fields(InputOf(resource)), Fields(ResourceInputFrom(request.ProposedContent)));
        }

        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == request.SubjectId, cancellationToken);
        return Diff(Fields(InputOf(lab)), Fields(LabInputFrom(request.ProposedContent)));
    }

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

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
