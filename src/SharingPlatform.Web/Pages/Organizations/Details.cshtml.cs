using SharingPlatform.Domain.Organizations;

namespace SharingPlatform.Web.Pages.Organizations;

/// <summary>
/// One organization. The public sees a verified one; its members see "my organization": review state, members (owners
/// add and remove them) and every resource with its review outcome. Administrators decide on it here too.
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<SiteText> localizer) : PageModel
{
    private static readonly Dictionary<string, string> MemberInputs = ValidationErrors.Inputs(
        ("Email", "NewMember.Email"),
        ("Role", "NewMember.Role"));

    private static readonly Dictionary<string, string> DecisionInputs = ValidationErrors.Inputs(("Reason", "Reason"));

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrganizationDetails Details { get; private set; } = null!;

    public OrganizationView Organization => Details.Organization;

    public IReadOnlyList<OrganizationResourceRow> Resources { get; private set; } = [];

    /// <summary>Invitations not yet answered, for owners and administrators.</summary>
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public bool IsMember => Details.MyRole is not null;

    public bool IsOwner => Details.MyRole == MemberRole.Owner;

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [BindProperty]
    public MemberInput NewMember { get; set; } = new();

    /// <summary>An administrator's reason for a decision.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken) =>
        ActAsync(new InviteOrganizationMember(Id, NewMember.Email?.Trim() ?? "", NewMember.Role), "MemberInvited", MemberInputs, cancellationToken);

    public Task<IActionResult> OnPostCancelInvitationAsync(Guid invitationId, CancellationToken cancellationToken) =>
        ActAsync(new CancelInvitation(Id, invitationId), "InvitationCancelled", MemberInputs, cancellationToken);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid userId, CancellationToken cancellationToken) =>
        ActAsync(new RemoveOrganizationMember(Id, userId), "MemberRemoved", MemberInputs, cancellationToken);

    /// <summary>The signed-in member leaves; they may no longer see the organization, so "my organizations" says it is done.</summary>
    public Task<IActionResult> OnPostLeaveAsync([FromServices] ICurrentUser currentUser, CancellationToken cancellationToken) =>
        currentUser.Id is not { } self
            ? Task.FromResult<IActionResult>(Challenge())
            : this.SendAsync(sender, new RemoveOrganizationMember(Id, self), localizer, _ =>
            {
                Done = "OrganizationLeft";
                return RedirectToPage("/Organizations/Index");
            }, () => ReloadAsync(cancellationToken), MemberInputs, cancellationToken);

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken) =>
        ActAsync(new VerifyOrganization(Id, Reason), "OrganizationVerified", DecisionInputs, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        ActAsync(new RejectOrganization(Id, Reason), "OrganizationRejected", DecisionInputs, cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) =>
        ActAsync(new SuspendOrganization(Id, Reason), "OrganizationSuspended", DecisionInputs, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) =>
        ActAsync(new RestoreOrganization(Id, Reason), "OrganizationRestored", DecisionInputs, cancellationToken);

    private Task<IActionResult> ActAsync(ICommand command, string done, IReadOnlyDictionary<string, string> inputs, CancellationToken cancellationToken) =>
        this.SendAsync(sender, command, localizer, _ => this.RedirectWithDone(new { id = Id }, done), () => ReloadAsync(cancellationToken), inputs, cancellationToken);

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Details = await sender.Send(new GetOrganization(Id), cancellationToken);
            if (IsMember || IsAdministrator)
                Resources = await sender.Send(new ListOrganizationResources(Id), cancellationToken);
            if (IsOwner || IsAdministrator)
                Invitations = await sender.Send(new ListOrganizationInvitations(Id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class MemberInput
    {
        public string? Email { get; set; }
        public MemberRole Role { get; set; } = MemberRole.Staff;
    }
}
