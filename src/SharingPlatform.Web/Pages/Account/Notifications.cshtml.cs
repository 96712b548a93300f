using SharingPlatform.Domain.Notifications;

namespace SharingPlatform.Web.Pages.Account;

/// <summary>
/// Which notifications also come by email (all of them land in the inbox), grouped as a person reads them. The
/// administrators' digest is shown only to administrators; a kind not shown keeps its setting.
/// </summary>
[Authorize]
public sealed class NotificationsModel(ISender sender) : PageModel
{
    public static readonly IReadOnlyList<(string Legend, NotificationKind[] Kinds)> Groups =
    [
        ("NotificationGroupBookings",
        [
            NotificationKind.BookingConfirmed, NotificationKind.BookingRejected, NotificationKind.BookingCancelled,
            NotificationKind.BookingRequested, NotificationKind.NoShowRecorded, NotificationKind.BookingPaused,
        ]),
        ("NotificationGroupReminders", [NotificationKind.BookingReminder, NotificationKind.BookingStillPending]),
        ("NotificationGroupCatalog",
        [
            NotificationKind.OrganizationVerified, NotificationKind.OrganizationRejected, NotificationKind.OrganizationSuspended,
            NotificationKind.OrganizationRestored, NotificationKind.ResourceApproved, NotificationKind.ResourceRejected,
            NotificationKind.ResourceSuspended, NotificationKind.ResourceRestored, NotificationKind.ChangeApproved,
            NotificationKind.ChangeRejected, NotificationKind.OrganizationInvitation,
        ]),
        ("NotificationGroupLoans",
        [
            NotificationKind.LoanRequested, NotificationKind.LoanConfirmed, NotificationKind.LoanRejected, NotificationKind.LoanCancelled,
            NotificationKind.LoanReturnReminder, NotificationKind.LoanOverdue, NotificationKind.LoanBorrowerSuspended,
            NotificationKind.LoanUnitsOutOfService,
        ]),
        ("NotificationGroupAdministrators", [NotificationKind.ReviewDigest]),
        ("NotificationGroupLabs",
        [
            NotificationKind.LabSessionBooked, NotificationKind.LabSessionReminder, NotificationKind.LabSessionCancelled,
            NotificationKind.LabNoShowRecorded, NotificationKind.LabEquipmentOutOfService, NotificationKind.QualificationGranted,
            NotificationKind.QualificationRevoked, NotificationKind.LabApproved, NotificationKind.LabRejected,
            NotificationKind.LabSuspended, NotificationKind.LabRestored,
        ]),
        ("NotificationGroupCircles",
        [
            NotificationKind.CircleJoinRequested, NotificationKind.CircleJoinApproved, NotificationKind.CircleJoinDeclined,
            NotificationKind.CircleMemberRemoved, NotificationKind.CircleSuspended, NotificationKind.CircleRestored,
            NotificationKind.MeetingScheduled, NotificationKind.MeetingMoved, NotificationKind.MeetingCancelled,
            NotificationKind.MeetingPromoted, NotificationKind.MeetingReminder, NotificationKind.FavouriteCircleMeeting,
        ]),
        ("NotificationGroupProposals",
        [
            NotificationKind.ProposalTakenUp, NotificationKind.ProposalAccepted, NotificationKind.ProposalDeclined,
            NotificationKind.ProposalSuspended, NotificationKind.ProposalRestored,
        ]),
        ("NotificationGroupReviews", [NotificationKind.ReviewRequested, NotificationKind.ReviewSuspended, NotificationKind.ReviewRestored]),
        ("NotificationGroupStories",
            [NotificationKind.StoryApproved, NotificationKind.StoryRejected, NotificationKind.StorySuspended, NotificationKind.StoryRestored]),
        ("NotificationGroupReports", [NotificationKind.ReportDecided]),
        ("NotificationGroupAccount", [NotificationKind.AccountSuspended, NotificationKind.AccountRestored, NotificationKind.SignInTokenReused]),
    ];

    /// <summary>The kinds ticked: these also come by email.</summary>
    [BindProperty]
    public List<NotificationKind> Emails { get; set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public bool Shows(NotificationKind kind) => kind != NotificationKind.ReviewDigest || User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await sender.Send(new GetNotificationSettings(), cancellationToken);
        Emails = settings.Emails.Where(e => e.Email).Select(e => e.Kind).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return BadRequest();
        var current = await sender.Send(new GetNotificationSettings(), cancellationToken);
        var off = current.Emails.Where(e => Shows(e.Kind) ? !Emails.Contains(e.Kind) : !e.Email).Select(e => e.Kind).ToList();
        await sender.Send(new ChooseNotificationEmails(off), cancellationToken);
        Saved = "NotificationSettingsSaved";
        return RedirectToPage();
    }
}
