using SharingPlatform.Domain.Common;
using SharingPlatform.Domain.Reports;

namespace SharingPlatform.Domain.Tests;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Guid ReporterId = Guid.NewGuid();
    private static readonly Guid AdminId = Guid.NewGuid();

    private static Report NewReport() => Report.File(ReporterId, ReportSubjectType.Resource, Guid.NewGuid(), ReportReason.Spam, "  광고 글  ", Now);

    [Fact]
    public void A_filed_report_is_open_with_trimmed_details()
    {
        var report = NewReport();

        report.Status.ShouldBe(ReportStatus.Open);
        report.Details.ShouldBe("광고 글");
        report.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        report.DecidedAt.ShouldBeNull();
    }

    [Fact]
    public void Reporting_yourself_is_refused()
    {
        var refused = Should.Throw<DomainRuleException>(() => Report.File(ReporterId, ReportSubjectType.User, ReporterId, ReportReason.Spam, null, Now));

        refused.Code.ShouldBe("cannot_report_yourself");
    }

    [Fact]
    public void The_reason_other_needs_details()
    {
        Should.Throw<DomainRuleException>(() => Report.File(ReporterId, ReportSubjectType.Circle, Guid.NewGuid(), ReportReason.Other, " ", Now))
            .Code.ShouldBe("report_details_required");
    }

    [Fact]
    public void Details_longer_than_the_limit_are_refused()
    {
        Should.Throw<DomainRuleException>(() => Report.File(
                ReporterId, ReportSubjectType.Circle, Guid.NewGuid(), ReportReason.Fraud, new string('가', Report.DetailsMaxLength + 1), Now))
            .Code.ShouldBe("report_details_too_long");
    }

    [Fact]
    public void Resolving_an_open_report_records_who_when_and_the_note()
    {
        var report = NewReport();

        report.Resolve(AdminId, " 게시물을 정지했습니다 ", Now.AddHours(1));

        report.Status.ShouldBe(ReportStatus.Resolved);
        report.DeciderId.ShouldBe(AdminId);
        report.Note.ShouldBe("게시물을 정지했습니다");
        report.DecidedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Dismissing_an_open_report_closes_it()
    {
        var report = NewReport();

        report.Dismiss(AdminId, "문제없음", Now);

        report.Status.ShouldBe(ReportStatus.Dismissed);
    }

    [Fact]
    public void A_decision_needs_a_note()
    {
        Should.Throw<DomainRuleException>(() => NewReport().Resolve(AdminId, " ", Now)).Code.ShouldBe("reason_required");
    }

    [Fact]
    public void A_decided_report_cannot_be_decided_again()
    {
        var report = NewReport();
        report.Dismiss(AdminId, "문제없음", Now);

        Should.Throw<IllegalTransitionException>(() => report.Resolve(AdminId, "다시", Now)).Code.ShouldBe("report_already_decided");
        Should.Throw<IllegalTransitionException>(() => report.Dismiss(AdminId, "다시", Now)).Code.ShouldBe("report_already_decided");
    }
}
