namespace SharingPlatform.Application.Reports;

/// <summary>
/// A signed-in person reports something they can see. One open report per person and subject: the database's unique
/// partial index settles two at once (→ 409 <c>already_reported</c>).
/// </summary>
public sealed record FileReport(ReportSubjectType SubjectType, Guid SubjectId, ReportReason Reason, string? Details) : ICommand<Guid>;

public sealed class FileReportValidator : AbstractValidator<FileReport>
{
    public FileReportValidator()
    {
        RuleFor(c => c.SubjectType).IsInEnum();
        RuleFor(c => c.SubjectId).NotEmpty();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Details).MaximumLength(Report.DetailsMaxLength);
        RuleFor(c => c.Details).NotEmpty().When(c => c.Reason == ReportReason.Other)
            .WithMessage(_ => Texts.Get("ReportDetailsRequired"));
    }
}

public sealed class FileReportHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<FileReport, Guid>
{
    public async ValueTask<Guid> Handle(FileReport command, CancellationToken cancellationToken)
    {
        var reporterId = currentUser.RequireId();
        var report = Report.File(reporterId, command.SubjectType, command.SubjectId, command.Reason, command.Details, clock.GetUtcNow());
        await db.RequireVisibleAsync(command.SubjectType, command.SubjectId, currentUser, cancellationToken);
        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ReportSubjects.From(e) is { } conflict)
        {
            throw conflict;
        }

        return report.Id;
    }
}
