using SharingPlatform.Domain.Circles;
using SharingPlatform.Domain.Reviews;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// Demo reviews for Development: the demo residents review their completed bookings, checked-in lab sessions, attended
/// meetings and returned loans the day after each ended, and the demo manager replies to some. Idempotent: nothing is
/// added once any exists.
/// </summary>
internal static class DemoReviews
{
    private static readonly (int Rating, string Text)[] Words =
    [
        (5, "깨끗하고 안내가 친절했습니다. 다음에도 이용하고 싶어요."),
        (4, "필요한 것이 다 있었어요. 주차가 조금 불편했습니다."),
        (5, "Easy to book and everything worked. Thank you!"),
        (3, "괜찮았지만 예약 시간보다 조금 늦게 열렸어요."),
    ];

    public static async Task SeedAsync(IServiceProvider provider, User manager, params User[] residents)
    {
        var db = provider.GetRequiredService<ApplicationDbContext>();
        if (await db.Reviews.AnyAsync())
            return;
        var ids = residents.Select(r => r.Id).ToList();
        var taken = new List<(Guid Author, ReviewSubject Subject, Guid SubjectId, ReviewedListing Listing, Guid ListingId, DateTimeOffset EndedAt)>();
        taken.AddRange((await db.Bookings.Where(b => ids.Contains(b.BookerId) && b.Status == BookingStatus.Completed).ToListAsync())
            .Select(b => (b.BookerId, ReviewSubject.Booking, b.Id, ReviewedListing.Resource, b.ResourceId, b.EndsAt)));
        taken.AddRange((await db.LabBookings.Where(b => ids.Contains(b.BookerId)
                && (b.Status == LabBookingStatus.CheckedIn || b.Status == LabBookingStatus.Completed)).ToListAsync())
            .Select(b => (b.BookerId, ReviewSubject.LabBooking, b.Id, ReviewedListing.Lab, b.LabId, b.SlotEndsAt)));
        taken.AddRange((await db.Rsvps.Where(r => ids.Contains(r.UserId) && r.Attended == true)
                .Join(db.Meetings, r => r.MeetingId, m => m.Id, (r, m) => new { r.UserId, m.Id, m.CircleId, m.EndsAt }).ToListAsync())
            .Select(x => (x.UserId, ReviewSubject.Meeting, x.Id, ReviewedListing.Circle, x.CircleId, x.EndsAt)));
        var returned = await db.Loans.Where(l => ids.Contains(l.BorrowerId) && l.Status == LoanStatus.Returned).ToListAsync();
        taken.AddRange(returned.Select(l => (l.BorrowerId, ReviewSubject.Loan, l.Id, ReviewedListing.Resource, l.ResourceId,
            l.History.Where(c => c.Status == LoanStatus.Returned).Max(c => c.At))));

        var i = 0;
        foreach (var t in taken.OrderBy(t => t.EndedAt))
        {
            var (rating, text) = Words[i % Words.Length];
            var review = Review.Write(t.Author, t.Subject, t.SubjectId, t.Listing, t.ListingId, rating, text, t.EndedAt, t.EndedAt.AddDays(1));
            if (t.Listing != ReviewedListing.Circle && i % 2 == 0)
                review.Answer(manager.Id, "이용해 주셔서 고맙습니다. 말씀해 주신 점은 다음 운영에 반영하겠습니다.", t.EndedAt.AddDays(2));
            db.Reviews.Add(review);
            i++;
        }

        await db.SaveChangesAsync();
    }
}
