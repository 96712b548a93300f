using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SharingPlatform.Domain.Resources;
using SharingPlatform.Domain.Users;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Statistics;

/// <summary>
/// A host over a database of its own (the shared one holds every other test's rows) and a known data set written
/// straight into it, past states included: resources with known opening hours, bookings, lab sessions with usage, and
/// circle meetings with attendance, around Seoul month boundaries. The tests count the same things by brute force over
/// these lists.
/// </summary>
public sealed class StatisticsDataSet : IAsyncLifetime
{
    public sealed record Resource(Guid Id, string Municipality, ResourceCategory Category, string Status, DateTimeOffset CreatedAt,
        IReadOnlyList<OpeningPeriod> Opening, IReadOnlyList<DateOnly> Closed);

    public sealed record Booking(Resource Resource, Guid BookerId, DateTimeOffset StartsAt, int Minutes, string Status);

    public sealed record Lab(Guid Id, string Name, string Municipality, string Status);

    public sealed record Equipment(Guid Id, Lab Lab, string Name);

    public sealed record Use(Equipment Equipment, bool Released, int? Minutes);

    public sealed record LabSession(Lab Lab, Guid BookerId, DateTimeOffset StartsAt, int Minutes, string Status, IReadOnlyList<Use> Uses);

    public sealed record Circle(Guid Id, string Municipality, string Status);

    public sealed record Answer(Guid UserId, string Status, bool? Attended);

    public sealed record Meeting(Guid Id, Circle Circle, DateTimeOffset StartsAt, int Minutes, string Status, IReadOnlyList<Answer> Answers);

    public sealed record Proposal(string Municipality, ResourceCategory Category, DateTimeOffset CreatedAt, string Status, string Standing, int Supports);

    /// <summary>A review of a listing: <see cref="Category"/> is the statistics' category ("space", "lab", "circle").</summary>
    public sealed record Review(string ListingType, Guid ListingId, string Municipality, string Category, DateTimeOffset CreatedAt, int Rating, string Standing);

    private static readonly JsonSerializerOptions PolicyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public AppFactory App { get; } = new(new AppFactory.Settings("statistics", RunJobServer: false));

    public List<Resource> Resources { get; } = [];
    public List<Booking> Bookings { get; } = [];
    public List<Lab> Labs { get; } = [];
    public List<LabSession> LabSessions { get; } = [];
    public List<Circle> Circles { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<Proposal> Proposals { get; } = [];
    public List<Review> Reviews { get; } = [];
    public string ResidentEmail { get; } = ApiClient.NewEmail();

    public static DateTimeOffset Seoul(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(9)).ToUniversalTime();

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        var u = await UsersAsync(6);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();

        var jeonjuOrg = await OrganizationAsync(connection, "jeonju");
        var gunsanOrg = await OrganizationAsync(connection, "gunsan");
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var r1 = await ResourceAsync(connection, jeonjuOrg, "jeonju", ResourceCategory.Space, "Published", Seoul(2024, 12, 10),
            weekdays.Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0))),
            [new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 8)]);
        var r2 = await ResourceAsync(connection, jeonjuOrg, "jeonju", ResourceCategory.Equipment, "Published", Seoul(2025, 2, 15, 10),
            [new(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(14, 0)), new(DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MaxValue)], []);
        var r3 = await ResourceAsync(connection, gunsanOrg, "gunsan", ResourceCategory.Space, "Published", Seoul(2025, 1, 20),
            [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
             new(DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(20, 0))],
            [new DateOnly(2025, 2, 5)]);
        var r4 = await ResourceAsync(connection, gunsanOrg, "gunsan", ResourceCategory.Vehicle, "Archived", Seoul(2024, 11, 1),
            weekdays.Select(d => new OpeningPeriod(d, new TimeOnly(8, 0), new TimeOnly(20, 0))), []);
        await ResourceAsync(connection, jeonjuOrg, "jeonju", ResourceCategory.Space, "Draft", Seoul(2025, 1, 1),
            weekdays.Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0))), []);
        await ResourceAsync(connection, jeonjuOrg, "jeonju", ResourceCategory.Space, "Published", Seoul(2025, 4, 30, 23, 30),
            Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(8, 0), new TimeOnly(10, 0))), []);

        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;
        (Resource, int, DateTimeOffset, int, string)[] bookings =
        [
            (r1, 0, Seoul(2025, 1, 6, 10), 120, "Completed"),
            (r1, 1, Seoul(2025, 1, 7, 10), 60, "NoShow"),
            (r1, 0, Seoul(2025, 1, 8, 10), 90, "CheckedIn"),
            (r1, 2, Seoul(2025, 1, 9, 10), 60, "Cancelled"),
            (r1, 3, Seoul(2025, 1, 10, 10), 60, "Rejected"),
            (r1, 2, Seoul(2025, 1, 31, 23), 60, "Confirmed"),
            (r1, 3, Seoul(2025, 2, 1, 0, 30), 60, "Completed"),
            (r1, 4, Seoul(2025, 2, 10, 9), 180, "Completed"),
            (r1, 0, Seoul(2025, 3, 4, 14), 240, "Pending"),
            (r1, 1, Seoul(2025, 4, 1, 9), 60, "NoShow"),
            (r1, 1, Seoul(2024, 12, 20, 10), 60, "Completed"),
            (r1, 1, Seoul(2025, 5, 2, 10), 60, "Completed"),
            (r2, 0, Seoul(2025, 2, 22, 10), 120, "Completed"),
            (r2, 5, Seoul(2025, 3, 1, 11), 60, "NoShow"),
            (r2, 5, Seoul(2025, 3, 2, 11), 60, "Completed"),
            (r3, 1, Seoul(2025, 1, 27, 9), 180, "Completed"),
            (r3, 2, Seoul(2025, 2, 3, 13), 120, "Confirmed"),
            (r3, 3, Seoul(2025, 2, 5, 9), 60, "Cancelled"),
            (r3, 4, Seoul(2025, 3, 5, 8), 600, "Completed"),
            (r4, 5, Seoul(2025, 1, 15, 9), 240, "Completed"),
            (r4, 0, Seoul(2025, 2, 15, 9), 120, "NoShow"),
            (r1, 0, Seoul(year, 1, 1, 1), 60, "Completed"),
            (r3, 1, Seoul(year, 1, 1, 3), 120, "CheckedIn"),
            (r1, 2, Seoul(year, 1, 1, 5), 60, "NoShow"),
        ];
        foreach (var (resource, who, start, minutes, status) in bookings)
            await BookingAsync(connection, new Booking(resource, u[who], start, minutes, status));

        var l1 = await LabAsync(connection, gunsanOrg, "군산 메이커스페이스", "gunsan", "Published");
        var l2 = await LabAsync(connection, jeonjuOrg, "전주 전자공작실", "jeonju", "Published");
        var l3 = await LabAsync(connection, gunsanOrg, "부안 실험실", "buan", "Suspended");
        var e1 = await EquipmentAsync(connection, l1, "3D 프린터");
        var e2 = await EquipmentAsync(connection, l1, "레이저 커터, 대형 \"A\"");
        var e3 = await EquipmentAsync(connection, l2, "납땜 스테이션");
        var e4 = await EquipmentAsync(connection, l3, "현미경");
        (Lab, int, DateTimeOffset, int, string, Use[])[] sessions =
        [
            (l1, 0, Seoul(2025, 1, 10, 10), 120, "Completed", [new(e1, false, 90), new(e2, false, 120)]),
            (l1, 1, Seoul(2025, 1, 11, 10), 120, "CheckedIn", [new(e1, false, null)]),
            (l1, 2, Seoul(2025, 1, 12, 10), 60, "NoShow", [new(e1, true, null)]),
            (l1, 3, Seoul(2025, 1, 13, 10), 60, "Cancelled", [new(e2, true, null)]),
            (l1, 0, Seoul(2025, 2, 14, 10), 180, "Completed", [new(e2, false, 45), new(e1, true, null)]),
            (l1, 0, Seoul(2025, 2, 15, 10), 60, "Booked", []),
            (l2, 4, Seoul(2025, 1, 31, 23), 60, "Completed", [new(e3, false, 30)]),
            (l2, 5, Seoul(2025, 2, 1, 0), 60, "Completed", [new(e3, false, null)]),
            (l2, 4, Seoul(2025, 3, 20, 14), 120, "NoShow", []),
            (l2, 4, Seoul(2025, 3, 21, 14), 120, "Completed", [new(e3, false, 0)]),
            (l3, 5, Seoul(2025, 4, 2, 10), 60, "Completed", [new(e4, false, 60)]),
            (l2, 0, Seoul(year, 1, 1, 2), 60, "Completed", []),
        ];
        foreach (var (lab, who, start, minutes, status, uses) in sessions)
            await LabSessionAsync(connection, new LabSession(lab, u[who], start, minutes, status, uses));

        var c1 = await CircleAsync(connection, u[0], "buan", "Active");
        var c2 = await CircleAsync(connection, u[1], "jeonju", "Active");
        var c3 = await CircleAsync(connection, u[2], "gunsan", "Suspended");
        (Circle, DateTimeOffset, int, string, (int, string, bool?)[])[] meetings =
        [
            (c1, Seoul(2025, 1, 15, 19), 120, "Scheduled", [(0, "Going", true), (1, "Going", false), (2, "Going", null), (3, "Waitlisted", null), (4, "Cancelled", null)]),
            (c1, Seoul(2025, 1, 31, 23), 120, "Scheduled", [(0, "Going", true), (1, "Going", true)]),
            (c1, Seoul(2025, 2, 10, 19), 60, "Cancelled", [(0, "Going", null)]),
            (c2, Seoul(2025, 3, 5, 10), 90, "Scheduled", []),
            (c3, Seoul(2025, 4, 10, 10), 60, "Scheduled", [(5, "Going", true), (4, "Going", false)]),
            (c2, Seoul(2025, 5, 10, 10), 60, "Scheduled", [(5, "Going", true)]),
        ];
        foreach (var (circle, start, minutes, status, answers) in meetings)
            await MeetingAsync(connection, new Meeting(Guid.NewGuid(), circle, start, minutes, status, answers.Select(a => new Answer(u[a.Item1], a.Item2, a.Item3)).ToList()));

        Proposal[] proposals =
        [
            new("gunsan", ResourceCategory.Space, Seoul(2025, 1, 31, 23, 30), "Open", "Shown", 2),
            new("gunsan", ResourceCategory.Space, Seoul(2025, 2, 1, 0, 30), "TakenUp", "Shown", 3),
            new("gunsan", ResourceCategory.Space, Seoul(2025, 2, 27), "Open", "Shown", 0),
            new("jeonju", ResourceCategory.Equipment, Seoul(2025, 2, 14), "Accepted", "Shown", 1),
            new("jeonju", ResourceCategory.Equipment, Seoul(2025, 2, 20), "Declined", "Shown", 0),
            new("jeonju", ResourceCategory.Space, Seoul(2025, 3, 3), "Open", "Suspended", 4),
            new("buan", ResourceCategory.Goods, Seoul(2025, 4, 30, 23), "TakenUp", "Shown", 5),
            new("jeonju", ResourceCategory.Space, Seoul(2025, 5, 1, 1), "Open", "Shown", 1),
        ];
        foreach (var proposal in proposals)
            await ProposalAsync(connection, proposal, u);

        Review[] reviews =
        [
            new("Resource", r1.Id, "jeonju", "space", Seoul(2025, 1, 31, 23, 50), 5, "Shown"),
            new("Resource", r1.Id, "jeonju", "space", Seoul(2025, 2, 1, 0, 10), 4, "Shown"),
            new("Resource", r1.Id, "jeonju", "space", Seoul(2025, 2, 3), 1, "Suspended"),
            new("Resource", r1.Id, "jeonju", "space", Seoul(2025, 2, 9), 3, "Shown"),
            new("Resource", r3.Id, "gunsan", "space", Seoul(2025, 2, 20), 2, "Shown"),
            new("Lab", l2.Id, "jeonju", "lab", Seoul(2025, 2, 10), 5, "Shown"),
            new("Circle", c1.Id, "buan", "circle", Seoul(2025, 3, 31, 23), 4, "Shown"),
            new("Circle", c3.Id, "gunsan", "circle", Seoul(2025, 3, 1, 12), 3, "Shown"),
        ];
        for (var i = 0; i < reviews.Length; i++)
            await ReviewAsync(connection, reviews[i], u[i % u.Length]);
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();

    private async Task<Guid[]> UsersAsync(int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var user = User.Register(i == 0 ? ResidentEmail : ApiClient.NewEmail(), $"주민 {i}", Language.Korean, DateTimeOffset.UtcNow);
            user.EmailConfirmed = true;
            (await users.CreateAsync(user, ApiClient.Password)).Succeeded.ShouldBeTrue();
            ids.Add(user.Id);
        }

        return [.. ids];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Guid> OrganizationAsync(NpgsqlConnection connection, string municipality)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(connection, """
            INSERT INTO organizations (id, name, kind, business_registration_number, municipality, address, phone, email, description, status, registered_at)
            VALUES ($1, '통계 협동조합', 'Cooperative', $2, $3, '주소', '063-000-0000', 'coop@tests.sharing.example', '', 'Verified', $4)
            """, id, CatalogClient.NewBusinessRegistrationNumber(), municipality, Seoul(2024, 1, 1));
        return id;
    }

    private async Task<Resource> ResourceAsync(NpgsqlConnection connection, Guid organizationId, string municipality, ResourceCategory category,
        string status, DateTimeOffset createdAt, IEnumerable<OpeningPeriod> opening, IReadOnlyList<DateOnly> closed)
    {
        var policy = BookingPolicy.Create(ApprovalMode.Automatic, 30, 30, 240, 0, 60, 0, false, 3, opening, closed);
        var resource = new Resource(Guid.NewGuid(), municipality, category, status, createdAt, policy.OpeningHours, policy.ClosedDates);
        await ExecuteAsync(connection, """
            INSERT INTO resources (id, organization_id, category, title, description, municipality, address, fee_note, policy, status, created_at, updated_at)
            VALUES ($1, $2, $3, '통계 자원', '', $4, '주소', '', $5::jsonb, $6, $7, $7)
            """, resource.Id, organizationId, category.ToString(), municipality, JsonSerializer.Serialize(policy, PolicyJson), status, createdAt);
        Resources.Add(resource);
        return resource;
    }

    private async Task BookingAsync(NpgsqlConnection connection, Booking booking)
    {
        var end = booking.StartsAt.AddMinutes(booking.Minutes);
        await ExecuteAsync(connection, """
            INSERT INTO bookings (id, resource_id, booker_id, starts_at, ends_at, blocked_until, attendees, purpose, status, created_at)
            VALUES ($1, $2, $3, $4, $5, $5, 1, '', $6, $7)
            """, Guid.NewGuid(), booking.Resource.Id, booking.BookerId, booking.StartsAt, end, booking.Status, booking.StartsAt.AddDays(-3));
        Bookings.Add(booking);
    }

    private async Task<Lab> LabAsync(NpgsqlConnection connection, Guid organizationId, string name, string municipality, string status)
    {
        var lab = new Lab(Guid.NewGuid(), name, municipality, status);
        await ExecuteAsync(connection, """
            INSERT INTO labs (id, organization_id, name, description, municipality, address, safety_rules, seats_per_slot, timetable, manager_ids, status, created_at, updated_at)
            VALUES ($1, $2, $3, '', $4, '주소', '', 4, '{}'::jsonb, '{}'::uuid[], $5, $6, $6)
            """, lab.Id, organizationId, name, municipality, status, Seoul(2024, 6, 1));
        Labs.Add(lab);
        return lab;
    }

    private static async Task<Equipment> EquipmentAsync(NpgsqlConnection connection, Lab lab, string name)
    {
        var equipment = new Equipment(Guid.NewGuid(), lab, name);
        await ExecuteAsync(connection, """
            INSERT INTO lab_equipment (id, lab_id, name, model, description, requires_qualification, qualification_name, created_at)
            VALUES ($1, $2, $3, '', '', false, '', $4)
            """, equipment.Id, lab.Id, name, Seoul(2024, 6, 1));
        return equipment;
    }

    private async Task LabSessionAsync(NpgsqlConnection connection, LabSession session)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(connection, """
            INSERT INTO lab_bookings (id, lab_id, booker_id, slot_starts_at, slot_ends_at, status, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
            """, id, session.Lab.Id, session.BookerId, session.StartsAt, session.StartsAt.AddMinutes(session.Minutes), session.Status, session.StartsAt.AddDays(-2));
        foreach (var use in session.Uses)
        {
            await ExecuteAsync(connection, """
                INSERT INTO lab_booking_equipment (lab_booking_id, equipment_id, slot_starts_at, released, usage_minutes) VALUES ($1, $2, $3, $4, $5)
                """, id, use.Equipment.Id, session.StartsAt, use.Released, use.Minutes);
        }

        LabSessions.Add(session);
    }

    private async Task<Circle> CircleAsync(NpgsqlConnection connection, Guid hostId, string municipality, string status)
    {
        var circle = new Circle(Guid.NewGuid(), municipality, status);
        await ExecuteAsync(connection, """
            INSERT INTO circles (id, host_id, title, topics, description, municipality, member_cap, join_policy, status, member_count, created_at)
            VALUES ($1, $2, '통계 동아리', '{}'::text[], '', $3, 20, 'Open', $4, 0, $5)
            """, circle.Id, hostId, municipality, status, Seoul(2024, 6, 1));
        Circles.Add(circle);
        return circle;
    }

    private async Task MeetingAsync(NpgsqlConnection connection, Meeting meeting)
    {
        await ExecuteAsync(connection, """
            INSERT INTO meetings (id, circle_id, title, agenda, starts_at, ends_at, capacity, place, status, created_by, created_at)
            VALUES ($1, $2, '모임', '', $3, $4, 10, '도서관', $5, (SELECT host_id FROM circles WHERE id = $2), $6)
            """, meeting.Id, meeting.Circle.Id, meeting.StartsAt, meeting.StartsAt.AddMinutes(meeting.Minutes), meeting.Status, meeting.StartsAt.AddDays(-7));
        foreach (var answer in meeting.Answers)
        {
            await ExecuteAsync(connection, """
                INSERT INTO rsvps (id, meeting_id, user_id, status, answered_at, attended) VALUES ($1, $2, $3, $4, $5, $6)
                """, Guid.NewGuid(), meeting.Id, answer.UserId, answer.Status, meeting.StartsAt.AddDays(-1), answer.Attended);
        }

        Meetings.Add(meeting);
    }

    private async Task ProposalAsync(NpgsqlConnection connection, Proposal proposal, Guid[] users)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(connection, """
            INSERT INTO proposals (id, proposer_id, title, description, category, municipality, status, standing, created_at)
            VALUES ($1, $2, '통계 제안', '', $3, $4, $5, $6, $7)
            """, id, users[0], proposal.Category.ToString(), proposal.Municipality, proposal.Status, proposal.Standing, proposal.CreatedAt);
        foreach (var supporter in users.Take(proposal.Supports))
            await ExecuteAsync(connection, "INSERT INTO proposal_supports (proposal_id, user_id, supported_at) VALUES ($1, $2, $3)", id, supporter, proposal.CreatedAt);
        Proposals.Add(proposal);
    }

    private async Task ReviewAsync(NpgsqlConnection connection, Review review, Guid author)
    {
        await ExecuteAsync(connection, """
            INSERT INTO reviews (id, author_id, subject_type, subject_id, listing_type, listing_id, rating, text, created_at, standing)
            VALUES ($1, $2, 'Booking', $3, $4, $5, $6, '통계 후기', $7, $8)
            """, Guid.NewGuid(), author, Guid.NewGuid(), review.ListingType, review.ListingId, review.Rating, review.CreatedAt, review.Standing);
        Reviews.Add(review);
    }
}
