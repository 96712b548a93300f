namespace SharingPlatform.Application.Calendar;

/// <summary>Makes a new secret calendar link for the signed-in person; the old one stops working at once.</summary>
public sealed record RegenerateCalendarLink : ICommand<CalendarLink>;

public sealed record CalendarLink(string Token, string Url);

public sealed class RegenerateCalendarLinkHandler(IApplicationDbContext db, ICurrentUser currentUser, IAppLinks links) : ICommandHandler<RegenerateCalendarLink, CalendarLink>
{
    public async ValueTask<CalendarLink> Handle(RegenerateCalendarLink command, CancellationToken cancellationToken)
    {
        var id = currentUser.RequireId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotSignedInException();
        var token = user.RegenerateCalendarToken();
        await db.SaveChangesAsync(cancellationToken);
        return new CalendarLink(token, links.To($"/calendar/{token}.ics").ToString());
    }
}
