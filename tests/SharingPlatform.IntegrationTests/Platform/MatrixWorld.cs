using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SharingPlatform.IntegrationTests.Circles;
using SharingPlatform.IntegrationTests.Labs;
using SharingPlatform.IntegrationTests.Notifications;
using SharingPlatform.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>Who asks, in the authorization matrix.</summary>
public enum Persona
{
    Anonymous,
    Resident,
    OtherResident,
    Owner,
    Staff,
    LabManager,
    ExMember,
    OtherOwner,
    CircleHost,
    CircleMember,
    Administrator,
    Suspended,
}

/// <summary>
/// The world the authorization matrix asks about, built once through the real API: a verified organization (owner,
/// staff, a staff member named lab manager, and an ex-member who was named lab manager and then removed, and whom the
/// lab's manager list still names as a stale entry), its published
/// resource with the resident's bookings and a change to it waiting for review, its published lab with equipment needing a qualification and the resident's
/// session, a circle with host, member and meetings, a report, a second organization with its owner, an administrator
/// and a person an administrator suspended. Each id is named after what a route needs; objects a line destroys or
/// changes (cancel, archive, suspend, remove) are throwaway objects of their own.
/// </summary>
public sealed partial class MatrixWorld : IAsyncDisposable
{
    private readonly Dictionary<Persona, HttpClient> _api = [];
    private readonly Dictionary<Persona, (HttpClient Client, string Token)> _site = [];
    private readonly Dictionary<Persona, string> _emails = [];
    private readonly List<IDisposable> _owned = [];

    public required AppFactory App { get; init; }

    public Guid Org { get; private set; }
    public Guid OtherOrg { get; private set; }
    public Guid Resource { get; private set; }
    public Guid DraftResource { get; private set; }
    public Guid SpareResource { get; private set; }
    public Guid ResourcePhoto { get; private set; }
    public string ResourcePhotoUrl { get; private set; } = "";
    public Guid PendingBooking { get; private set; }
    public Guid ConfirmedBooking { get; private set; }
    public Guid CancellableBooking { get; private set; }
    public DateTimeOffset MoveTo { get; private set; }
    public DateTimeOffset FreeSlot { get; private set; }
    public Guid Tents { get; private set; }
    public string LoanDay { get; private set; } = "";
    public Guid Loan { get; private set; }
    public Guid CancellableLoan { get; private set; }
    public Guid Outage { get; private set; }
    public Guid Lab { get; private set; }
    public Guid SpareLab { get; private set; }
    public uint LabVersion { get; private set; }
    public uint ResourceVersion { get; private set; }
    public Guid ChangeRequest { get; private set; }
    public Guid LabPhoto { get; private set; }
    public Guid Equipment { get; private set; }
    public Guid Qualification { get; private set; }
    public Guid LabSession { get; private set; }
    public Guid CancellableLabSession { get; private set; }
    public DateTimeOffset LabSlot { get; private set; }
    public Guid Circle { get; private set; }
    public Guid Meeting { get; private set; }
    public Guid CancellableMeeting { get; private set; }
    public Guid SpareCircleMember { get; private set; }
    public Guid Report { get; private set; }
    public Guid ResidentNotification { get; private set; }
    public Guid InvitationToResident { get; private set; }
    public Guid InvitationToCircleMember { get; private set; }
    public Guid PendingOrgInvitation { get; private set; }
    public Guid SpareOrgMember { get; private set; }
    public Guid SpareUser { get; private set; }
    public Guid Proposal { get; private set; }
    public Guid Review { get; private set; }
    public Guid Story { get; private set; }
    public Dictionary<Persona, Guid> Ids { get; } = [];

    public string Email(Persona persona) => _emails[persona];

    public Guid Id(Persona persona) => Ids[persona];

    /// <summary>The persona's API client: a bearer token, or none for the anonymous caller. Redirects are not followed.</summary>
    public HttpClient Api(Persona persona) => _api[persona];

    /// <summary>The persona's browser: a cookie signed in through /Account/Login, and an antiforgery token for its forms.</summary>
    public (HttpClient Client, string Token) Site(Persona persona) => _site[persona];

    public static async Task<MatrixWorld> BuildAsync(AppFactory app)
    {
        var world = new MatrixWorld { App = app };
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var admin = await App.AdministratorPersonAsync();
        var people = await App.PeopleAsync(13, displayName: "행렬 주민");
        Persona[] named = [Persona.Resident, Persona.OtherResident, Persona.Owner, Persona.Staff, Persona.LabManager, Persona.ExMember,
            Persona.OtherOwner, Persona.CircleHost, Persona.CircleMember, Persona.Suspended];
        var clients = new Dictionary<Persona, HttpClient>();
        for (var i = 0; i < named.Length; i++)
        {
            clients[named[i]] = people[i].Client;
            _emails[named[i]] = people[i].Email;
            Ids[named[i]] = people[i].Id;
            _owned.Add(people[i]);
        }

        clients[Persona.Administrator] = admin.Client;
        _emails[Persona.Administrator] = admin.Email;
        Ids[Persona.Administrator] = admin.Id;
        _owned.Add(admin);
        var (spareMember, spareCircleMember, spareUser) = (people[10], people[11], people[12]);
        _owned.AddRange([spareMember, spareCircleMember, spareUser]);
        SpareOrgMember = spareMember.Id;
        SpareCircleMember = spareCircleMember.Id;
        SpareUser = spareUser.Id;
        var owner = clients[Persona.Owner];
        var resident = clients[Persona.Resident];
        var adminClient = admin.Client;

        // The organization, its members, and the ex-member.
        Org = await owner.RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "행렬 협동조합"));
        await adminClient.VerifyAsync(Org);
        foreach (var persona in new[] { Persona.Staff, Persona.LabManager, Persona.ExMember })
            await owner.AddMemberAsync(Org, clients[persona], _emails[persona]);
        await owner.AddMemberAsync(Org, spareMember.Client, spareMember.Email);

        // The resource (manual approval) and the resident's bookings.
        var resourceBody = CatalogClient.ResourceBody(Org, title: "행렬 회의실");
        resourceBody["policy"]!["maxActivePerPerson"] = 10;
        Resource = await App.PublishedResourceAsync(new VerifiedOrganization(Org, owner, _emails[Persona.Owner]), resourceBody);
        DraftResource = await owner.CreateResourceAsync(CatalogClient.ResourceBody(Org, title: "행렬 초안"));
        SpareResource = await App.PublishedResourceAsync(new VerifiedOrganization(Org, owner, _emails[Persona.Owner]), CatalogClient.ResourceBody(Org, title: "행렬 예비"));
        var renamed = CatalogClient.ResourceBody(Org, title: "행렬 회의실 새 이름");
        renamed["policy"]!["maxActivePerPerson"] = 10;
        renamed["version"] = (await owner.GetAsync($"/api/v1/resources/{Resource}").ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetUInt32();
        ChangeRequest = (await owner.PutAsJsonAsync($"/api/v1/resources/{Resource}", renamed).ExpectAsync(HttpStatusCode.OK)).GetProperty("pendingChange").Id();
        ResourceVersion = (await owner.GetAsync($"/api/v1/resources/{Resource}").ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetUInt32();
        var photo = (await owner.PostAsync($"/api/v1/resources/{Resource}/photos", Png()).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("photos").EnumerateArray().Last();
        ResourcePhoto = photo.Id();
        ResourcePhotoUrl = photo.GetProperty("url").GetString()!;
        var day = BookingClient.Next(DayOfWeek.Tuesday, 10, daysAhead: 7);
        PendingBooking = await resident.BookedAsync(Resource, day, day.AddHours(1));
        ConfirmedBooking = await resident.BookedAsync(Resource, day.AddHours(2), day.AddHours(3));
        CancellableBooking = await resident.BookedAsync(Resource, day.AddHours(4), day.AddHours(5));
        await owner.PostAsync($"/api/v1/bookings/{ConfirmedBooking}/approve", null).ExpectAsync(HttpStatusCode.OK);
        MoveTo = day.AddDays(1);
        FreeSlot = day.AddDays(2);

        // Goods lent by the day, and the resident's loans of them.
        var tents = BookingClient.AroundTheClock(Org, title: "행렬 텐트");
        tents["category"] = "goods";
        tents["lending"] = new JsonObject
        {
            ["units"] = 50, ["maxLoanDays"] = 3, ["maxUnitsPerPerson"] = 5, ["minNoticeDays"] = 0, ["horizonDays"] = 60, ["depositWon"] = 0,
            ["approvalMode"] = "automatic",
        };
        Tents = await App.PublishedResourceAsync(new VerifiedOrganization(Org, owner, _emails[Persona.Owner]), tents);
        LoanDay = DateOnly.FromDateTime(day.DateTime).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Loan = (await resident.PostAsJsonAsync("/api/v1/loans", new { resourceId = Tents, units = 1, pickupOn = LoanDay, returnOn = LoanDay })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        CancellableLoan = (await resident.PostAsJsonAsync("/api/v1/loans", new { resourceId = Tents, units = 1, pickupOn = LoanDay, returnOn = LoanDay })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        Outage = (await owner.PostAsJsonAsync($"/api/v1/resources/{Tents}/unit-outages", new { units = 1, firstDay = LoanDay, lastDay = LoanDay, reason = "행렬" })
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("outage").Id();

        // The lab: equipment needing a qualification, named managers (the ex-member among them, before leaving), a session.
        var lab = await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(Org, name: "행렬 실험실")));
        Lab = lab;
        Equipment = await owner.AddEquipmentAsync(lab, "레이저 커터", requiresQualification: true);
        await owner.PostAsync($"/api/v1/labs/{lab}/submit", null).ExpectAsync(HttpStatusCode.OK);
        await adminClient.DecideAsync("labs", lab, "approve");
        SpareLab = await CatalogClient.CreatedIdAsync(owner.PostAsJsonAsync("/api/v1/labs", LabClient.LabBody(Org, name: "행렬 예비 실험실")));
        await owner.PutAsJsonAsync($"/api/v1/labs/{lab}/managers",
                new { emails = new[] { _emails[Persona.Owner], _emails[Persona.LabManager], _emails[Persona.ExMember] } })
            .ExpectAsync(HttpStatusCode.OK);
        LabVersion = (await owner.GetAsync($"/api/v1/labs/{lab}").ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetUInt32();
        LabPhoto = (await owner.PostAsync($"/api/v1/labs/{lab}/photos", Png()).ExpectAsync(HttpStatusCode.Created)).Id();
        (await owner.GrantAsync(lab, _emails[Persona.Resident], Equipment, App.SeoulToday().AddDays(300))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        Qualification = (await owner.GetAsync($"/api/v1/labs/{lab}/qualifications").ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().First().Id();
        var slots = await owner.SlotsAsync(lab, App.Clock.GetUtcNow().AddDays(2), App.Clock.GetUtcNow().AddDays(4));
        LabSession = await resident.BookedLabAsync(lab, slots[0].StartsAt(), Equipment);
        CancellableLabSession = await resident.BookedLabAsync(lab, slots[1].StartsAt());
        LabSlot = slots[2].StartsAt();
        await owner.DeleteAsync($"/api/v1/organizations/{Org}/members/{Ids[Persona.ExMember]}").ExpectAsync(HttpStatusCode.NoContent);
        // Removal drops them from the manager list; a list written before that rule may still name them. Name them
        // again behind the app's back, so the matrix also shows such a stale entry grants nothing.
        var exMember = Ids[Persona.ExMember];
        var managers = await App.QueryAsync(db => db.Labs.Where(l => l.Id == lab).Select(l => l.ManagerIds).SingleAsync());
        managers.ShouldNotContain(exMember);
        await App.QueryAsync(db => db.Labs.Where(l => l.Id == lab)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ManagerIds, managers.Append(exMember).ToArray())));

        // The circle, its member, its meetings.
        var host = clients[Persona.CircleHost];
        Circle = await host.CreateCircleAsync(CircleClient.CircleBody(title: "행렬 스터디"));
        await clients[Persona.CircleMember].JoinAsync(Circle).ExpectAsync(HttpStatusCode.OK);
        await spareCircleMember.Client.JoinAsync(Circle).ExpectAsync(HttpStatusCode.OK);
        var meetingDay = BookingClient.Next(DayOfWeek.Thursday, 19, daysAhead: 5);
        Meeting = await host.ScheduledAsync(Circle, meetingDay, capacity: 20);
        CancellableMeeting = await host.ScheduledAsync(Circle, meetingDay.AddDays(7), capacity: 20);
        await clients[Persona.CircleMember].RsvpAsync(Meeting).ExpectAsync(HttpStatusCode.OK);

        // A report, the resident's notification, the second organization and its invitations.
        Report = (await resident.PostAsJsonAsync("/api/v1/reports", new { subjectType = "resource", subjectId = Resource, reason = "spam", details = "행렬" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        ResidentNotification = (await resident.InboxAsync()).Items()[0].Id();
        Proposal = (await resident.PostAsJsonAsync("/api/v1/proposals", new { title = "행렬 제안", category = "space", municipality = "jeonju" })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        // A review of the resource by the resident, written straight in (a completed booking needs the clock moved).
        var review = Domain.Reviews.Review.Write(Ids[Persona.Resident], Domain.Reviews.ReviewSubject.Booking, Guid.NewGuid(),
            Domain.Reviews.ReviewedListing.Resource, Resource, 5, "행렬 후기", App.Clock.GetUtcNow().AddHours(-1), App.Clock.GetUtcNow());
        await App.QueryAsync(db =>
        {
            db.Reviews.Add(review);
            return db.SaveChangesAsync();
        });
        Review = review.Id;
        Story = (await owner.PostAsJsonAsync("/api/v1/stories", new { title = "행렬 이야기", bodyMarkdown = "행렬 본문", organizationId = Org })
            .ExpectAsync(HttpStatusCode.Created)).Id();
        OtherOrg = await clients[Persona.OtherOwner].RegisterOrganizationAsync(CatalogClient.OrganizationBody(name: "다른 협동조합"));
        await adminClient.VerifyAsync(OtherOrg);
        InvitationToResident = await InviteAsync(clients[Persona.OtherOwner], OtherOrg, resident, _emails[Persona.Resident]);
        InvitationToCircleMember = await InviteAsync(clients[Persona.OtherOwner], OtherOrg, clients[Persona.CircleMember], _emails[Persona.CircleMember]);
        await owner.PostAsJsonAsync($"/api/v1/organizations/{Org}/members", new { email = ApiClient.NewEmail("invitee"), role = "staff" })
            .ExpectAsync(HttpStatusCode.Accepted);
        PendingOrgInvitation = (await owner.GetAsync($"/api/v1/organizations/{Org}/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().First().Id();

        // Every persona's browser signs in before the suspension, as a person who was using the site would have.
        foreach (var persona in Enum.GetValues<Persona>())
        {
            var api = App.NewClient(followRedirects: false);
            if (clients.TryGetValue(persona, out var signedIn))
                api.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
            _api[persona] = api;
            var site = App.NewClient(followRedirects: false);
            if (persona != Persona.Anonymous)
                await site.SignInAsync(_emails[persona], ApiClient.Password);
            _site[persona] = (site, await AntiforgeryTokenAsync(site));
        }

        await adminClient.PostAsJsonAsync($"/api/v1/admin/users/{Ids[Persona.Suspended]}/suspend", new { reason = "행렬 정지" })
            .ExpectAsync(HttpStatusCode.NoContent);
    }

    /// <summary>
    /// A session of its own for one cell: the persona signs in anew (bearer or browser). The anonymous caller and the
    /// suspended person, who cannot sign in, keep the shared client.
    /// </summary>
    public async Task<(HttpClient Client, string Token)?> FreshSessionAsync(Persona persona, bool browser)
    {
        if (persona is Persona.Anonymous or Persona.Suspended)
            return null;
        var client = App.NewClient(followRedirects: false);
        if (browser)
        {
            await client.SignInAsync(_emails[persona], ApiClient.Password);
            return (client, await AntiforgeryTokenAsync(client));
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.LoginAsync(_emails[persona], ApiClient.Password));
        return (client, "");
    }

    private static async Task<Guid> InviteAsync(HttpClient owner, Guid organizationId, HttpClient person, string email)
    {
        await owner.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email, role = "staff" }).ExpectAsync(HttpStatusCode.Accepted);
        return (await person.GetAsync("/api/v1/me/invitations").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(i => i.GetProperty("organizationId").GetGuid() == organizationId).Id();
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient site)
    {
        var page = await site.GetStringAsync("/Account/Login");
        var match = AntiforgeryToken().Match(page);
        if (!match.Success)
            throw new InvalidOperationException("No antiforgery token on /Account/Login.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A small PNG in a multipart form, as a photo upload sends it.</summary>
    public static MultipartFormDataContent Png(string field = "file")
    {
        using var image = new Image<Rgba32>(64, 48, new Rgba32(40, 160, 90));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, field, "matrix.png" } };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (client, _) in _site.Values)
            client.Dispose();
        foreach (var client in _api.Values)
            client.Dispose();
        foreach (var owned in _owned)
            owned.Dispose();
        await Task.CompletedTask;
    }
}
