using SharingPlatform.Domain.Municipalities;
using SharingPlatform.Domain.Proposals;
using SharingPlatform.Domain.Resources;

namespace SharingPlatform.Application.Proposals;

public enum ProposalSort
{
    Support,
    Newest,
}

/// <summary>Proposals, most supported or newest first, filtered by municipality, category and status.</summary>
public sealed record ListProposals(
    ProposalSort Sort = ProposalSort.Support, string? Municipality = null, ResourceCategory? Category = null, ProposalStatus? Status = null,
    int Page = 1, int PageSize = 20) : IQuery<PagedList<ProposalView>>;

public sealed class ListProposalsValidator : AbstractValidator<ListProposals>
{
    public ListProposalsValidator()
    {
        this.ValidPage(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Municipality).Must(m => m is null || Municipality.IsKnown(m)).WithMessage(_ => Texts.Get("UnknownMunicipality"));
    }
}

public sealed class ListProposalsHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<ListProposals, PagedList<ProposalView>>
{
    public async ValueTask<PagedList<ProposalView>> Handle(ListProposals query, CancellationToken cancellationToken)
    {
        var proposals = db.Proposals.AsNoTracking().VisibleTo(currentUser);
        if (query.Municipality is { } municipality)
            proposals = proposals.Where(p => p.Municipality == municipality);
        if (query.Category is { } category)
            proposals = proposals.Where(p => p.Category == category);
        if (query.Status is { } status)
            proposals = proposals.Where(p => p.Status == status);
        proposals = query.Sort == ProposalSort.Newest
            ? proposals.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            : proposals.OrderByDescending(p => db.ProposalSupports.Count(s => s.ProposalId == p.Id)).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Id);
        var views = db.Views(proposals, currentUser.Id);
        return await views.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
