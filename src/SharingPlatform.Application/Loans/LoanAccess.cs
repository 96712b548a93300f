using SharingPlatform.Application.Organizations;

namespace SharingPlatform.Application.Loans;

/// <summary>
/// Who may see and act on a loan: its borrower, the members of the organization that lends the resource (the desk) and
/// administrators. Anyone else gets 404, as if it did not exist.
/// </summary>
public static class LoanAccess
{
    public static Exception NotFound() => new NotFoundException(Texts.Get("NoSuchLoan"));

    /// <summary>Loads a loan (tracked, with its steps) and says whether the caller is of the desk.</summary>
    public static async Task<(Loan Loan, Guid UserId, bool IsDesk)> LoadAsync(
        this IApplicationDbContext db, Guid loanId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireId();
        var loan = await db.Loans.Include(l => l.History).SingleOrDefaultAsync(l => l.Id == loanId, cancellationToken) ?? throw NotFound();
        var organizationId = await db.Resources.Where(r => r.Id == loan.ResourceId).Select(r => r.OrganizationId).SingleAsync(cancellationToken);
        var isDesk = await db.IsMemberAsync(organizationId, userId, cancellationToken);
        if (loan.BorrowerId != userId && !isDesk && !currentUser.IsInRole(Roles.Administrator))
            throw NotFound();
        return (loan, userId, isDesk);
    }

    /// <summary>
    /// Loads a loan (tracked) for the lending desk to act on, with the resource's lending: 404 for who may not see it, 403
    /// for its borrower, 409 <c>organization_suspended</c> while the organization is suspended.
    /// </summary>
    public static async Task<DeskLoan> LoadForDeskAsync(
        this IApplicationDbContext db, Guid loanId, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var (loan, userId, isDesk) = await db.LoadAsync(loanId, currentUser, cancellationToken);
        if (!isDesk)
            throw new ForbiddenException(Texts.Get("OnlyLendingDesk"));
        var resource = await db.Resources.AsNoTracking().Where(r => r.Id == loan.ResourceId)
            .Select(r => new { r.OrganizationId, r.Lending, r.Title }).SingleAsync(cancellationToken);
        await db.RequireNotSuspendedAsync(resource.OrganizationId, cancellationToken);
        return new DeskLoan(loan, resource.Lending!, resource.OrganizationId, resource.Title, userId);
    }

    public static async Task<LoanView> ViewAsync(this IApplicationDbContext db, Loan loan, CancellationToken cancellationToken)
    {
        var title = await db.Resources.Where(r => r.Id == loan.ResourceId).Select(r => r.Title).SingleAsync(cancellationToken);
        return LoanView.From(loan, title);
    }
}

/// <summary>A loan as the lending desk acts on it: with the resource's lending, organization and title, and who acts.</summary>
public sealed record DeskLoan(Loan Loan, LendingPolicy Lending, Guid OrganizationId, string Title, Guid UserId);
