using System.Net.Http.Json;
using static SharingPlatform.IntegrationTests.Platform.Outcome;
using static SharingPlatform.IntegrationTests.Platform.Persona;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>What a persona should get from one route.</summary>
public enum Outcome
{
    /// <summary>API: a 2xx. Page: 200, or a redirect that is not to sign-in or access denied.</summary>
    Ok,

    /// <summary>
    /// Gets past authorization: a 2xx, or a 4xx other than 401/403/404 (a rule of the use case or a validation problem,
    /// because an earlier cell already changed the object). Used where the object's state depends on the cells before.
    /// </summary>
    Passes,

    /// <summary>API: 401. Page: a redirect to /Account/Login.</summary>
    SignIn,

    /// <summary>API: 403 or 404. Page: 403, 404, or a redirect to /Account/Login or /Account/AccessDenied.</summary>
    Refused,

    /// <summary>Open to anyone, nothing to authorize (sign-in, registration): any answer below 500.</summary>
    Open,

    /// <summary>
    /// API: 409 or 422 — refused by a rule of the use case rather than by authorization, where the object is public
    /// (so a 404 would hide nothing) and the rule names what is missing (e.g. "join the circle first").
    /// </summary>
    Rule,
}

/// <summary>
/// One route (or one page handler) of the authorization matrix: how to fill its pattern from the world's ids, what to
/// send, and what each persona should get. Lines start from a default (anonymous and suspended callers get
/// <see cref="Outcome.SignIn"/>) and are changed per persona with <see cref="Everyone"/>, <see cref="SignedIn"/> and
/// <see cref="But"/>.
/// </summary>
public sealed class MatrixLine
{
    private static readonly Persona[] NotSignedIn = [Anonymous, Suspended];

    public required string Method { get; init; }

    /// <summary>API: the route pattern without constraints (<c>/api/v1/labs/{id}</c>). Page: the page path (<c>/Labs/Manage</c>).</summary>
    public required string Route { get; init; }

    /// <summary>Page handler name (<c>CheckIn</c>), empty for the plain OnGet/OnPost; null for an API line.</summary>
    public string? Handler { get; init; }

    public required Func<MatrixWorld, string> Path { get; init; }

    public Func<MatrixWorld, Persona, HttpContent?>? Body { get; init; }

    public Func<MatrixWorld, Dictionary<string, string>>? Form { get; init; }

    /// <summary>Page form posted as multipart with a small PNG under this field name.</summary>
    public string? FilePart { get; private set; }

    public MatrixLine WithFile(string field)
    {
        FilePart = field;
        return this;
    }

    /// <summary>Runs after every other line: it cancels, removes or suspends what it points at.</summary>
    public bool Destructive { get; private set; }

    /// <summary>Why a cell says what it says, where that is not obvious.</summary>
    public string? Note { get; private set; }

    public Dictionary<Persona, Outcome> Expected { get; } = Enum.GetValues<Persona>().ToDictionary(p => p, _ => SignIn);

    public bool IsPage => Handler is not null;

    /// <summary>Asked by each persona's browser (cookie), with the page meaning of the outcomes: pages, and the jobs dashboard.</summary>
    public bool InBrowser => IsPage || Browser;

    public bool Browser { get; init; }

    public string Key => IsPage ? $"{Method} {Route}{(Handler!.Length > 0 ? "?handler=" + Handler : "")}" : $"{Method} {Route}";

    /// <summary>Every persona, anonymous and suspended callers included.</summary>
    public MatrixLine Everyone(Outcome outcome)
    {
        foreach (var persona in Enum.GetValues<Persona>())
            Expected[persona] = outcome;
        return this;
    }

    /// <summary>Every signed-in persona; anonymous and suspended callers are sent to sign in.</summary>
    public MatrixLine SignedIn(Outcome outcome)
    {
        foreach (var persona in Enum.GetValues<Persona>().Except(NotSignedIn))
            Expected[persona] = outcome;
        return this;
    }

    public MatrixLine But(Outcome outcome, params Persona[] personas)
    {
        foreach (var persona in personas)
            Expected[persona] = outcome;
        return this;
    }

    /// <summary>
    /// Each signed-in cell signs in anew (a bearer token or a browser of its own) and asks with that session, so a line
    /// that signs its caller out (sign-out, a password change) ends that session only. A line that ends every session of
    /// the caller (sign out everywhere) also ends the persona's shared one: give it <see cref="Destroys"/> and put it at
    /// the very end of its list.
    /// </summary>
    public bool OwnSession { get; private set; }

    public MatrixLine FreshSession()
    {
        OwnSession = true;
        return this;
    }

    public MatrixLine Destroys()
    {
        Destructive = true;
        return this;
    }

    public MatrixLine Because(string note)
    {
        Note = note;
        return this;
    }
}

/// <summary>
/// The authorization matrix: every route (<see cref="RouteLines"/>) and every page handler (<see cref="PageLines"/>),
/// against every persona of <see cref="MatrixWorld"/>. A route or handler with no line here fails
/// <c>AuthorizationMatrixTests</c>, which names it exactly as a line's key reads (<c>POST /api/v1/labs/{id}/submit</c>,
/// <c>POST /Labs/Manage?handler=CheckIn</c>). To add one: copy the nearest line, change the pattern and the path, start
/// from <c>SignedIn(Refused)</c> and name who may with <c>But(...)</c>. A line that cancels, removes or suspends gets
/// <c>Destroys()</c> (it runs after the others) and points at a throwaway object of the world; one that signs its caller
/// out gets <c>FreshSession()</c>; a new object the line needs goes into <see cref="MatrixWorld"/>. Cells hold the
/// secure answer, not necessarily today's.
/// </summary>
public static class AuthorizationMatrix
{
    private static readonly Persona[] OrgMembers = [Owner, Staff, LabManager];
    private static readonly Persona[] LabManagers = [Owner, LabManager];

    private const string AdministratorsActAsOwners = "administrators act as an organization's owners (OrganizationAccess.LoadForOwnerAsync)";

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static Func<MatrixWorld, Persona, HttpContent?> Json(Func<MatrixWorld, Persona, object> body) => (w, p) => JsonContent.Create(body(w, p));

    private static Func<MatrixWorld, Persona, HttpContent?> Json(Func<MatrixWorld, object> body) => (w, _) => JsonContent.Create(body(w));

    private static readonly Func<MatrixWorld, Persona, HttpContent?> Reason = Json(_ => new { reason = "행렬 확인", note = "행렬 확인" });

    private static readonly Func<MatrixWorld, Persona, HttpContent?> Photo = (_, _) => MatrixWorld.Png();

    public static MatrixLine Api(string method, string route, Func<MatrixWorld, string> path, Func<MatrixWorld, Persona, HttpContent?>? body = null) =>
        new() { Method = method, Route = route, Path = path, Body = body ?? (method is "GET" or "DELETE" or "*" ? null : Reason) };

    /// <summary>An administrator route: 401 signed out, 403 for everyone else, and <paramref name="administrator"/> for administrators.</summary>
    public static MatrixLine Admin(string method, string route, Func<MatrixWorld, string> path, Outcome administrator = Passes) =>
        Api(method, route, path).SignedIn(Refused).But(administrator, Administrator);

    public static MatrixLine Page(string method, string route, string handler, Func<MatrixWorld, string> path, Func<MatrixWorld, Dictionary<string, string>>? form = null) =>
        new() { Method = method, Route = route, Handler = handler, Path = path, Form = form };

    public static IReadOnlyList<MatrixLine> RouteLines { get; } =
    [
        // Accounts: open to anyone, nothing to authorize.
        Api("POST", "/api/v1/auth/register", w => "/api/v1/auth/register",
            Json(_ => new { email = Tests.Support.ApiClient.NewEmail("matrix"), password = Tests.Support.ApiClient.Password, displayName = "행렬" })).Everyone(Open),
        Api("POST", "/api/v1/auth/login", w => "/api/v1/auth/login", Json(_ => new { email = Tests.Support.ApiClient.NewEmail("nobody"), password = "wrong-password-here" }))
            .Everyone(Open).Because("an unknown email: a persona's would be throttled for the cells that sign in anew"),
        Api("POST", "/api/v1/auth/refresh", w => "/api/v1/auth/refresh", Json(_ => new { refreshToken = "not-a-token" })).Everyone(Open),
        Api("POST", "/api/v1/auth/confirm-email", w => "/api/v1/auth/confirm-email", Json(w => new { userId = w.Id(Resident), code = "bad" })).Everyone(Open),
        Api("POST", "/api/v1/auth/resend-confirmation", w => "/api/v1/auth/resend-confirmation", Json(_ => new { email = Tests.Support.ApiClient.NewEmail("nobody") })).Everyone(Open),
        Api("POST", "/api/v1/auth/forgot-password", w => "/api/v1/auth/forgot-password", Json(_ => new { email = Tests.Support.ApiClient.NewEmail("nobody") })).Everyone(Open),
        Api("POST", "/api/v1/auth/reset-password", w => "/api/v1/auth/reset-password",
            Json(w => new { email = w.Email(OtherResident), code = "bad", newPassword = "another-horse-battery" })).Everyone(Open),

        // The signed-in person's own things.
        Api("GET", "/api/v1/me", w => "/api/v1/me").SignedIn(Ok),
        Api("PUT", "/api/v1/me", w => "/api/v1/me", Json(_ => new { displayName = "행렬 주민", preferredLanguage = "ko" })).SignedIn(Ok),
        Api("GET", "/api/v1/me/invitations", w => "/api/v1/me/invitations").SignedIn(Ok),
        Api("GET", "/api/v1/me/notification-settings", w => "/api/v1/me/notification-settings").SignedIn(Ok),
        Api("PUT", "/api/v1/me/notification-settings", w => "/api/v1/me/notification-settings", Json(_ => new { emailsOff = Array.Empty<string>() })).SignedIn(Ok),
        Api("POST", "/api/v1/me/calendar-link", w => "/api/v1/me/calendar-link").SignedIn(Ok),
        Api("POST", "/api/v1/me/password", w => "/api/v1/me/password", Json(_ => new { currentPassword = "not-my-password", newPassword = "another-horse-battery" }))
            .SignedIn(Passes).FreshSession().Because("a wrong current password, so nobody's password changes"),
        Api("GET", "/api/v1/me/attendance", w => "/api/v1/me/attendance").SignedIn(Ok),
        Api("GET", "/api/v1/me/qualifications", w => "/api/v1/me/qualifications").SignedIn(Ok),
        Api("GET", "/api/v1/me/favourites", w => "/api/v1/me/favourites").SignedIn(Ok),
        Api("PUT", "/api/v1/me/favourites/{type}/{id}", w => $"/api/v1/me/favourites/circle/{w.Circle}").SignedIn(Ok).Because("anyone may keep a public circle"),

        Api("GET", "/api/v1/notifications", w => "/api/v1/notifications").SignedIn(Ok),
        Api("POST", "/api/v1/notifications/{id}/read", w => $"/api/v1/notifications/{w.ResidentNotification}/read").SignedIn(Refused).But(Ok, Resident),
        Api("POST", "/api/v1/notifications/read-all", w => "/api/v1/notifications/read-all").SignedIn(Ok),

        // Organizations.
        Api("POST", "/api/v1/organizations", w => "/api/v1/organizations", Json(_ => Tests.Support.CatalogClient.OrganizationBody(name: "행렬 신규 조합"))).SignedIn(Ok),
        Api("GET", "/api/v1/organizations/mine", w => "/api/v1/organizations/mine").SignedIn(Ok),
        Api("GET", "/api/v1/organizations/{id}", w => $"/api/v1/organizations/{w.Org}").Everyone(Ok),
        Api("GET", "/api/v1/organizations/{id}/resources", w => $"/api/v1/organizations/{w.Org}/resources")
            .SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator).Because("the organization's own list, drafts included"),
        Api("POST", "/api/v1/organizations/{id}/members", w => $"/api/v1/organizations/{w.Org}/members",
            Json(_ => new { email = Tests.Support.ApiClient.NewEmail("invitee"), role = "staff" })).SignedIn(Refused).But(Ok, Owner, Administrator).Because(AdministratorsActAsOwners),
        Api("GET", "/api/v1/organizations/{id}/invitations", w => $"/api/v1/organizations/{w.Org}/invitations")
            .SignedIn(Refused).But(Ok, Owner, Administrator).Because(AdministratorsActAsOwners),

        // Resources.
        Api("GET", "/api/v1/resources", w => "/api/v1/resources").Everyone(Ok),
        Api("GET", "/api/v1/resources/{id}", w => $"/api/v1/resources/{w.Resource}").Everyone(Ok),
        Api("GET", "/api/v1/resources/{id}/availability", w => $"/api/v1/resources/{w.Resource}/availability?from={Q(w.MoveTo.AddDays(-1))}&to={Q(w.MoveTo)}").Everyone(Ok),
        Api("POST", "/api/v1/resources", w => "/api/v1/resources", Json(w => Tests.Support.CatalogClient.ResourceBody(w.Org, title: "행렬 새 자원")))
            .SignedIn(Refused).But(Ok, OrgMembers),
        Api("PUT", "/api/v1/resources/{id}", w => $"/api/v1/resources/{w.Resource}", Json(w => ResourceUpdate(w)))
            .SignedIn(Refused).But(Passes, OrgMembers).Because("the version changes with the first edit"),
        Api("POST", "/api/v1/resources/{id}/submit", w => $"/api/v1/resources/{w.DraftResource}/submit").SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/resources/{id}/photos", w => $"/api/v1/resources/{w.Resource}/photos", Photo).SignedIn(Refused).But(Ok, OrgMembers),
        Api("PUT", "/api/v1/resources/{id}/photos/order", w => $"/api/v1/resources/{w.Resource}/photos/order", Json(w => new { photoIds = new[] { w.ResourcePhoto } }))
            .SignedIn(Refused).But(Passes, OrgMembers).Because("the list is incomplete once other photos are added"),

        // Bookings of the resource.
        Api("POST", "/api/v1/bookings", w => "/api/v1/bookings",
            Json(w => new { resourceId = w.Resource, startsAt = w.FreeSlot, endsAt = w.FreeSlot.AddHours(1), attendees = 2, purpose = "행렬" })).SignedIn(Passes),
        Api("POST", "/api/v1/bookings/series", w => "/api/v1/bookings/series",
            Json(w => new { resourceId = w.Resource, startsAt = w.FreeSlot.AddHours(2), endsAt = w.FreeSlot.AddHours(3), occurrences = 2, attendees = 2, purpose = "행렬", mode = "weekly" }))
            .SignedIn(Passes),
        Api("GET", "/api/v1/bookings/mine", w => "/api/v1/bookings/mine").SignedIn(Ok),

        // Loans of goods.
        Api("GET", "/api/v1/resources/{id}/loan-availability", w => $"/api/v1/resources/{w.Tents}/loan-availability?from={w.LoanDay}&to={w.LoanDay}").Everyone(Ok),
        Api("POST", "/api/v1/loans", w => "/api/v1/loans",
            Json(w => new { resourceId = w.Tents, units = 1, pickupOn = w.LoanDay, returnOn = w.LoanDay, purpose = "행렬" })).SignedIn(Passes),
        Api("GET", "/api/v1/loans/{id}", w => $"/api/v1/loans/{w.Loan}").SignedIn(Refused).But(Ok, Resident, Owner, Staff, LabManager, Administrator)
            .Because("the borrower, the lending organization's members and administrators"),
        Api("GET", "/api/v1/loans/mine", w => "/api/v1/loans/mine").SignedIn(Ok),
        Api("GET", "/api/v1/loans/incoming", w => "/api/v1/loans/incoming").SignedIn(Ok).Because("each sees the loans of their own organizations"),
        Api("POST", "/api/v1/loans/{id}/approve", w => $"/api/v1/loans/{w.Loan}/approve").SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/loans/{id}/reject", w => $"/api/v1/loans/{w.Loan}/reject", Json(w => new { reason = "행렬" })).SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/loans/{id}/hand-over", w => $"/api/v1/loans/{w.Loan}/hand-over", Json(w => new { conditionNote = "행렬", depositReceived = false }))
            .SignedIn(Refused).But(Passes, OrgMembers).Because("before the pick-up day the desk's answer is 422, past authorization"),
        Api("POST", "/api/v1/loans/{id}/return", w => $"/api/v1/loans/{w.Loan}/return", Json(w => new { units = 1, depositReturned = true }))
            .SignedIn(Refused).But(Passes, OrgMembers).Because("a loan not out answers 409, past authorization"),
        Api("POST", "/api/v1/loans/{id}/lost", w => $"/api/v1/loans/{w.Loan}/lost", Json(w => new { reason = "행렬" }))
            .SignedIn(Refused).But(Passes, OrgMembers).Because("a loan not overdue answers 409, past authorization"),
        Api("GET", "/api/v1/resources/{id}/unit-outages", w => $"/api/v1/resources/{w.Tents}/unit-outages").SignedIn(Refused).But(Ok, OrgMembers),
        Api("POST", "/api/v1/resources/{id}/unit-outages", w => $"/api/v1/resources/{w.Tents}/unit-outages",
            Json(w => new { units = 1, firstDay = w.LoanDay, lastDay = w.LoanDay, reason = "행렬" })).SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/resources/{id}/unit-outages/{outageId}/end", w => $"/api/v1/resources/{w.Tents}/unit-outages/{w.Outage}/end")
            .SignedIn(Refused).But(Passes, OrgMembers).Because("the second member to end it gets 409, past authorization"),
        Api("GET", "/api/v1/bookings/incoming", w => "/api/v1/bookings/incoming").SignedIn(Ok).Because("each sees the incoming bookings of their own organizations"),
        Api("GET", "/api/v1/bookings/{id}", w => $"/api/v1/bookings/{w.ConfirmedBooking}").SignedIn(Refused).But(Ok, Resident, Owner, Staff, LabManager, Administrator),
        Api("POST", "/api/v1/bookings/{id}/check-in", w => $"/api/v1/bookings/{w.ConfirmedBooking}/check-in").SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/bookings/{id}/move", w => $"/api/v1/bookings/{w.ConfirmedBooking}/move", Json(w => new { startsAt = w.MoveTo, endsAt = w.MoveTo.AddHours(1) }))
            .SignedIn(Refused).But(Passes, Resident),
        Api("POST", "/api/v1/bookings/{id}/approve", w => $"/api/v1/bookings/{w.PendingBooking}/approve").SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/bookings/{id}/approve-rest-of-series", w => $"/api/v1/bookings/{w.PendingBooking}/approve-rest-of-series").SignedIn(Refused).But(Passes, OrgMembers),
        Api("POST", "/api/v1/bookings/{id}/reject", w => $"/api/v1/bookings/{w.PendingBooking}/reject").SignedIn(Refused).But(Passes, OrgMembers),

        // Labs.
        Api("GET", "/api/v1/labs", w => "/api/v1/labs").Everyone(Ok),
        Api("GET", "/api/v1/labs/mine", w => "/api/v1/labs/mine").SignedIn(Ok),
        Api("GET", "/api/v1/labs/{id}", w => $"/api/v1/labs/{w.Lab}").Everyone(Ok),
        Api("GET", "/api/v1/labs/{id}/slots", w => $"/api/v1/labs/{w.Lab}/slots?from={Q(w.LabSlot)}&to={Q(w.LabSlot.AddDays(1))}").Everyone(Ok),
        Api("POST", "/api/v1/labs", w => "/api/v1/labs", Json(w => Labs.LabClient.LabBody(w.Org, name: "행렬 새 실험실"))).SignedIn(Refused).But(Ok, OrgMembers),
        Api("PUT", "/api/v1/labs/{id}", w => $"/api/v1/labs/{w.Lab}", Json(w => LabUpdate(w)))
            .SignedIn(Refused).But(Passes, LabManagers).Because("the version changes with the first edit"),
        Api("POST", "/api/v1/labs/{id}/submit", w => $"/api/v1/labs/{w.SpareLab}/submit").SignedIn(Refused).But(Passes, Owner)
            .Because("the spare lab names no managers: its organization's owner manages it"),
        Api("PUT", "/api/v1/labs/{id}/managers", w => $"/api/v1/labs/{w.Lab}/managers", Json(w => new { emails = new[] { w.Email(Owner), w.Email(LabManager) } }))
            .SignedIn(Refused).But(Passes, Owner)
            .Destroys().Because("naming managers is the owner's: a named manager should not add or drop managers (LabAccess lists equipment, " +
                "qualifications, check-in, usage); last, as it drops the ex-member's stale entry"),
        Api("PUT", "/api/v1/labs/{id}/booking-limits", w => $"/api/v1/labs/{w.Lab}/booking-limits",
            Json(_ => new { horizonDays = 60, minNoticeMinutes = 60, maxActiveSessionsPerPerson = 4 })).SignedIn(Refused).But(Ok, LabManagers),
        Api("POST", "/api/v1/labs/{id}/photos", w => $"/api/v1/labs/{w.Lab}/photos", Photo).SignedIn(Refused).But(Ok, LabManagers),
        Api("POST", "/api/v1/labs/{id}/equipment", w => $"/api/v1/labs/{w.Lab}/equipment",
            Json(_ => new { name = "행렬 드릴", model = "X-1", description = "", requiresQualification = false, qualificationName = (string?)null }))
            .SignedIn(Refused).But(Ok, LabManagers),
        Api("PUT", "/api/v1/labs/{id}/equipment/{equipmentId}", w => $"/api/v1/labs/{w.Lab}/equipment/{w.Equipment}",
            Json(_ => new { name = "레이저 커터", model = "X-2", description = "", requiresQualification = true, qualificationName = "레이저 커터 안전교육" }))
            .SignedIn(Refused).But(Passes, LabManagers),
        Api("POST", "/api/v1/labs/{id}/equipment/{equipmentId}/photo", w => $"/api/v1/labs/{w.Lab}/equipment/{w.Equipment}/photo", Photo)
            .SignedIn(Refused).But(Ok, LabManagers),
        Api("GET", "/api/v1/labs/{id}/qualifications", w => $"/api/v1/labs/{w.Lab}/qualifications").SignedIn(Refused).But(Ok, LabManagers),
        Api("POST", "/api/v1/labs/{id}/qualifications", w => $"/api/v1/labs/{w.Lab}/qualifications",
            Json(w => new { userEmail = w.Email(OtherResident), equipmentId = w.Equipment, validUntil = w.App.Clock.GetUtcNow().AddDays(100).ToString("yyyy-MM-dd") }))
            .SignedIn(Refused).But(Ok, LabManagers),
        Api("GET", "/api/v1/labs/{id}/sessions", w => $"/api/v1/labs/{w.Lab}/sessions").SignedIn(Refused).But(Ok, LabManagers),
        Api("GET", "/api/v1/labs/{id}/usage", w => $"/api/v1/labs/{w.Lab}/usage?from=2026-01-01&to=2026-12-31").SignedIn(Refused).But(Ok, Owner, LabManager, Administrator),

        Api("POST", "/api/v1/lab-bookings", w => "/api/v1/lab-bookings", Json(w => new { labId = w.Lab, slotStartsAt = w.LabSlot, equipmentIds = Array.Empty<Guid>() }))
            .SignedIn(Passes),
        Api("GET", "/api/v1/lab-bookings/mine", w => "/api/v1/lab-bookings/mine").SignedIn(Ok),
        Api("GET", "/api/v1/lab-bookings/{id}", w => $"/api/v1/lab-bookings/{w.LabSession}").SignedIn(Refused).But(Ok, Resident, Owner, Staff, LabManager, Administrator)
            .Because("the booker, the organization's members and administrators, as for resource bookings"),
        Api("POST", "/api/v1/lab-bookings/{id}/check-in", w => $"/api/v1/lab-bookings/{w.LabSession}/check-in").SignedIn(Refused).But(Passes, LabManagers),
        Api("POST", "/api/v1/lab-bookings/{id}/usage", w => $"/api/v1/lab-bookings/{w.LabSession}/usage",
            Json(w => new { usage = new[] { new { equipmentId = w.Equipment, minutes = 30 } } })).SignedIn(Refused).But(Passes, LabManagers),

        // Circles and meetings.
        Api("GET", "/api/v1/proposals", w => "/api/v1/proposals").Everyone(Ok),
        Api("POST", "/api/v1/proposals", w => "/api/v1/proposals", Json(_ => new { title = "행렬 새 제안", category = "goods", municipality = "iksan" })).SignedIn(Ok),
        Api("GET", "/api/v1/proposals/{id}", w => $"/api/v1/proposals/{w.Proposal}").Everyone(Ok),
        Api("POST", "/api/v1/proposals/{id}/support", w => $"/api/v1/proposals/{w.Proposal}/support").SignedIn(Ok),
        Api("DELETE", "/api/v1/proposals/{id}/support", w => $"/api/v1/proposals/{w.Proposal}/support").SignedIn(Ok),
        Api("POST", "/api/v1/reviews", w => "/api/v1/reviews", Json(_ => new { subjectType = "booking", subjectId = Guid.NewGuid(), rating = 5, text = "행렬" }))
            .SignedIn(Refused).Because("only a booking, session, meeting or loan of one's own can be reviewed"),
        Api("GET", "/api/v1/resources/{id}/reviews", w => $"/api/v1/resources/{w.Resource}/reviews").Everyone(Ok),
        Api("GET", "/api/v1/labs/{id}/reviews", w => $"/api/v1/labs/{w.Lab}/reviews").Everyone(Ok),
        Api("GET", "/api/v1/circles/{id}/reviews", w => $"/api/v1/circles/{w.Circle}/reviews").Everyone(Ok),
        Api("GET", "/api/v1/stories", w => "/api/v1/stories").Everyone(Ok),
        Api("GET", "/api/v1/stories/{id}", w => $"/api/v1/stories/{w.Story}").Everyone(Refused).But(Ok, Owner, Staff, LabManager, Administrator)
            .Because("waiting for review: only its organization and administrators see it"),
        Api("POST", "/api/v1/stories", w => "/api/v1/stories", Json(w => new { title = "행렬 새 이야기", bodyMarkdown = "본문", organizationId = w.Org }))
            .SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator),
        Api("PUT", "/api/v1/stories/{id}/cover", w => $"/api/v1/stories/{w.Story}/cover", Photo).SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator),
        Api("DELETE", "/api/v1/stories/{id}/cover", w => $"/api/v1/stories/{w.Story}/cover").SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator),
        Api("GET", "/api/v1/circles", w => "/api/v1/circles").Everyone(Ok),
        Api("POST", "/api/v1/circles", w => "/api/v1/circles", Json(_ => Circles.CircleClient.CircleBody(title: "행렬 새 모임"))).SignedIn(Ok),
        Api("GET", "/api/v1/circles/mine", w => "/api/v1/circles/mine").SignedIn(Ok),
        Api("GET", "/api/v1/circles/{id}", w => $"/api/v1/circles/{w.Circle}").Everyone(Ok),
        Api("PUT", "/api/v1/circles/{id}", w => $"/api/v1/circles/{w.Circle}", Json(_ => Circles.CircleClient.CircleBody(title: "행렬 스터디")))
            .SignedIn(Refused).But(Passes, CircleHost),
        Api("GET", "/api/v1/circles/{id}/members", w => $"/api/v1/circles/{w.Circle}/members").SignedIn(Refused).But(Ok, CircleHost),
        Api("POST", "/api/v1/circles/{id}/members/{userId}/approve", w => $"/api/v1/circles/{w.Circle}/members/{w.Id(CircleMember)}/approve")
            .SignedIn(Refused).But(Passes, CircleHost),
        Api("POST", "/api/v1/circles/{id}/members/{userId}/decline", w => $"/api/v1/circles/{w.Circle}/members/{w.Id(CircleMember)}/decline")
            .SignedIn(Refused).But(Passes, CircleHost).Because("the member is already in, so the host's decline is refused as a rule"),
        Api("GET", "/api/v1/circles/{id}/meetings", w => $"/api/v1/circles/{w.Circle}/meetings").Everyone(Ok),
        Api("POST", "/api/v1/circles/{id}/meetings", w => $"/api/v1/circles/{w.Circle}/meetings",
            Json(w => new { title = "행렬 모임", agenda = "", startsAt = w.MoveTo.AddHours(8), endsAt = w.MoveTo.AddHours(10), place = "센터", capacity = 10 }))
            .SignedIn(Refused).But(Ok, CircleHost),
        Api("GET", "/api/v1/meetings", w => "/api/v1/meetings").Everyone(Ok),
        Api("GET", "/api/v1/meetings/{id}", w => $"/api/v1/meetings/{w.Meeting}").Everyone(Ok),
        Api("POST", "/api/v1/meetings/{id}/rsvp", w => $"/api/v1/meetings/{w.Meeting}/rsvp").SignedIn(Rule).But(Passes, CircleHost, CircleMember)
            .Because("the meeting is public; a non-member is told to join the circle first (422)"),
        Api("POST", "/api/v1/meetings/{id}/move", w => $"/api/v1/meetings/{w.Meeting}/move",
            Json(w => new { startsAt = w.MoveTo.AddHours(9), endsAt = w.MoveTo.AddHours(11), place = "센터" })).SignedIn(Refused).But(Passes, CircleHost),
        Api("PUT", "/api/v1/meetings/{id}/capacity", w => $"/api/v1/meetings/{w.Meeting}/capacity", Json(_ => new { capacity = 25 })).SignedIn(Refused).But(Passes, CircleHost),
        Api("PUT", "/api/v1/meetings/{id}/attendance", w => $"/api/v1/meetings/{w.Meeting}/attendance", Json(w => new { attendedUserIds = new[] { w.Id(CircleMember) } }))
            .SignedIn(Refused).But(Passes, CircleHost).Because("the meeting has not happened yet: a rule refuses the host"),

        // Reports, statistics, open data.
        Api("POST", "/api/v1/reports", w => "/api/v1/reports", Json(w => new { subjectType = "circle", subjectId = w.Circle, reason = "spam", details = "행렬" })).SignedIn(Passes),
        Api("GET", "/api/v1/statistics/summary", w => "/api/v1/statistics/summary").Everyone(Ok),
        Api("GET", "/api/v1/open-data/resources", w => "/api/v1/open-data/resources").Everyone(Ok),

        // Administration: the group refuses everyone else before the handler.
        Admin("GET", "/api/v1/admin/queue", w => "/api/v1/admin/queue", Ok),
        Admin("GET", "/api/v1/admin/audit", w => "/api/v1/admin/audit", Ok),
        Admin("GET", "/api/v1/admin/users/paused", w => "/api/v1/admin/users/paused", Ok),
        Admin("GET", "/api/v1/admin/users", w => "/api/v1/admin/users", Ok),
        Admin("GET", "/api/v1/admin/users/{id}", w => $"/api/v1/admin/users/{w.Id(Resident)}", Ok),
        Admin("GET", "/api/v1/admin/statistics", w => "/api/v1/admin/statistics", Ok),
        Admin("GET", "/api/v1/admin/reports", w => "/api/v1/admin/reports", Ok),
        Admin("GET", "/api/v1/admin/change-requests/{id}", w => $"/api/v1/admin/change-requests/{w.ChangeRequest}", Ok),
        Admin("GET", "/api/v1/admin/reports/subjects/{subjectType}/{subjectId}", w => $"/api/v1/admin/reports/subjects/resource/{w.Resource}", Ok),
        new MatrixLine { Method = "*", Route = "/admin/jobs/{path}", Path = _ => "/admin/jobs", Browser = true }.SignedIn(Refused).But(Ok, Administrator)
            .Because("the jobs dashboard, in the browser: sign-in for the signed out, 404 for everyone but administrators"),

        // Outside /api/v1: health, the API's own documents, what search engines read, photos, the calendar feed.
        Api("*", "/health/live", w => "/health/live").Everyone(Ok),
        Api("*", "/health/ready", w => "/health/ready").Everyone(Ok),
        Api("GET", "/openapi/{documentName}.json", w => "/openapi/v1.json").Everyone(Ok),
        Api("GET", "/api/docs", w => "/api/docs").Everyone(Ok),
        Api("GET", "/api/docs/start.js", w => "/api/docs/start.js").Everyone(Ok),
        Api("GET", "/api/docs/scalar/{documentName}", w => "/api/docs/scalar/v1").Everyone(Ok),
        Api("GET", "/api/docs/scalar/favicon.svg", w => "/api/docs/scalar/favicon.svg").Everyone(Ok),
        Api("GET", "/api/docs/scalar/scalar.aspnetcore.js", w => "/api/docs/scalar/scalar.aspnetcore.js").Everyone(Ok),
        Api("GET", "/api/docs/scalar/scalar.js", w => "/api/docs/scalar/scalar.js").Everyone(Ok),
        Api("GET", "/robots.txt", w => "/robots.txt").Everyone(Ok),
        Api("GET", "/sitemap.xml", w => "/sitemap.xml").Everyone(Ok),
        Api("GET", "/stories.atom", w => "/stories.atom").Everyone(Ok),
        Api("GET", "/media/{name}", w => w.ResourcePhotoUrl).Everyone(Ok).Because("a published resource's photo"),
        Api("GET", "/calendar/{token}.ics", w => $"/calendar/{Guid.NewGuid():N}.ics").Everyone(Refused)
            .Because("a capability link: a wrong token opens nobody's calendar, whoever asks (the calendar tests check the right one)"),
        Admin("POST", "/api/v1/admin/organizations/{id}/verify", w => $"/api/v1/admin/organizations/{w.Org}/verify"),
        Admin("POST", "/api/v1/admin/organizations/{id}/reject", w => $"/api/v1/admin/organizations/{w.Org}/reject"),
        Admin("POST", "/api/v1/admin/resources/{id}/approve", w => $"/api/v1/admin/resources/{w.DraftResource}/approve"),
        Admin("POST", "/api/v1/admin/resources/{id}/reject", w => $"/api/v1/admin/resources/{w.DraftResource}/reject"),
        Admin("POST", "/api/v1/admin/labs/{id}/approve", w => $"/api/v1/admin/labs/{w.SpareLab}/approve"),
        Admin("POST", "/api/v1/admin/labs/{id}/reject", w => $"/api/v1/admin/labs/{w.SpareLab}/reject"),
        Admin("POST", "/api/v1/admin/users/{id}/lift-pause", w => $"/api/v1/admin/users/{w.SpareUser}/lift-pause"),
        Admin("POST", "/api/v1/admin/reports/{id}/resolve", w => $"/api/v1/admin/reports/{w.Report}/resolve"),
        Admin("POST", "/api/v1/admin/reports/{id}/dismiss", w => $"/api/v1/admin/reports/{w.Report}/dismiss"),

        // What changes the world for the lines after it: last, on throwaway objects where possible.
        Api("POST", "/api/v1/bookings/{id}/cancel", w => $"/api/v1/bookings/{w.CancellableBooking}/cancel")
            .SignedIn(Refused).But(Passes, Resident, Owner, Staff, LabManager).Destroys(),
        Api("POST", "/api/v1/bookings/{id}/cancel-rest-of-series", w => $"/api/v1/bookings/{w.CancellableBooking}/cancel-rest-of-series")
            .SignedIn(Refused).But(Passes, Resident, Owner, Staff, LabManager).Destroys(),
        Api("POST", "/api/v1/loans/{id}/cancel", w => $"/api/v1/loans/{w.CancellableLoan}/cancel", Json(w => new { reason = "행렬" }))
            .SignedIn(Refused).But(Passes, Resident, Owner, Staff, LabManager).Destroys(),
        Api("POST", "/api/v1/lab-bookings/{id}/cancel", w => $"/api/v1/lab-bookings/{w.CancellableLabSession}/cancel")
            .SignedIn(Refused).But(Passes, Resident, Owner, LabManager).Destroys(),
        Api("POST", "/api/v1/labs/{id}/equipment/{equipmentId}/out-of-service", w => $"/api/v1/labs/{w.Lab}/equipment/{w.Equipment}/out-of-service",
            Json(w => new { from = w.MoveTo.AddDays(20), until = w.MoveTo.AddDays(21), reason = "점검" })).SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Api("POST", "/api/v1/labs/{id}/equipment/{equipmentId}/return-to-service", w => $"/api/v1/labs/{w.Lab}/equipment/{w.Equipment}/return-to-service")
            .SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Api("POST", "/api/v1/labs/{id}/qualifications/{qualificationId}/revoke", w => $"/api/v1/labs/{w.Lab}/qualifications/{w.Qualification}/revoke")
            .SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Api("DELETE", "/api/v1/labs/{id}/photos/{photoId}", w => $"/api/v1/labs/{w.Lab}/photos/{w.LabPhoto}").SignedIn(Refused).But(Passes, LabManagers).Destroys()
            .Because("the photo is gone after the first allowed cell: 404 then"),
        Api("DELETE", "/api/v1/resources/{id}/photos/{photoId}", w => $"/api/v1/resources/{w.Resource}/photos/{w.ResourcePhoto}")
            .SignedIn(Refused).But(Passes, OrgMembers).Destroys(),
        Api("POST", "/api/v1/resources/{id}/archive", w => $"/api/v1/resources/{w.SpareResource}/archive").SignedIn(Refused).But(Passes, OrgMembers).Destroys(),
        Api("DELETE", "/api/v1/meetings/{id}/rsvp", w => $"/api/v1/meetings/{w.Meeting}/rsvp").SignedIn(Rule).But(Passes, CircleHost, CircleMember).Destroys()
            .Because("cancels the caller's own answer: who has none is told so (409)"),
        Api("POST", "/api/v1/meetings/{id}/cancel", w => $"/api/v1/meetings/{w.CancellableMeeting}/cancel").SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Api("POST", "/api/v1/circles/{id}/members/{userId}/remove", w => $"/api/v1/circles/{w.Circle}/members/{w.SpareCircleMember}/remove")
            .SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Api("POST", "/api/v1/circles/{id}/members/{userId}/allow-back", w => $"/api/v1/circles/{w.Circle}/members/{w.SpareCircleMember}/allow-back")
            .SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Api("POST", "/api/v1/circles/{id}/members/{userId}/co-host", w => $"/api/v1/circles/{w.Circle}/members/{w.Id(CircleMember)}/co-host")
            .SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Api("DELETE", "/api/v1/circles/{id}/members/{userId}/co-host", w => $"/api/v1/circles/{w.Circle}/members/{w.Id(CircleMember)}/co-host")
            .SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Api("POST", "/api/v1/circles/{id}/join", w => $"/api/v1/circles/{w.Circle}/join").SignedIn(Passes).Destroys()
            .Because("anyone may join an open circle; after this line every persona is one of its members"),
        Api("POST", "/api/v1/circles/{id}/leave", w => $"/api/v1/circles/{w.Circle}/leave").SignedIn(Passes).Destroys(),
        Api("DELETE", "/api/v1/organizations/{id}/invitations/{invitationId}", w => $"/api/v1/organizations/{w.Org}/invitations/{w.PendingOrgInvitation}")
            .SignedIn(Refused).But(Passes, Owner, Administrator).Destroys().Because(AdministratorsActAsOwners),
        Api("DELETE", "/api/v1/organizations/{id}/members/{userId}", w => $"/api/v1/organizations/{w.Org}/members/{w.SpareOrgMember}")
            .SignedIn(Refused).But(Passes, Owner, Administrator).Destroys().Because("removing someone else is the owner's (or an administrator's); leaving is one's own"),
        Api("POST", "/api/v1/invitations/{id}/accept", w => $"/api/v1/invitations/{w.InvitationToResident}/accept").SignedIn(Refused).But(Ok, Resident).Destroys(),
        Api("POST", "/api/v1/invitations/{id}/decline", w => $"/api/v1/invitations/{w.InvitationToCircleMember}/decline").SignedIn(Refused).But(Ok, CircleMember).Destroys(),
        Admin("POST", "/api/v1/admin/resources/{id}/suspend", w => $"/api/v1/admin/resources/{w.SpareResource}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/resources/{id}/restore", w => $"/api/v1/admin/resources/{w.SpareResource}/restore").Destroys(),
        Admin("POST", "/api/v1/admin/labs/{id}/suspend", w => $"/api/v1/admin/labs/{w.SpareLab}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/labs/{id}/restore", w => $"/api/v1/admin/labs/{w.SpareLab}/restore").Destroys(),
        Admin("POST", "/api/v1/admin/circles/{id}/suspend", w => $"/api/v1/admin/circles/{w.Circle}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/circles/{id}/restore", w => $"/api/v1/admin/circles/{w.Circle}/restore").Destroys(),
        Admin("POST", "/api/v1/admin/users/{id}/suspend", w => $"/api/v1/admin/users/{w.SpareUser}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/users/{id}/restore", w => $"/api/v1/admin/users/{w.SpareUser}/restore").Destroys(),
        Admin("POST", "/api/v1/admin/organizations/{id}/suspend", w => $"/api/v1/admin/organizations/{w.OtherOrg}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/organizations/{id}/restore", w => $"/api/v1/admin/organizations/{w.OtherOrg}/restore").Destroys(),

        Admin("POST", "/api/v1/admin/change-requests/{id}/approve", w => $"/api/v1/admin/change-requests/{w.ChangeRequest}/approve").Destroys(),
        Admin("POST", "/api/v1/admin/change-requests/{id}/reject", w => $"/api/v1/admin/change-requests/{w.ChangeRequest}/reject").Destroys()
            .Because("after the approval: decided once, so the administrator gets a rule's answer"),
        Api("DELETE", "/api/v1/me/favourites/{type}/{id}", w => $"/api/v1/me/favourites/circle/{w.Circle}").SignedIn(Ok).Destroys()
            .Because("takes out what the PUT line saved: each persona's own favourite"),
        Api("POST", "/api/v1/proposals/{id}/take-up", w => $"/api/v1/proposals/{w.Proposal}/take-up", Json(w => new { resourceId = w.Resource }))
            .SignedIn(Rule).But(Passes, Owner, Staff, LabManager).Destroys().Because("the proposal is public; only a listing of one's own organization may be linked"),
        Admin("POST", "/api/v1/admin/proposals/{id}/accept", w => $"/api/v1/admin/proposals/{w.Proposal}/accept").Destroys()
            .Because("after the take-up: settled once, so the administrator gets a rule's answer"),
        Admin("POST", "/api/v1/admin/proposals/{id}/decline", w => $"/api/v1/admin/proposals/{w.Proposal}/decline").Destroys(),
        Admin("POST", "/api/v1/admin/proposals/{id}/suspend", w => $"/api/v1/admin/proposals/{w.Proposal}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/proposals/{id}/restore", w => $"/api/v1/admin/proposals/{w.Proposal}/restore").Destroys(),
        Admin("POST", "/api/v1/admin/reviews/{id}/suspend", w => $"/api/v1/admin/reviews/{w.Review}/suspend").Destroys(),
        Api("PUT", "/api/v1/stories/{id}", w => $"/api/v1/stories/{w.Story}", Json(_ => new { title = "행렬 고친 이야기", bodyMarkdown = "고친 본문" }))
            .SignedIn(Refused).But(Passes, Owner, Staff, LabManager, Administrator).Destroys().Because("an administrator's edit publishes the story"),
        Admin("POST", "/api/v1/admin/stories/{id}/approve", w => $"/api/v1/admin/stories/{w.Story}/approve").Destroys(),
        Admin("POST", "/api/v1/admin/stories/{id}/reject", w => $"/api/v1/admin/stories/{w.Story}/reject").Destroys(),
        Admin("POST", "/api/v1/admin/stories/{id}/suspend", w => $"/api/v1/admin/stories/{w.Story}/suspend").Destroys(),
        Admin("POST", "/api/v1/admin/stories/{id}/restore", w => $"/api/v1/admin/stories/{w.Story}/restore").Destroys(),
        Admin("POST", "/api/v1/admin/reviews/{id}/restore", w => $"/api/v1/admin/reviews/{w.Review}/restore").Destroys(),
        Api("POST", "/api/v1/reviews/{id}/reply", w => $"/api/v1/reviews/{w.Review}/reply", Json(_ => new { text = "행렬 답글" }))
            .SignedIn(Refused).But(Passes, Owner, Staff, LabManager).Destroys().Because("the resource's organization replies, once"),

        // Lines that end the caller's session go last, each cell with a session of its own; sign-out-everywhere after
        // every other line, as it also ends the persona's shared session.
        Api("POST", "/api/v1/me/sign-out", w => "/api/v1/me/sign-out").SignedIn(Ok).FreshSession().Destroys(),
        Api("POST", "/api/v1/me/sign-out-everywhere", w => "/api/v1/me/sign-out-everywhere").SignedIn(Ok).FreshSession().Destroys(),
    ];

    private static MatrixLine Get(string page, Func<MatrixWorld, string> path) => Page("GET", page, "", path);

    private static MatrixLine Post(string page, string handler, Func<MatrixWorld, string> path, Func<MatrixWorld, Dictionary<string, string>>? form = null) =>
        Page("POST", page, handler, path, form);

    private static Func<MatrixWorld, Dictionary<string, string>> Fields(params (string Name, Func<MatrixWorld, object> Value)[] fields) =>
        w => fields.ToDictionary(f => f.Name, f => Convert.ToString(f.Value(w), System.Globalization.CultureInfo.InvariantCulture)!);

    private static readonly Func<MatrixWorld, Dictionary<string, string>> WithReason = Fields(("Reason", _ => "행렬 확인"));

    /// <summary>
    /// Every page handler, for browsers signed in with a cookie. Refused: 403, 404, a redirect to sign-in or access
    /// denied, or the page again with its error summary (how the site answers a refused action); Ok: a redirect
    /// elsewhere or a page without an error summary; Passes: anything but a refusal. Where a line posts an empty form
    /// ("an empty form"), the page refuses it as incomplete before it asks who is posting, so those refused cells only
    /// show that nothing happens.
    /// </summary>
    public static IReadOnlyList<MatrixLine> PageLines { get; } =
    [
        // Public pages and the account pages anyone uses.
        Get("/Index", w => "/").Everyone(Ok),
        Get("/OpenData", w => "/OpenData").Everyone(Ok),
        Get("/Error", w => "/Error").Everyone(Ok),
        Post("/Error", "", w => "/Error").Everyone(Open),
        Get("/Culture", w => "/Culture").Everyone(Ok),
        Post("/Culture", "", w => "/Culture", Fields(("culture", _ => "ko"), ("returnUrl", _ => "/"))).Everyone(Open),
        Get("/Programme/Index", w => "/Programme").Everyone(Ok),
        Get("/Account/Login", w => "/Account/Login").Everyone(Ok),
        Post("/Account/Login", "", w => "/Account/Login", Fields(("Input.Email", _ => Tests.Support.ApiClient.NewEmail("nobody")), ("Input.Password", _ => "wrong-password-here")))
            .Everyone(Open).Because("an unknown email: a persona's would be throttled for the cells that sign in anew"),
        Get("/Account/Register", w => "/Account/Register").Everyone(Ok),
        Post("/Account/Register", "", w => "/Account/Register").Everyone(Open),
        Get("/Account/RegisterConfirmation", w => "/Account/RegisterConfirmation").Everyone(Ok),
        Get("/Account/AccessDenied", w => "/Account/AccessDenied").Everyone(Ok),
        Get("/Account/ForgotPassword", w => "/Account/ForgotPassword").Everyone(Ok),
        Page("GET", "/Account/ForgotPassword", "Sent", w => "/Account/ForgotPassword").Everyone(Ok),
        Post("/Account/ForgotPassword", "", w => "/Account/ForgotPassword").Everyone(Open),
        Get("/Account/ResendConfirmation", w => "/Account/ResendConfirmation").Everyone(Ok),
        Page("GET", "/Account/ResendConfirmation", "Sent", w => "/Account/ResendConfirmation").Everyone(Ok),
        Post("/Account/ResendConfirmation", "", w => "/Account/ResendConfirmation").Everyone(Open),
        Get("/Account/ConfirmEmail", w => "/Account/ConfirmEmail").Everyone(Open),
        Page("GET", "/Account/ConfirmEmail", "Done", w => "/Account/ConfirmEmail").Everyone(Ok),
        Post("/Account/ConfirmEmail", "", w => "/Account/ConfirmEmail").Everyone(Open),
        Get("/Account/ResetPassword", w => "/Account/ResetPassword").Everyone(Open),
        Page("GET", "/Account/ResetPassword", "Done", w => "/Account/ResetPassword").Everyone(Ok),
        Post("/Account/ResetPassword", "", w => "/Account/ResetPassword").Everyone(Open),
        Get("/Account/Logout", w => "/Account/Logout").Everyone(Ok),

        // The signed-in person's own pages.
        Get("/Account/Manage", w => "/Account/Manage").SignedIn(Ok),
        Post("/Account/Manage", "Profile", w => "/Account/Manage").SignedIn(Passes).Because("an empty form: answered by the form again"),
        Post("/Account/Manage", "Password", w => "/Account/Manage").SignedIn(Passes).FreshSession().Because("an empty form: nobody's password changes"),
        Post("/Account/Manage", "Calendar", w => "/Account/Manage").SignedIn(Ok),
        Get("/Account/Notifications", w => "/Account/Notifications").SignedIn(Ok),
        Post("/Account/Notifications", "", w => "/Account/Notifications").SignedIn(Ok),
        Get("/Notifications/Index", w => "/Notifications").SignedIn(Ok),
        Post("/Notifications/Index", "Read", w => "/Notifications", Fields(("id", w => w.ResidentNotification))).SignedIn(Refused).But(Ok, Resident),
        Post("/Notifications/Index", "Open", w => "/Notifications", Fields(("id", w => w.ResidentNotification))).SignedIn(Refused).But(Ok, Resident),
        Post("/Notifications/Index", "ReadAll", w => "/Notifications").SignedIn(Ok),
        Get("/Favourites/Index", w => "/Favourites").SignedIn(Ok),
        Post("/Favourites/Index", "Save", w => "/Favourites", Fields(("Type", _ => "Resource"), ("Id", w => w.Resource))).SignedIn(Ok),
        Post("/Favourites/Index", "Remove", w => "/Favourites", Fields(("Type", _ => "Resource"), ("Id", w => w.Resource))).SignedIn(Ok).Destroys()
            .Because("after the Save line: takes out each persona's own favourite"),
        Get("/Invitations/Index", w => "/Invitations").SignedIn(Ok),
        Get("/Organizations/Index", w => "/Organizations").SignedIn(Ok),
        Get("/Organizations/Register", w => "/Organizations/Register").SignedIn(Ok),
        Post("/Organizations/Register", "", w => "/Organizations/Register").SignedIn(Passes).Because("an empty form"),
        Get("/Reports/New", w => $"/Reports/New?subjectType=resource&subjectId={w.Resource}").SignedIn(Ok),
        Post("/Reports/New", "", w => $"/Reports/New?subjectType=circle&subjectId={w.Circle}", Fields(("Reason", _ => "spam"), ("Details", _ => "행렬"))).SignedIn(Passes),

        // Organizations.
        Get("/Organizations/Details", w => $"/Organizations/Details/{w.Org}").Everyone(Ok),
        Post("/Organizations/Details", "Invite", w => $"/Organizations/Details/{w.Org}",
                Fields(("NewMember.Email", _ => Tests.Support.ApiClient.NewEmail("invitee")), ("NewMember.Role", _ => "Staff")))
            .SignedIn(Refused).But(Ok, Owner, Administrator).Because(AdministratorsActAsOwners),

        // Resources and their bookings.
        Get("/Resources/Index", w => "/Resources").Everyone(Ok),
        Get("/Resources/Details", w => $"/Resources/Details/{w.Resource}").Everyone(Ok),
        Get("/Resources/Edit", w => $"/Resources/Edit?id={w.Resource}").SignedIn(Refused).But(Ok, OrgMembers),
        Post("/Resources/Edit", "", w => $"/Resources/Edit?id={w.Resource}").SignedIn(Refused).But(Passes, OrgMembers).Because("an empty form"),
        Post("/Resources/Details", "Submit", w => $"/Resources/Details/{w.DraftResource}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Resources/Details", "Photo", w => $"/Resources/Details/{w.Resource}").WithFile("Photo").SignedIn(Refused).But(Ok, OrgMembers),
        Post("/Resources/Details", "PhotoFirst", w => $"/Resources/Details/{w.Resource}", Fields(("photoId", w => w.ResourcePhoto)))
            .SignedIn(Refused).But(Passes, OrgMembers),
        Get("/Bookings/New", w => $"/Bookings/New?resourceId={w.Resource}&start={Q(w.FreeSlot.ToUniversalTime())}").SignedIn(Ok),
        Post("/Bookings/New", "", w => $"/Bookings/New?resourceId={w.Resource}&start={Q(w.FreeSlot.ToUniversalTime())}").SignedIn(Passes).Because("an empty form"),
        Get("/Bookings/Mine", w => "/Bookings/Mine").SignedIn(Ok),
        Get("/Bookings/Incoming", w => "/Bookings/Incoming").SignedIn(Ok),
        Post("/Bookings/Incoming", "Approve", w => "/Bookings/Incoming", Fields(("id", w => w.PendingBooking))).SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Bookings/Incoming", "Reject", w => "/Bookings/Incoming", Fields(("id", w => w.PendingBooking))).SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Bookings/Incoming", "CheckIn", w => "/Bookings/Incoming", Fields(("id", w => w.ConfirmedBooking))).SignedIn(Refused).But(Passes, OrgMembers),
        Get("/Loans/Mine", w => "/Loans/Mine").SignedIn(Ok),
        Get("/Loans/Desk", w => "/Loans/Desk").SignedIn(Ok).Because("each sees the loans of their own organizations"),
        Get("/Loans/Details", w => $"/Loans/Details/{w.Loan}").SignedIn(Refused).But(Ok, Resident, Owner, Staff, LabManager, Administrator)
            .Because("the borrower, the lending organization's members and administrators"),
        Post("/Loans/Details", "Approve", w => $"/Loans/Details/{w.Loan}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Loans/Details", "Reject", w => $"/Loans/Details/{w.Loan}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Loans/Details", "HandOver", w => $"/Loans/Details/{w.Loan}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Loans/Details", "TakeBack", w => $"/Loans/Details/{w.Loan}").SignedIn(Refused).But(Passes, OrgMembers),
        Get("/Loans/Units", w => $"/Loans/Units/{w.Tents}").SignedIn(Refused).But(Ok, OrgMembers),
        Post("/Loans/Units", "", w => $"/Loans/Units/{w.Tents}",
            Fields(("Input.Units", _ => 1), ("Input.FirstDay", w => w.LoanDay), ("Input.LastDay", w => w.LoanDay), ("Input.Reason", _ => "행렬")))
            .SignedIn(Refused).But(Ok, OrgMembers),
        Post("/Loans/Units", "End", w => $"/Loans/Units/{w.Tents}?outageId={w.Outage}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Resources/Details", "Loan", w => $"/Resources/Details/{w.Tents}", Fields(("PickupOn", w => w.LoanDay), ("ReturnOn", w => w.LoanDay))).SignedIn(Passes),
        Get("/Bookings/Details", w => $"/Bookings/Details/{w.ConfirmedBooking}").SignedIn(Refused).But(Ok, Resident, Owner, Staff, LabManager, Administrator),
        Page("GET", "/Bookings/Details", "Calendar", w => $"/Bookings/Details/{w.ConfirmedBooking}?handler=Calendar").SignedIn(Refused).But(Ok, Resident, Owner, Staff, LabManager, Administrator),
        Post("/Bookings/Details", "Move", w => $"/Bookings/Details/{w.ConfirmedBooking}").SignedIn(Refused).But(Passes, Resident).Because("an empty form"),
        Post("/Bookings/Details", "Approve", w => $"/Bookings/Details/{w.PendingBooking}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Bookings/Details", "ApproveSeries", w => $"/Bookings/Details/{w.PendingBooking}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Bookings/Details", "Reject", w => $"/Bookings/Details/{w.PendingBooking}").SignedIn(Refused).But(Passes, OrgMembers),
        Post("/Bookings/Details", "CheckIn", w => $"/Bookings/Details/{w.ConfirmedBooking}").SignedIn(Refused).But(Passes, OrgMembers),

        // Labs.
        Get("/Labs/Index", w => "/Labs").Everyone(Ok),
        Get("/Labs/Details", w => $"/Labs/Details/{w.Lab}").Everyone(Ok),
        Post("/Labs/Details", "Book", w => $"/Labs/Details/{w.Lab}", Fields(("Slot", w => w.LabSlot.ToString("O")))).SignedIn(Passes),
        Post("/Labs/Details", "Submit", w => $"/Labs/Details/{w.SpareLab}").SignedIn(Refused).But(Passes, Owner),
        Get("/Labs/Mine", w => "/Labs/Mine").SignedIn(Ok),
        Get("/Labs/Edit", w => $"/Labs/Edit?id={w.Lab}").SignedIn(Refused).But(Ok, LabManagers),
        Post("/Labs/Edit", "", w => $"/Labs/Edit?id={w.Lab}").SignedIn(Refused).But(Passes, LabManagers).Because("an empty form"),
        Get("/Labs/Manage", w => $"/Labs/Manage/{w.Lab}").SignedIn(Refused).But(Ok, LabManagers),
        Post("/Labs/Manage", "Limits", w => $"/Labs/Manage/{w.Lab}", Fields(("horizonDays", _ => 60), ("minNoticeMinutes", _ => 60), ("maxActiveSessionsPerPerson", _ => 4)))
            .SignedIn(Refused).But(Ok, LabManagers),
        Post("/Labs/Manage", "CheckIn", w => $"/Labs/Manage/{w.Lab}", Fields(("sessionId", w => w.LabSession))).SignedIn(Refused).But(Passes, LabManagers),
        Post("/Labs/Manage", "Usage", w => $"/Labs/Manage/{w.Lab}", Fields(("sessionId", w => w.LabSession), ($"minutes[{Guid.Empty}]", _ => 30)))
            .SignedIn(Refused).But(Passes, LabManagers),
        Post("/Labs/Manage", "AddEquipment", w => $"/Labs/Manage/{w.Lab}", Fields(("NewEquipment.Name", _ => "행렬 톱"), ("NewEquipment.Model", _ => "T-1")))
            .SignedIn(Refused).But(Passes, LabManagers),
        Post("/Labs/Manage", "EditEquipment", w => $"/Labs/Manage/{w.Lab}",
                Fields(("equipmentId", w => w.Equipment), ("name", _ => "레이저 커터"), ("model", _ => "X-3"), ("requiresQualification", _ => "true"), ("qualificationName", _ => "레이저 커터 안전교육")))
            .SignedIn(Refused).But(Passes, LabManagers),
        Post("/Labs/Manage", "Photo", w => $"/Labs/Manage/{w.Lab}", Fields(("equipmentId", w => w.Equipment))).WithFile("photo").SignedIn(Refused).But(Ok, LabManagers),
        Post("/Labs/Manage", "LabPhoto", w => $"/Labs/Manage/{w.Lab}").WithFile("labPhoto").SignedIn(Refused).But(Ok, LabManagers),
        Post("/Labs/Manage", "Grant", w => $"/Labs/Manage/{w.Lab}",
                Fields(("Grant.Email", w => w.Email(OtherResident)), ("Grant.EquipmentId", w => w.Equipment), ("Grant.ValidUntil", w => w.App.Clock.GetUtcNow().AddDays(90).ToString("yyyy-MM-dd"))))
            .SignedIn(Refused).But(Passes, LabManagers),

        // Proposals.
        Get("/Proposals/Index", w => "/Proposals").Everyone(Ok),
        Get("/Proposals/Details", w => $"/Proposals/{w.Proposal}").Everyone(Ok),
        Get("/Proposals/New", w => "/Proposals/New").SignedIn(Ok),
        Post("/Proposals/New", "", w => "/Proposals/New").SignedIn(Passes).Because("an empty form"),
        Post("/Proposals/Details", "Support", w => $"/Proposals/{w.Proposal}").SignedIn(Ok),
        Post("/Proposals/Details", "Withdraw", w => $"/Proposals/{w.Proposal}").SignedIn(Ok),
        // Stories: the world's story is its organization's, waiting for review.
        Get("/Stories/Index", w => "/Stories").Everyone(Ok),
        Get("/Stories/Mine", w => "/Stories/Mine").SignedIn(Ok),
        Get("/Stories/Details", w => $"/Stories/{w.Story}").Everyone(Refused).But(Ok, Owner, Staff, LabManager, Administrator)
            .Because("waiting for review: only its organization and administrators see it"),
        Get("/Stories/Edit", w => $"/Stories/Edit/{w.Story}").SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator),
        Post("/Stories/Edit", "Cover", w => $"/Stories/Edit/{w.Story}").WithFile("Cover").SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator),
        Post("/Stories/Edit", "RemoveCover", w => $"/Stories/Edit/{w.Story}").SignedIn(Refused).But(Ok, Owner, Staff, LabManager, Administrator),
        Get("/Reviews/Index", w => $"/Reviews/Resource/{w.Resource}").Everyone(Ok),
        Get("/Reviews/Show", w => $"/Reviews/Show/{w.Review}").Everyone(Ok),
        Get("/Reviews/New", w => $"/Reviews/New?subjectType=Booking&subjectId={w.Resource}").SignedIn(Ok),
        Post("/Reviews/New", "", w => $"/Reviews/New?subjectType=Booking&subjectId={w.Resource}", Fields(("Rating", _ => "5")))
            .SignedIn(Refused).Because("only a booking, session, meeting or loan of one's own can be reviewed"),

        // Circles and meetings.
        Get("/Circles/Index", w => "/Circles").Everyone(Ok),
        Get("/Circles/Details", w => $"/Circles/Details/{w.Circle}").Everyone(Ok),
        Get("/Circles/Mine", w => "/Circles/Mine").SignedIn(Ok),
        Get("/Circles/New", w => "/Circles/New").SignedIn(Ok),
        Post("/Circles/New", "", w => "/Circles/New").SignedIn(Passes).Because("an empty form"),
        Get("/Circles/Edit", w => $"/Circles/Edit/{w.Circle}").SignedIn(Refused).But(Ok, CircleHost),
        Post("/Circles/Edit", "", w => $"/Circles/Edit/{w.Circle}").SignedIn(Refused).But(Passes, CircleHost).Because("an empty form"),
        Get("/Circles/Host", w => $"/Circles/Host/{w.Circle}").SignedIn(Refused).But(Ok, CircleHost),
        Post("/Circles/Host", "Approve", w => $"/Circles/Host/{w.Circle}", Fields(("userId", w => w.Id(CircleMember)))).SignedIn(Refused).But(Passes, CircleHost),
        Post("/Circles/Host", "Decline", w => $"/Circles/Host/{w.Circle}", Fields(("userId", w => w.Id(CircleMember)))).SignedIn(Refused).But(Passes, CircleHost),
        Post("/Circles/Host", "Schedule", w => $"/Circles/Host/{w.Circle}").SignedIn(Refused).But(Passes, CircleHost).Because("an empty form"),
        Post("/Circles/Host", "Move", w => $"/Circles/Host/{w.Circle}?meeting={w.Meeting}").SignedIn(Refused).But(Passes, CircleHost).Because("an empty form"),
        Post("/Circles/Host", "Capacity", w => $"/Circles/Host/{w.Circle}?meeting={w.Meeting}", Fields(("NewCapacity", _ => 30))).SignedIn(Refused).But(Passes, CircleHost),
        Post("/Circles/Host", "Attendance", w => $"/Circles/Host/{w.Circle}?meeting={w.Meeting}", Fields(("Attended", w => w.Id(CircleMember))))
            .SignedIn(Refused).But(Passes, CircleHost),
        Get("/Meetings/Details", w => $"/Meetings/Details/{w.Meeting}").Everyone(Ok),
        Post("/Meetings/Details", "Rsvp", w => $"/Meetings/Details/{w.Meeting}").SignedIn(Passes)
            .Because("the meeting is public; a non-member is told to join the circle first, on the page (the API line checks the 422)"),

        // Administration: the /Admin folder is for administrators; everyone else gets 404.
        Get("/Admin/Review", w => "/Admin/Review").SignedIn(Refused).But(Ok, Administrator),
        Get("/Admin/Changes", w => $"/Admin/Changes/{w.ChangeRequest}").SignedIn(Refused).But(Ok, Administrator),
        Post("/Admin/Review", "Verify", w => "/Admin/Review", Fields(("id", w => w.Org))).SignedIn(Refused).But(Passes, Administrator),
        Post("/Admin/Review", "RejectOrganization", w => "/Admin/Review", Fields(("id", w => w.Org))).SignedIn(Refused).But(Passes, Administrator),
        Post("/Admin/Review", "Approve", w => "/Admin/Review", Fields(("id", w => w.DraftResource))).SignedIn(Refused).But(Passes, Administrator),
        Post("/Admin/Review", "RejectResource", w => "/Admin/Review", Fields(("id", w => w.DraftResource))).SignedIn(Refused).But(Passes, Administrator),
        Post("/Admin/Review", "ApproveLab", w => "/Admin/Review", Fields(("id", w => w.SpareLab))).SignedIn(Refused).But(Passes, Administrator),
        Post("/Admin/Review", "RejectLab", w => "/Admin/Review", Fields(("id", w => w.SpareLab))).SignedIn(Refused).But(Passes, Administrator),
        Get("/Admin/PausedBookers", w => "/Admin/PausedBookers").SignedIn(Refused).But(Ok, Administrator),
        Post("/Admin/PausedBookers", "Lift", w => "/Admin/PausedBookers", Fields(("id", w => w.SpareUser))).SignedIn(Refused).But(Passes, Administrator),
        Get("/Admin/Audit", w => "/Admin/Audit").SignedIn(Refused).But(Ok, Administrator),
        Get("/Admin/System", w => "/Admin/System").SignedIn(Refused).But(Ok, Administrator),
        Get("/Admin/Statistics", w => "/Admin/Statistics").SignedIn(Refused).But(Ok, Administrator),
        Page("GET", "/Admin/Statistics", "Csv", w => "/Admin/Statistics").SignedIn(Refused).But(Ok, Administrator),
        Get("/Admin/Users/Index", w => "/Admin/Users").SignedIn(Refused).But(Ok, Administrator),
        Get("/Admin/Users/Details", w => $"/Admin/Users/Details/{w.SpareUser}").SignedIn(Refused).But(Ok, Administrator),
        Get("/Admin/Reports/Subject", w => $"/Admin/Reports/Subject?subjectType=resource&subjectId={w.Resource}").SignedIn(Refused).But(Ok, Administrator),
        Post("/Admin/Reports/Subject", "Resolve", w => $"/Admin/Reports/Subject?subjectType=resource&subjectId={w.Resource}", Fields(("id", w => w.Report)))
            .SignedIn(Refused).But(Passes, Administrator),
        Post("/Admin/Reports/Subject", "Dismiss", w => $"/Admin/Reports/Subject?subjectType=resource&subjectId={w.Resource}", Fields(("id", w => w.Report)))
            .SignedIn(Refused).But(Passes, Administrator),

        // What changes the world for the lines after it: last.
        Post("/Loans/Details", "Cancel", w => $"/Loans/Details/{w.CancellableLoan}").SignedIn(Refused).But(Passes, Resident, Owner, Staff, LabManager).Destroys(),
        Post("/Bookings/Details", "Cancel", w => $"/Bookings/Details/{w.CancellableBooking}").SignedIn(Refused).But(Passes, Resident, Owner, Staff, LabManager).Destroys(),
        Post("/Bookings/Details", "CancelSeries", w => $"/Bookings/Details/{w.CancellableBooking}").SignedIn(Refused).But(Passes, Resident, Owner, Staff, LabManager).Destroys(),
        Post("/Labs/Mine", "Cancel", w => "/Labs/Mine", Fields(("sessionId", w => w.CancellableLabSession))).SignedIn(Refused).But(Passes, Resident).Destroys()
            .Because("the person's own sessions page cancels the person's own sessions"),
        Post("/Labs/Manage", "CancelSession", w => $"/Labs/Manage/{w.Lab}", Fields(("sessionId", w => w.CancellableLabSession))).SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Post("/Labs/Manage", "OutOfService", w => $"/Labs/Manage/{w.Lab}",
                Fields(("equipmentId", w => w.Equipment), ("from", w => w.MoveTo.AddDays(20).ToString("yyyy-MM-dd")), ("until", w => w.MoveTo.AddDays(21).ToString("yyyy-MM-dd"))))
            .SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Post("/Labs/Manage", "ReturnToService", w => $"/Labs/Manage/{w.Lab}", Fields(("equipmentId", w => w.Equipment))).SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Post("/Labs/Manage", "Revoke", w => $"/Labs/Manage/{w.Lab}", Fields(("qualificationId", w => w.Qualification))).SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Post("/Labs/Manage", "RemoveLabPhoto", w => $"/Labs/Manage/{w.Lab}", Fields(("photoId", w => w.LabPhoto))).SignedIn(Refused).But(Passes, LabManagers).Destroys(),
        Post("/Resources/Details", "RemovePhoto", w => $"/Resources/Details/{w.Resource}", Fields(("photoId", w => w.ResourcePhoto)))
            .SignedIn(Refused).But(Passes, OrgMembers).Destroys(),
        Post("/Resources/Details", "Archive", w => $"/Resources/Details/{w.SpareResource}").SignedIn(Refused).But(Passes, OrgMembers).Destroys(),
        Post("/Meetings/Details", "Cancel", w => $"/Meetings/Details/{w.Meeting}").SignedIn(Passes).Destroys().Because("cancels the caller's own answer"),
        Post("/Circles/Host", "CancelMeeting", w => $"/Circles/Host/{w.Circle}?meeting={w.CancellableMeeting}").SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Post("/Circles/Host", "Remove", w => $"/Circles/Host/{w.Circle}", Fields(("userId", w => w.SpareCircleMember))).SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Post("/Circles/Host", "AllowBack", w => $"/Circles/Host/{w.Circle}", Fields(("userId", w => w.SpareCircleMember))).SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Post("/Circles/Host", "CoHost", w => $"/Circles/Host/{w.Circle}", Fields(("userId", w => w.Id(CircleMember)))).SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Post("/Circles/Host", "UnCoHost", w => $"/Circles/Host/{w.Circle}", Fields(("userId", w => w.Id(CircleMember)))).SignedIn(Refused).But(Passes, CircleHost).Destroys(),
        Post("/Circles/Details", "Join", w => $"/Circles/Details/{w.Circle}").SignedIn(Passes).Destroys(),
        Post("/Circles/Details", "Leave", w => $"/Circles/Details/{w.Circle}").SignedIn(Passes).Destroys(),
        Post("/Organizations/Details", "CancelInvitation", w => $"/Organizations/Details/{w.Org}", Fields(("invitationId", w => w.PendingOrgInvitation)))
            .SignedIn(Refused).But(Passes, Owner, Administrator).Destroys().Because(AdministratorsActAsOwners),
        Post("/Organizations/Details", "RemoveMember", w => $"/Organizations/Details/{w.Org}", Fields(("userId", w => w.SpareOrgMember)))
            .SignedIn(Refused).But(Passes, Owner, Administrator).Destroys().Because(AdministratorsActAsOwners),
        Post("/Invitations/Index", "Accept", w => "/Invitations", Fields(("invitationId", w => w.InvitationToResident))).SignedIn(Refused).But(Ok, Resident).Destroys(),
        Post("/Invitations/Index", "Decline", w => "/Invitations", Fields(("invitationId", w => w.InvitationToCircleMember))).SignedIn(Refused).But(Ok, CircleMember).Destroys(),
        Post("/Organizations/Details", "Leave", w => $"/Organizations/Details/{w.OtherOrg}").SignedIn(Refused).But(Passes, Resident, OtherOwner).Destroys()
            .Because("the resident joined the other organization by the invitation above; its only owner is told an owner cannot leave"),
        Post("/Resources/Details", "Suspend", w => $"/Resources/Details/{w.SpareResource}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Resources/Details", "Restore", w => $"/Resources/Details/{w.SpareResource}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Labs/Details", "Suspend", w => $"/Labs/Details/{w.SpareLab}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Labs/Details", "Restore", w => $"/Labs/Details/{w.SpareLab}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Circles/Details", "Suspend", w => $"/Circles/Details/{w.Circle}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Circles/Details", "Restore", w => $"/Circles/Details/{w.Circle}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Reviews/Index", "Reply", w => $"/Reviews/Resource/{w.Resource}", Fields(("ReviewId", w => w.Review), ("Reply", _ => "행렬 답글")))
            .SignedIn(Refused).But(Passes, Owner, Staff, LabManager).Destroys().Because("the resource's organization replies, once"),
        Post("/Proposals/Details", "TakeUp", w => $"/Proposals/{w.Proposal}", Fields(("ResourceId", w => w.Resource)))
            .SignedIn(Refused).But(Passes, Owner, Staff, LabManager).Destroys().Because("only a listing of one's own organization may be linked"),
        Post("/Proposals/Details", "Accept", w => $"/Proposals/{w.Proposal}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Proposals/Details", "Decline", w => $"/Proposals/{w.Proposal}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Stories/Edit", "", w => $"/Stories/Edit/{w.Story}", Fields(("Input.Title", _ => "행렬 고친 이야기"), ("Input.BodyMarkdown", _ => "고친 본문")))
            .SignedIn(Refused).But(Passes, Owner, Staff, LabManager, Administrator).Destroys().Because("an administrator's edit publishes the story"),
        Post("/Stories/Details", "Approve", w => $"/Stories/{w.Story}").SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Stories/Details", "Reject", w => $"/Stories/{w.Story}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Stories/Details", "Suspend", w => $"/Stories/{w.Story}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys()
            .Because("once published: a refusal shown in place counts as refused for those who may see the story"),
        Post("/Stories/Details", "Restore", w => $"/Stories/{w.Story}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Admin/Reports/Subject", "Suspend", w => $"/Admin/Reports/Subject?subjectType=resource&subjectId={w.SpareResource}", WithReason)
            .SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Admin/Users/Details", "Lift", w => $"/Admin/Users/Details/{w.SpareUser}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Admin/Users/Details", "Suspend", w => $"/Admin/Users/Details/{w.SpareUser}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Admin/Users/Details", "Restore", w => $"/Admin/Users/Details/{w.SpareUser}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Organizations/Details", "Verify", w => $"/Organizations/Details/{w.OtherOrg}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Organizations/Details", "Reject", w => $"/Organizations/Details/{w.OtherOrg}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Organizations/Details", "Suspend", w => $"/Organizations/Details/{w.OtherOrg}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Organizations/Details", "Restore", w => $"/Organizations/Details/{w.OtherOrg}", WithReason).SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Admin/Changes", "", w => $"/Admin/Changes/{w.ChangeRequest}", Fields(("decision", _ => "reject"), ("reason", _ => "행렬 확인")))
            .SignedIn(Refused).But(Passes, Administrator).Destroys(),
        Post("/Account/Logout", "", w => "/Account/Logout").Everyone(Ok).But(SignIn, Suspended).FreshSession().Destroys()
            .Because("signs out a browser of its own, so the personas' browsers stay signed in"),
        Post("/Account/Manage", "SignOutEverywhere", w => "/Account/Manage").SignedIn(Ok).FreshSession().Destroys()
            .Because("ends the persona's other browsers too: the very last line"),
    ];

    private static System.Text.Json.Nodes.JsonObject ResourceUpdate(MatrixWorld w)
    {
        var body = Tests.Support.CatalogClient.ResourceBody(w.Org, title: "행렬 회의실");
        body.Remove("organizationId");
        body["version"] = w.ResourceVersion;
        body["policy"]!["maxActivePerPerson"] = 10;
        return body;
    }

    private static System.Text.Json.Nodes.JsonObject LabUpdate(MatrixWorld w)
    {
        var body = Labs.LabClient.LabBody(w.Org, name: "행렬 실험실");
        body.Remove("organizationId");
        body["version"] = w.LabVersion;
        return body;
    }
}
