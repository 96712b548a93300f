using SharingPlatform.Application.Resources;

namespace SharingPlatform.Application.Loans;

/// <summary>For each day of [From, To] (Seoul dates, at most 92 days): whether the desk is open, and how many units are left.</summary>
public sealed record GetLoanAvailability(Guid ResourceId, DateOnly From, DateOnly To) : IQuery<LoanAvailability>;

public sealed record LoanAvailability(IReadOnlyList<LoanDayView> Days);

public sealed record LoanDayView(DateOnly Date, bool Open, int UnitsLeft);

public sealed class GetLoanAvailabilityValidator : AbstractValidator<GetLoanAvailability>
{
    public const int MaxDays = 92;

    public GetLoanAvailabilityValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From);
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber < MaxDays)
            .WithMessage(_ => Texts.Get("AtMostDays", MaxDays));
    }
}

public sealed class GetLoanAvailabilityHandler(IApplicationDbContext db) : IQueryHandler<GetLoanAvailability, LoanAvailability>
{
    public async ValueTask<LoanAvailability> Handle(GetLoanAvailability query, CancellationToken cancellationToken)
    {
        var resource = await db.PubliclyVisible().AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.ResourceId, cancellationToken)
            ?? throw ResourceAccess.NotFound();
        if (resource.Lending is null)
            throw new DomainRuleException("resource_not_lent", Texts.Get("Rule_resource_not_lent"));
        var left = await db.LeftAsync(resource, query.From, query.To, cancellationToken);
        return new LoanAvailability(left.OrderBy(d => d.Key)
            .Select(d => new LoanDayView(d.Key, resource.Policy.OpensOn(d.Key), resource.Policy.OpensOn(d.Key) ? d.Value : 0)).ToList());
    }
}
